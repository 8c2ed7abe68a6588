import type { MappingProfile, MessageResult, RefundPayload } from '../contracts/index.js';
import { GpExecutionError } from '../ports/gp-gateway.js';
import type { UseCaseDeps } from './domain-mapping.js';
import { dead, done, fromMappingFailure, retry } from './message-results.js';
import { itemNumbers } from './sync-order.js';

/**
 * Refund → SOP Return of the refunded lines/amount, referencing the order's invoice (or Order). Keyed by the
 * deterministic return number (order number + refund id), looked up first in the same transaction, so a
 * repeat returns the earlier Return. It runs under the order's lock (`order:<order number>`), so a refund
 * never races its order's invoice. A refund that reaches the bridge before its order reached GP is a `retry`
 * (`depends_on_pending`); the plugin bounds those retries.
 */
export async function syncRefund(
  id: string,
  payload: RefundPayload,
  profile: MappingProfile,
  deps: UseCaseDeps,
): Promise<MessageResult> {
  const { gateway, mapping } = deps;
  const key = mapping.sopDocumentKey('return', `${payload.order_number}-${payload.woo_refund_id}`, profile);
  return gateway.transaction(`order:${payload.order_number}`, async (tx) => {
    const found = (await tx.findSopDocuments({ sopType: key.sopType, sopNumber: key.sopNumber }))[0];
    if (found) {
      return done(id, {
        customer_number: found.customerNumber,
        sop_number: found.sopNumber,
        sop_type: found.sopType,
        outcome: 'existing',
      });
    }
    const orderDocuments = (await tx.findSopDocuments({ customerPo: payload.order_number })).filter(
      (d) => d.sopType === 2 || d.sopType === 3,
    );
    const live = orderDocuments.filter((d) => !d.voided);
    if (orderDocuments.length === 0) {
      return retry(
        id,
        'depends_on_pending',
        `GP has no document for order ${payload.order_number} yet; the refund waits for it`,
      );
    }
    if (live.length === 0) {
      return dead(
        id,
        'order_not_in_gp',
        `the GP documents of order ${payload.order_number} are voided; nothing to return against`,
        'order_number',
      );
    }
    if (await tx.batchInUse(profile.documents.batch_id)) {
      throw new GpExecutionError(
        'batch_in_use',
        `GP batch ${profile.documents.batch_id} is in use (opened by a user or being posted)`,
      );
    }
    // The Return goes to the customer the invoice was made out to, whatever the e-mail says today.
    const source = live.find((d) => d.sopType === 3) ?? live[0];
    const customer = { customerNumber: source?.customerNumber ?? '', exists: true };
    const knownItems = await tx.findItems(
      itemNumbers(
        payload.lines.map((l) => l.sku),
        mapping,
      ),
    );
    const mapped = mapping.mapRefund(payload, profile, { customer, knownItems, orderDocuments: live });
    if (!mapped.ok) return fromMappingFailure(id, mapped);
    for (const document of mapped.documents) await tx.execute(document);
    return done(
      id,
      {
        customer_number: customer.customerNumber,
        sop_number: key.sopNumber,
        sop_type: key.sopType,
        ...mapped.gp,
        outcome: 'created',
      },
      mapped.warnings,
    );
  });
}
