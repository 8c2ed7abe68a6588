import type { MappingProfile, OrderAction, OrderPayload } from '../contracts/index.js';
import { ownValue } from './lookup.js';
import type { MappingWarning } from './mapping-types.js';

/**
 * What a WooCommerce status does in GP, from the profile's status map (SPEC §3 "Orders"). A status the map
 * does not name does nothing: a new status from an extension must never create GP documents by accident.
 */
export function orderActionFor(status: string, profile: MappingProfile): OrderAction {
  const key = status.replace(/^wc-/, '');
  return ownValue(profile.status_map, key) ?? 'ignore';
}

/** What an order message asks of GP, once its history is taken into account. */
export type OrderDecision =
  | { readonly action: 'order' | 'invoice' | 'cancel' }
  | { readonly action: 'skip'; readonly warning: MappingWarning };

/**
 * The one rule for what an order message makes in GP (used by processing and preview alike):
 * - a status mapped to `order`, `invoice` or `cancel` does that;
 * - a status mapped to `return` (e.g. `refunded`) still makes the sale that happened first, because the
 *   plugin coalesces events and may send a paid-then-refunded order only once: completed before
 *   (`completed_at`) → what the map does for `completed`, else paid (`payment.paid_at`) → what it does for
 *   `processing`, when that is `order` or `invoice`. The refunds themselves arrive as refund messages (Returns);
 * - anything else is skipped, with the reason as a warning.
 */
export function orderDecisionFor(payload: OrderPayload, profile: MappingProfile): OrderDecision {
  const action = orderActionFor(payload.status, profile);
  if (action === 'order' || action === 'invoice' || action === 'cancel') return { action };
  if (action === 'return') {
    const before =
      payload.completed_at !== null ? 'completed' : payload.payment.paid_at !== null ? 'processing' : null;
    const sale = before !== null ? orderActionFor(before, profile) : 'ignore';
    if (sale === 'order' || sale === 'invoice') return { action: sale };
    return {
      action: 'skip',
      warning: {
        code: 'no_gp_document',
        message: `status "${payload.status}" makes no GP document from the order: it was never paid or completed, and returns are made from refund messages`,
      },
    };
  }
  return {
    action: 'skip',
    warning: { code: 'no_gp_document', message: `status "${payload.status}" is not mapped to a GP document` },
  };
}
