import type { MappingProfile, RefundPayload } from '../contracts/index.js';
import { findExistingReturn, returnSourceOf, saleDocumentsOf } from '../domain/existing-document.js';
import type { DomainMapping } from './domain-mapping.js';
import { dead, done, fromMappingFailure, retry } from './message-results.js';
import { answer, assertBatchFree, lineItemNumbers, type Plan, type PlanLookups, writePlan } from './plan.js';

/**
 * Refund → SOP Return of the refunded lines/amount, crediting the order's invoice (or Order). Keyed by the
 * deterministic return number (order number + refund id): a Return GP already has under it is `existing`,
 * in processing and in preview alike (existing-document.ts). Planned under the order's lock, so a refund never
 * races its order's invoice. A refund whose order GP has no document for yet is `retry depends_on_pending`
 * (the plugin bounds those retries and sends the order); one whose documents are all voided is dead.
 */
export async function planRefund(
  id: string,
  payload: RefundPayload,
  profile: MappingProfile,
  mapping: DomainMapping,
  gp: PlanLookups,
): Promise<Plan> {
  const key = mapping.sopDocumentKey('return', `${payload.order_number}-${payload.woo_refund_id}`, profile);
  const found = findExistingReturn(
    await gp.findSopDocuments({ sopType: key.sopType, sopNumber: key.sopNumber }),
    key,
  );
  if (found) {
    return answer(
      done(id, {
        customer_number: found.customerNumber,
        sop_number: found.sopNumber,
        sop_type: found.sopType,
        outcome: 'existing',
      }),
    );
  }
  const orderDocuments = saleDocumentsOf(await gp.findSopDocuments({ customerPo: payload.order_number }));
  if (orderDocuments.length === 0) {
    return answer(
      retry(
        id,
        'depends_on_pending',
        `GP has no document for order ${payload.order_number} yet; the refund waits for it`,
      ),
    );
  }
  // The Return goes to the customer the invoice was made out to, whatever the e-mail says today.
  const source = returnSourceOf(orderDocuments);
  if (!source) {
    return answer(
      dead(
        id,
        'order_not_in_gp',
        `the GP documents of order ${payload.order_number} are voided; nothing to return against`,
        'order_number',
      ),
    );
  }
  const customer = { customerNumber: source.customerNumber, exists: true };
  const knownItems = await gp.findItems(lineItemNumbers(payload.lines));
  const mapped = mapping.mapRefund(payload, profile, {
    customer,
    knownItems,
    orderDocuments: orderDocuments.filter((d) => !d.voided),
  });
  if (!mapped.ok) return answer(fromMappingFailure(id, mapped));
  await assertBatchFree(gp, profile.documents.batch_id);
  return writePlan(
    mapped.documents,
    {
      customer_number: customer.customerNumber,
      sop_number: key.sopNumber,
      sop_type: key.sopType,
      ...mapped.gp,
      outcome: 'created',
    },
    mapped.warnings,
  );
}
