import type {
  DeadResult,
  GpIds,
  MappingProfile,
  Message,
  MessageBatch,
  RetryResult,
} from '../contracts/index.js';
import type { EConnectDocument } from '../domain/econnect/document.js';
import type { MappingResult, MappingWarning } from '../domain/mapping-types.js';
import type { UseCaseDeps } from './domain-mapping.js';
import { fromMappingFailure } from './message-results.js';
import { parseMessage } from './parse-message.js';
import { resultOfError } from './process-batch.js';
import { resolveCustomer } from './resolve-customer.js';
import { itemNumbers } from './sync-order.js';
import { validateDocument, type DocumentIssue } from './validate-document.js';

export type PreviewDocument = {
  /** The eConnect XML exactly as the executor would run it (same document, SPEC §6). */
  readonly xml: string;
  readonly valid: boolean;
  readonly issues: readonly DocumentIssue[];
};

/** `POST /v1/preview`, per message: what would be sent to GP and whether GP's rules accept it. */
export type PreviewResult = {
  readonly id: string;
  readonly kind: string;
  readonly valid: boolean;
  readonly documents: readonly PreviewDocument[];
  readonly gp?: GpIds;
  readonly warnings: ReadonlyArray<{
    readonly code: string;
    readonly message: string;
    readonly field?: string;
  }>;
  /** Why there is nothing (or nothing valid) to send: the result processing would give now. */
  readonly result?: DeadResult | RetryResult;
};

/**
 * Maps and validates a batch without writing to GP: the same look-ups as processing (read-only, outside any
 * transaction), the same mappers, the XML of every document and every GP-rule problem found in it.
 */
export async function previewBatch(batch: MessageBatch, deps: UseCaseDeps): Promise<PreviewResult[]> {
  const results: PreviewResult[] = [];
  for (const message of batch.messages) results.push(await previewMessage(message, batch.profile, deps));
  return results;
}

export async function previewMessage(
  message: Message,
  profile: MappingProfile,
  deps: UseCaseDeps,
): Promise<PreviewResult> {
  const base = { id: message.id, kind: message.kind };
  const parsed = parseMessage(message);
  if (!parsed.ok) return { ...base, valid: false, documents: [], warnings: [], result: parsed.result };
  try {
    const { mapped, notes } = await mapForPreview(parsed, profile, deps);
    const warnings = [...notes, ...mapped.flatMap((m) => (m.ok ? m.warnings : []))].map(toWarning);
    const failure = mapped.find((m) => !m.ok);
    if (failure && !failure.ok)
      return {
        ...base,
        valid: false,
        documents: [],
        warnings,
        result: fromMappingFailure(message.id, failure),
      };
    const documents = mapped.flatMap((m) => (m.ok ? m.documents : [])).map((d) => previewDocument(d, deps));
    const gp = mapped.reduce<GpIds>((ids, m) => (m.ok ? { ...ids, ...m.gp } : ids), {});
    return { ...base, valid: documents.every((d) => d.valid), documents, gp, warnings };
  } catch (error) {
    const result = resultOfError(message.id, error, deps);
    return {
      ...base,
      valid: false,
      documents: [],
      warnings: [],
      result: result.status === 'done' ? undefined : result,
    };
  }
}

function previewDocument(document: EConnectDocument, deps: UseCaseDeps): PreviewDocument {
  const issues = validateDocument(document);
  return { xml: deps.mapping.toEConnectXml(document), valid: issues.length === 0, issues };
}

function toWarning(w: MappingWarning) {
  return { code: w.code, message: w.message, ...(w.field !== undefined ? { field: w.field } : {}) };
}

async function mapForPreview(
  parsed: Extract<ReturnType<typeof parseMessage>, { ok: true }>,
  profile: MappingProfile,
  { gateway, mapping }: UseCaseDeps,
): Promise<{ mapped: MappingResult[]; notes: MappingWarning[] }> {
  switch (parsed.kind) {
    case 'customer': {
      const ctx = await resolveCustomer(gateway, parsed.payload, profile, mapping);
      return { mapped: [mapping.mapCustomer(parsed.payload, profile, ctx)], notes: [] };
    }
    case 'product':
      return { mapped: [mapping.mapProduct(parsed.payload, profile)], notes: [] };
    case 'order': {
      const order = parsed.payload;
      const action = mapping.orderActionFor(order.status, profile);
      if (action === 'ignore' || action === 'return') {
        return {
          mapped: [],
          notes: [
            {
              code: 'no_gp_document',
              message: `status "${order.status}" makes no GP document from the order`,
            },
          ],
        };
      }
      const existing = await gateway.findSopDocuments({ customerPo: order.order_number });
      const notes: MappingWarning[] = [];
      if (action !== 'cancel') {
        const key = mapping.sopDocumentKey(action, order.order_number, profile);
        if (
          existing.some(
            (d) => d.sopType === key.sopType && d.sopNumber.toUpperCase() === key.sopNumber.toUpperCase(),
          )
        ) {
          notes.push({
            code: 'already_in_gp',
            message: `GP already has ${key.sopNumber}: processing would write nothing and answer with its ids`,
          });
        }
      }
      const customer =
        action === 'cancel'
          ? { customerNumber: existing[0]?.customerNumber ?? '', exists: existing.length > 0 }
          : await resolveCustomer(gateway, order.customer, profile, mapping);
      const knownItems = await gateway.findItems(
        itemNumbers(
          order.lines.map((l) => l.sku),
          mapping,
        ),
      );
      const customerMapped =
        action === 'cancel' ? [] : [mapping.mapCustomer(order.customer, profile, customer)];
      return {
        mapped: [
          ...customerMapped,
          mapping.mapOrder(order, profile, { customer, knownItems, existingDocuments: existing }),
        ],
        notes,
      };
    }
    case 'refund': {
      const refund = parsed.payload;
      const orderDocuments = (await gateway.findSopDocuments({ customerPo: refund.order_number })).filter(
        (d) => (d.sopType === 2 || d.sopType === 3) && !d.voided,
      );
      const source = orderDocuments.find((d) => d.sopType === 3) ?? orderDocuments[0];
      const notes: MappingWarning[] = source
        ? []
        : [
            {
              code: 'order_not_in_gp_yet',
              message: `GP has no document for order ${refund.order_number} yet; processing would wait for it`,
            },
          ];
      const customer = source
        ? { customerNumber: source.customerNumber, exists: true }
        : await resolveCustomer(gateway, refund.customer, profile, mapping);
      const knownItems = await gateway.findItems(
        itemNumbers(
          refund.lines.map((l) => l.sku),
          mapping,
        ),
      );
      return {
        mapped: [mapping.mapRefund(refund, profile, { customer, knownItems, orderDocuments })],
        notes,
      };
    }
  }
}
