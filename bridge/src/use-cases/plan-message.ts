import type { MappingProfile } from '../contracts/index.js';
import type { DomainMapping } from './domain-mapping.js';
import type { ParsedMessage } from './parse-message.js';
import type { Plan, PlanLookups } from './plan.js';
import { planCustomer } from './plan-customer.js';
import { orderLockKey, planOrder } from './plan-order.js';
import { planProduct, productLockKey } from './plan-product.js';
import { planRefund } from './plan-refund.js';
import { customerLockKey } from './resolve-customer.js';

type Parsed = Extract<ParsedMessage, { ok: true }>;

/** The lock a message's transaction holds: the key GP's record is found by. May throw a MappingError. */
export function lockKeyOf(parsed: Parsed, mapping: DomainMapping): string {
  switch (parsed.kind) {
    case 'customer':
      return customerLockKey(parsed.payload, mapping);
    case 'product':
      return productLockKey(parsed.payload);
    case 'order':
    case 'refund':
      return orderLockKey(parsed.payload.order_number);
  }
}

/** Plans one parsed message: read-only look-ups and mapping, no writes. Processing and preview both call it. */
export function planMessage(
  id: string,
  parsed: Parsed,
  profile: MappingProfile,
  mapping: DomainMapping,
  gp: PlanLookups,
): Promise<Plan> {
  switch (parsed.kind) {
    case 'customer':
      return planCustomer(id, parsed.payload, profile, mapping, gp);
    case 'product':
      return planProduct(id, parsed.payload, profile, mapping, gp);
    case 'order':
      return planOrder(id, parsed.payload, profile, mapping, gp);
    case 'refund':
      return planRefund(id, parsed.payload, profile, mapping, gp);
  }
}
