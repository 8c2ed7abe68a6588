import type { MappingProfile, MessageResult, OrderPayload } from '../contracts/index.js';
import type { MappingWarning, SopDocumentRef } from '../domain/mapping-types.js';
import { GpExecutionError, type GpTransaction } from '../ports/gp-gateway.js';
import type { DomainMapping, UseCaseDeps } from './domain-mapping.js';
import { done, fromMappingFailure } from './message-results.js';
import { customerLockKey, resolveCustomer } from './resolve-customer.js';

const sameNumber = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * Order → SOP Order / Invoice / void, per the profile's status map (SPEC §3).
 *
 * Idempotency (SPEC §3 "exactly-once effect"): everything happens in one GP transaction holding the lock
 * `order:<order number>`. Inside it GP is asked first whether the wanted document (type + deterministic SOP
 * number, or the order number as customer PO, in work and history) exists; if it does, the result is `done`
 * with its ids and outcome `existing`, and nothing is written. A repeat, a concurrent copy (it waits for the
 * lock, then finds the first copy's document) and a resend after a crash between GP's commit and the response
 * all end there.
 *
 * The customer: the order carries the customer, and its RMCustomerMasterType document (from mapCustomer) runs
 * first in the same transaction, rather than SOPTransactionType's embedded taUpdateCreateCustomerRcd, because
 * only the customer document writes the internet address (the e-mail GP finds the customer by next time) and
 * the ship-to address records; and in one transaction with the order, a failed order leaves no new customer
 * behind either.
 */
export async function syncOrder(
  id: string,
  payload: OrderPayload,
  profile: MappingProfile,
  deps: UseCaseDeps,
): Promise<MessageResult> {
  const { gateway, mapping } = deps;
  const action = mapping.orderActionFor(payload.status, profile);
  if (action === 'ignore' || action === 'return') {
    const why =
      action === 'ignore'
        ? `status "${payload.status}" maps to no GP document`
        : 'returns are made from refund messages, not from the order status';
    return done(id, { outcome: 'skipped' }, [{ code: 'no_gp_document', message: why }]);
  }
  return gateway.transaction(`order:${payload.order_number}`, async (tx) => {
    const existing = await tx.findSopDocuments({ customerPo: payload.order_number });
    if (action === 'cancel') return cancelOrder(id, payload, profile, mapping, tx, existing);

    const key = mapping.sopDocumentKey(action, payload.order_number, profile);
    const byNumber = await tx.findSopDocuments({ sopType: key.sopType, sopNumber: key.sopNumber });
    // Ours by number, or one a GP user transferred from it (same customer PO and type, GP's own number).
    const found =
      [...byNumber, ...existing].find(
        (d) => d.sopType === key.sopType && sameNumber(d.sopNumber, key.sopNumber),
      ) ??
      existing.find(
        (d) => d.sopType === key.sopType && !d.voided && sameNumber(d.customerPo, payload.order_number),
      );
    if (found) {
      return done(id, {
        customer_number: found.customerNumber,
        sop_number: found.sopNumber,
        sop_type: found.sopType,
        outcome: 'existing',
      });
    }
    // eConnect ignores GP's batch locks (SPEC §6): adding to a batch a user or posting holds must wait.
    if (await tx.batchInUse(profile.documents.batch_id)) {
      throw new GpExecutionError(
        'batch_in_use',
        `GP batch ${profile.documents.batch_id} is in use (opened by a user or being posted)`,
      );
    }
    // The order writes its customer too: hold the customer's lock, so a customer message or another order of
    // the same new e-mail cannot decide "new customer" at the same time.
    await tx.lock?.(customerLockKey(payload.customer, mapping));
    const customer = await resolveCustomer(tx, payload.customer, profile, mapping);
    const customerMapped = mapping.mapCustomer(payload.customer, profile, customer);
    if (!customerMapped.ok)
      return fromMappingFailure(id, {
        ...customerMapped,
        field: customerMapped.field !== undefined ? `customer.${customerMapped.field}` : undefined,
      });
    const knownItems = await tx.findItems(
      itemNumbers(
        payload.lines.map((l) => l.sku),
        mapping,
      ),
    );
    const mapped = mapping.mapOrder(payload, profile, { customer, knownItems, existingDocuments: existing });
    if (!mapped.ok) return fromMappingFailure(id, mapped);
    if (mapped.gp.outcome === 'existing') return done(id, mapped.gp, mapped.warnings);

    for (const document of customerMapped.documents) await tx.execute(document);
    for (const document of mapped.documents) await tx.execute(document);
    const warnings: MappingWarning[] = [...customerMapped.warnings, ...mapped.warnings];
    return done(
      id,
      {
        customer_number: customer.customerNumber,
        sop_number: key.sopNumber,
        sop_type: key.sopType,
        ...mapped.gp,
        outcome: 'created',
      },
      warnings,
    );
  });
}

/**
 * Cancellation voids (or deletes) the order's unposted document; the mapper decides which and refuses posted
 * ones (`document_posted`) or an order GP never had (`order_not_in_gp`). A repeat finds only voided documents
 * and reports them without writing.
 */
async function cancelOrder(
  id: string,
  payload: OrderPayload,
  profile: MappingProfile,
  mapping: DomainMapping,
  tx: GpTransaction,
  existing: readonly SopDocumentRef[],
): Promise<MessageResult> {
  const sales = existing.filter((d) => d.sopType === 2 || d.sopType === 3);
  const last = sales.at(-1);
  if (last && sales.every((d) => d.voided)) {
    return done(id, {
      customer_number: last.customerNumber,
      sop_number: last.sopNumber,
      sop_type: last.sopType,
      outcome: 'voided',
    });
  }
  const customer = { customerNumber: last?.customerNumber ?? '', exists: last !== undefined };
  const mapped = mapping.mapOrder(payload, profile, {
    customer,
    knownItems: new Set(),
    existingDocuments: existing,
  });
  if (!mapped.ok) return fromMappingFailure(id, mapped);
  for (const document of mapped.documents) await tx.execute(document);
  const target = sales.find((d) => !d.voided && !d.posted) ?? last;
  return done(
    id,
    {
      customer_number: target?.customerNumber,
      sop_number: target?.sopNumber,
      sop_type: target?.sopType,
      ...mapped.gp,
      outcome: mapped.gp.outcome ?? 'voided',
    },
    mapped.warnings,
  );
}

/** GP item numbers of the SKUs that can be item numbers at all; the mapper reports the others. */
export function itemNumbers(skus: readonly string[], mapping: DomainMapping): string[] {
  return skus.flatMap((sku) => {
    if (sku.trim() === '') return [];
    try {
      return [mapping.itemNumberFor(sku)];
    } catch {
      return [];
    }
  });
}
