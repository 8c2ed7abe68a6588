import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PAYLOAD_SCHEMAS,
  type MessageKind,
  OrderPayloadSchema,
  RefundPayloadSchema,
} from '../../src/contracts/index.js';
import { customerNumberFor, mapCustomer, mapOrder, mapProduct, mapRefund } from '../../src/domain/index.js';
import {
  orderContext,
  profileWith,
  RATE_MAP,
  refundContext,
  sopRef,
  wooOrder,
  wooRefunds,
  wooScenarios,
} from '../support/domain-fixtures.js';

/**
 * The PHP ↔ bridge contract: the plugin's own PHP assemblers render the payloads of the 24 real WooCommerce 9.4
 * orders, their refunds, the store's customers, guests and products (plugin/tests/contract/write-payloads.php);
 * every payload must pass the bridge's zod schema of its kind and map to eConnect documents. A field the plugin
 * renames, a number where a decimal string belongs or an empty meta map sent as `[]` fails here.
 *
 * Payloads built by the PHP integration tests from real WooCommerce orders (HPOS and posts storage) land in
 * .local/contract-payloads/live/<kind>/ and are validated the same way when present.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const script = join(repoRoot, 'plugin/tests/contract/write-payloads.php');
const liveDir = join(repoRoot, '.local/contract-payloads/live');
const KINDS = ['order', 'refund', 'customer', 'product'] as const satisfies readonly MessageKind[];

type Written = Record<MessageKind, Array<{ name: string; json: unknown }>>;

function readPayloads(dir: string): Written {
  const written: Written = { order: [], refund: [], customer: [], product: [] };
  for (const kind of KINDS) {
    const kindDir = join(dir, kind);
    if (!existsSync(kindDir)) continue;
    for (const file of readdirSync(kindDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      written[kind].push({
        name: file.replace(/\.json$/, ''),
        json: JSON.parse(readFileSync(join(kindDir, file), 'utf8')),
      });
    }
  }
  return written;
}

function issuesOf(kind: MessageKind, json: unknown): string[] {
  const result = PAYLOAD_SCHEMAS[kind].safeParse(json);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

// The profile of the fixture corpus test: every status maps to an order, overlong text is truncated and
// unknown SKUs become non-inventory lines, so each fixture yields a document whatever the merchant's choices.
const profile = profileWith({
  length_policy: 'truncate',
  timezone: 'America/Los_Angeles',
  status_map: Object.fromEntries(
    ['processing', 'completed', 'cancelled', 'on-hold', 'refunded', 'pending'].map((s) => [s, 'order']),
  ),
  items: { unmatched_sku_policy: 'non_inventory' },
  taxes: { rate_map: RATE_MAP },
});

let outDir = '';
let summary: Record<string, number> = {};
let written: Written = { order: [], refund: [], customer: [], product: [] };

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'gpsync-php-payloads-'));
  let stdout: string;
  try {
    stdout = execFileSync('php', [script, outDir], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  } catch (error) {
    throw new Error(
      `php ${script} failed (needs PHP 8.1+ and \`composer install\` in plugin/): ${String(error)}`,
    );
  }
  summary = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
  written = readPayloads(outDir);
});

afterAll(() => {
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
});

describe('payloads rendered by the PHP plugin (plugin/tests/contract/write-payloads.php)', () => {
  it('when the script runs over the fixtures, then it writes 24 orders, 3 refunds, the customers and 15 products', () => {
    expect(summary).toEqual({ order: 24, refund: 3, customer: written.customer.length, product: 15 });
    expect(written.order).toHaveLength(24);
    expect(written.refund).toHaveLength(3);
    expect(written.customer.length).toBeGreaterThanOrEqual(2);
    expect(written.product).toHaveLength(15);
  });

  it.each(KINDS)('when validated with the bridge schema, then every %s payload passes', (kind) => {
    const failures = written[kind]
      .map(({ name, json }) => ({ name, issues: issuesOf(kind, json) }))
      .filter((f) => f.issues.length > 0);
    expect(failures).toEqual([]);
  });

  it('when compared with the bridge’s own conversion of the same exports, then every order and refund is identical', () => {
    // Two independent readings of the WooCommerce exports (PHP assemblers vs test/support/woo-fixtures.ts) must agree.
    expect(wooScenarios()).toHaveLength(24);
    for (const { name, json } of written.order)
      expect(OrderPayloadSchema.parse(json), name).toEqual(wooOrder(name));
    for (const { name, json } of written.refund) {
      const [scenario] = name.split('.refund-');
      const expected = wooRefunds(scenario!).find((r) => `${scenario}.refund-${r.woo_refund_id}` === name);
      expect(RefundPayloadSchema.parse(json), name).toEqual(expected);
    }
  });

  it('when mapped by the domain, then every order, refund, customer and product becomes eConnect documents', () => {
    const failures: string[] = [];
    for (const { name, json } of written.order) {
      const order = OrderPayloadSchema.parse(json);
      const result = mapOrder(order, profile, orderContext(order, profile));
      if (!result.ok) failures.push(`order ${name}: ${result.code} ${result.message}`);
    }
    for (const { name, json } of written.refund) {
      const refund = RefundPayloadSchema.parse(json);
      const invoice = sopRef(3, `WI${refund.order_number}`, refund.order_number, { posted: true });
      const result = mapRefund(refund, profile, refundContext(refund, profile, [invoice]));
      if (!result.ok) failures.push(`refund ${name}: ${result.code} ${result.message}`);
    }
    for (const { name, json } of written.customer) {
      const customer = PAYLOAD_SCHEMAS.customer.parse(json);
      const result = mapCustomer(customer, profile, {
        customerNumber: customerNumberFor(customer, profile),
        exists: false,
      });
      if (!result.ok) failures.push(`customer ${name}: ${result.code} ${result.message}`);
    }
    for (const { name, json } of written.product) {
      const product = PAYLOAD_SCHEMAS.product.parse(json);
      if (product.sku === '') continue; // A SKU-less product is reported by design (missing_sku), tested in the domain suite.
      const result = mapProduct(product, profile);
      // The 35-character SKU travels untouched; GP item numbers hold 30, and a key is never truncated: the
      // bridge must refuse it by name rather than create a different item.
      const tooLong = product.sku.length > 30;
      if (tooLong && (result.ok || result.code !== 'field_too_long'))
        failures.push(`product ${name}: a ${product.sku.length}-character SKU was not refused`);
      if (!tooLong && !result.ok) failures.push(`product ${name}: ${result.code} ${result.message}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('payloads the PHP integration tests built from real WooCommerce orders (.local/contract-payloads/live)', () => {
  const live = existsSync(liveDir) ? readPayloads(liveDir) : undefined;
  const count = live === undefined ? 0 : KINDS.reduce((n, k) => n + live[k].length, 0);

  it.skipIf(count === 0)('when present, then every live payload passes the bridge schema of its kind', () => {
    const failures = KINDS.flatMap((kind) =>
      (live?.[kind] ?? []).map(({ name, json }) => ({ kind, name, issues: issuesOf(kind, json) })),
    ).filter((f) => f.issues.length > 0);
    expect(failures).toEqual([]);
  });
});
