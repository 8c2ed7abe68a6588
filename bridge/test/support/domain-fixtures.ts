import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CustomerPayload,
  CustomerPayloadSchema,
  type MappingProfile,
  MappingProfileSchema,
  type OrderPayload,
  OrderPayloadSchema,
  type ProductPayload,
  ProductPayloadSchema,
  type RefundPayload,
  RefundPayloadSchema,
} from '../../src/contracts/index.js';
import type { EConnectDocument, EConnectNode } from '../../src/domain/econnect/document.js';
import { customerNumberFor } from '../../src/domain/keys.js';
import type {
  MappingResult,
  MappingSuccess,
  OrderContext,
  RefundContext,
  SopDocumentRef,
} from '../../src/domain/mapping-types.js';

/** Payload fixtures and small builders for the domain tests. Everything is parsed through the wire contract. */
const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export function wooOrder(scenario: string): OrderPayload {
  return OrderPayloadSchema.parse(readJson(join(fixtures, 'woocommerce-9.4', `${scenario}.order.json`)));
}

export function wooRefunds(scenario: string): RefundPayload[] {
  return readdirSync(join(fixtures, 'woocommerce-9.4'))
    .filter((f) => f.startsWith(`${scenario}.refund-`))
    .map((f) => RefundPayloadSchema.parse(readJson(join(fixtures, 'woocommerce-9.4', f))));
}

export function wooScenarios(): string[] {
  return readdirSync(join(fixtures, 'woocommerce-9.4'))
    .filter((f) => f.endsWith('.order.json'))
    .map((f) => f.replace(/\.order\.json$/, ''))
    .sort();
}

export const syntheticCustomer = (name: string): CustomerPayload =>
  CustomerPayloadSchema.parse(readJson(join(fixtures, 'synthetic', `${name}.json`)));
export const syntheticProduct = (name: string): ProductPayload =>
  ProductPayloadSchema.parse(readJson(join(fixtures, 'synthetic', `${name}.json`)));
export const syntheticOrder = (name: string): OrderPayload =>
  OrderPayloadSchema.parse(readJson(join(fixtures, 'synthetic', `${name}.json`)));

/** A profile: contract defaults plus the overrides a test names. */
export function profileWith(overrides: Record<string, unknown> = {}): MappingProfile {
  return MappingProfileSchema.parse({ version: 'test-profile', ...overrides });
}

/** GP tax details for the fixture store's rates (CA 1/2, reduced 3, NY 4/5) and the synthetic WA rates. */
export const RATE_MAP = {
  '1': 'CA-STATE',
  '2': 'CA-COUNTY',
  '3': 'CA-REDUCED',
  '4': 'NY-STATE',
  '5': 'NY-CITY',
  '11': 'WA-STATE',
  '12': 'WA-COUNTY',
  '13': 'WA-SEATTLE',
};

export function orderContext(
  order: OrderPayload,
  profile: MappingProfile,
  overrides: Partial<OrderContext> = {},
): OrderContext {
  return {
    customer: { customerNumber: customerNumberFor(order.customer, profile), exists: true },
    knownItems: new Set(order.lines.map((l) => l.sku.trim().toUpperCase()).filter((s) => s !== '')),
    existingDocuments: [],
    ...overrides,
  };
}

export function sopRef(
  sopType: number,
  sopNumber: string,
  customerPo: string,
  flags: { posted?: boolean; voided?: boolean } = {},
): SopDocumentRef {
  return {
    sopType,
    sopNumber,
    customerNumber: 'WC3',
    customerPo,
    documentAmount: '0',
    posted: flags.posted ?? false,
    voided: flags.voided ?? false,
  };
}

export function refundContext(
  refund: RefundPayload,
  profile: MappingProfile,
  orderDocuments: SopDocumentRef[],
): RefundContext {
  return {
    customer: { customerNumber: customerNumberFor(refund.customer, profile), exists: true },
    knownItems: new Set(refund.lines.map((l) => l.sku.trim().toUpperCase()).filter((s) => s !== '')),
    orderDocuments,
  };
}

export function expectSuccess(result: MappingResult): MappingSuccess {
  if (!result.ok) throw new Error(`expected a mapping success, got ${result.code}: ${result.message}`);
  return result;
}

export function nodesOf(document: EConnectDocument | undefined, node: string): EConnectNode[] {
  return (document?.transactions ?? []).flatMap((t) => t.nodes.filter((n) => n.node === node));
}

export function only(document: EConnectDocument | undefined, node: string): Readonly<Record<string, string>> {
  const found = nodesOf(document, node);
  if (found.length !== 1) throw new Error(`expected exactly one ${node}, found ${found.length}`);
  return found[0]!.fields;
}

/** The last document of a result: the sales document (placeholder items come first). */
export const salesDocument = (result: MappingSuccess): EConnectDocument | undefined =>
  result.documents.at(-1);
