import type { MappingProfile, MessageResult, OrderPayload } from '../contracts/index.js';
import { findExistingSale, saleDocumentsOf } from '../domain/existing-document.js';
import type {
  MappingSuccess,
  SopDocumentRef,
  StoredChange,
  StoredSopDocument,
} from '../domain/mapping-types.js';
import { replacingDocuments } from '../domain/sop/replace-document.js';
import { orderDecisionFor } from '../domain/status-map.js';
import { differingTotals, sopDocumentChanges } from '../domain/stored-changes.js';
import type { DomainMapping } from './domain-mapping.js';
import { dead, done, fromMappingFailure } from './message-results.js';
import { answer, assertBatchFree, lineItemNumbers, type Plan, type PlanLookups, writePlan } from './plan.js';
import { customerLockKey, resolveCustomer } from './resolve-customer.js';

/** Orders and their refunds serialise on the order number. */
export function orderLockKey(orderNumber: string): string {
  return `order:${orderNumber}`;
}

/**
 * Order → SOP Order / Invoice / void, per orderDecisionFor (SPEC §3, issue 7):
 * - GP never had the document: create it (with the customer, in the same transaction).
 * - GP has ours (same type and number), unchanged: `existing`, nothing written.
 * - GP has ours, unposted, and the order changed (lines, quantities, prices, totals, ship-to): deleted and
 *   written again under the same number in the one transaction: `updated`.
 * - GP has ours, posted, and the order changed: dead `changed_after_posting` with both versions of the
 *   differing totals; a person decides in GP (a return, a new order).
 * - GP has one a user transferred, or an invoice answers a late `order` message: `existing`.
 * The customer document runs first in the same transaction (rather than SOPTransactionType's embedded
 * taUpdateCreateCustomerRcd) because only it writes the internet address GP finds the customer by next time.
 */
export async function planOrder(
  id: string,
  payload: OrderPayload,
  profile: MappingProfile,
  mapping: DomainMapping,
  gp: PlanLookups,
): Promise<Plan> {
  const decision = orderDecisionFor(payload, profile);
  if (decision.action === 'skip') return answer(done(id, { outcome: 'skipped' }, [decision.warning]));
  const documents = await gp.findSopDocuments({ customerPo: payload.order_number });
  if (decision.action === 'cancel') return planCancel(id, payload, profile, mapping, documents);

  const key = mapping.sopDocumentKey(decision.action, payload.order_number, profile);
  const byNumber = await gp.findSopDocuments({ sopType: key.sopType, sopNumber: key.sopNumber });
  const existing = findExistingSale([...byNumber, ...documents], key, payload.order_number);
  if (existing && (existing.relation !== 'ours' || existing.document.voided))
    return answer(existingAnswer(id, existing.document));

  // The order writes its customer too: hold the customer's lock, so a customer message or another order of
  // the same new e-mail cannot decide "new customer" at the same time.
  await gp.lock(customerLockKey(payload.customer, mapping));
  const customer = await resolveCustomer(gp, payload.customer, profile, mapping);
  const customerMapped = mapping.mapCustomer(payload.customer, profile, customer);
  if (!customerMapped.ok)
    return answer(
      fromMappingFailure(id, {
        ...customerMapped,
        field: customerMapped.field !== undefined ? `customer.${customerMapped.field}` : undefined,
      }),
    );
  const knownItems = await gp.findItems(lineItemNumbers(payload.lines));
  const mapped = mapping.mapOrder(payload, profile, {
    action: decision.action,
    customer,
    knownItems,
    existingDocuments: documents,
  });
  if (!mapped.ok) {
    // GP has our document but the order cannot be mapped today (an item since removed from GP, a profile
    // change): it cannot be compared, nor brought up to date. GP keeps what it has; the warning says why.
    if (existing) {
      return answer(
        done(id, existingIds(existing.document), [
          {
            code: 'not_compared',
            message: `GP has ${existing.document.sopNumber}; the order could not be mapped again to compare it (${mapped.code}: ${mapped.message})`,
            ...(mapped.field !== undefined ? { field: mapped.field } : {}),
          },
        ]),
      );
    }
    return answer(fromMappingFailure(id, mapped));
  }
  const warnings = [...customerMapped.warnings, ...mapped.warnings];
  const gpIds = {
    customer_number: customer.customerNumber,
    sop_number: key.sopNumber,
    sop_type: key.sopType,
  };

  if (existing) {
    const change = await changeOf(existing.document, mapped, gp);
    if (change === null) return answer(existingAnswer(id, existing.document));
    if (existing.document.posted) return answer(changedAfterPosting(id, existing.document, change));
    await assertBatchFree(gp, profile.documents.batch_id);
    return writePlan(
      [...customerMapped.documents, ...replacingDocuments(mapped.documents, existing.document)],
      { ...gpIds, ...mapped.gp, outcome: 'updated' },
      warnings,
    );
  }
  await assertBatchFree(gp, profile.documents.batch_id);
  return writePlan(
    [...customerMapped.documents, ...mapped.documents],
    { ...gpIds, ...mapped.gp, outcome: 'created' },
    warnings,
  );
}

function existingIds(document: SopDocumentRef) {
  return {
    customer_number: document.customerNumber,
    sop_number: document.sopNumber,
    sop_type: document.sopType,
    outcome: 'existing' as const,
  };
}

function existingAnswer(id: string, document: SopDocumentRef): MessageResult {
  return done(id, existingIds(document));
}

interface Change {
  readonly changes: readonly StoredChange[];
  readonly mapped: MappingSuccess;
  readonly stored: StoredSopDocument;
}

/** How the order differs from GP's copy of the document; null when it does not. */
async function changeOf(
  document: SopDocumentRef,
  mapped: MappingSuccess,
  gp: PlanLookups,
): Promise<Change | null> {
  const stored = await gp.readSopDocument(document.sopType, document.sopNumber);
  if (stored === null) return null;
  const changes = sopDocumentChanges(mapped.documents, stored);
  return changes.length === 0 ? null : { changes, mapped, stored };
}

function changedAfterPosting(id: string, document: SopDocumentRef, change: Change): MessageResult {
  const totals = differingTotals(change.mapped.documents, change.stored);
  const figures = (side: Record<string, string>) =>
    Object.entries(side)
      .map(([element, value]) => `${element} ${value}`)
      .join(', ');
  const totalsText =
    Object.keys(totals.gp).length > 0
      ? `: GP has ${figures(totals.gp)}, WooCommerce now ${figures(totals.woo)}`
      : '';
  return dead(
    id,
    'changed_after_posting',
    `the order changed after GP posted ${document.sopNumber}${totalsText}; correct it in GP (a return or a new document)`,
    'order_number',
    {
      sop_type: document.sopType,
      sop_number: document.sopNumber,
      gp: totals.gp,
      woo: totals.woo,
      changes: change.changes,
    },
  );
}

/**
 * Cancellation voids the order's unposted document(s); the mapper decides which, refuses posted ones
 * (`document_posted`), answers a repeat (all voided) without writing, and treats an order GP never had as
 * done: skipped with the warning `not_in_gp`.
 */
function planCancel(
  id: string,
  payload: OrderPayload,
  profile: MappingProfile,
  mapping: DomainMapping,
  documents: readonly SopDocumentRef[],
): Plan {
  const sales = saleDocumentsOf(documents);
  const last = sales.at(-1);
  const mapped = mapping.mapOrder(payload, profile, {
    action: 'cancel',
    customer: { customerNumber: last?.customerNumber ?? '', exists: last !== undefined },
    knownItems: new Set(),
    existingDocuments: documents,
  });
  if (!mapped.ok) return answer(fromMappingFailure(id, mapped));
  if (mapped.documents.length === 0) return answer(done(id, mapped.gp, mapped.warnings));
  return writePlan(mapped.documents, mapped.gp, mapped.warnings);
}
