import type { CustomerPayload, MappingProfile } from '../contracts/index.js';
import { recordChanges } from '../domain/stored-changes.js';
import type { DomainMapping } from './domain-mapping.js';
import { done, fromMappingFailure } from './message-results.js';
import { answer, type Plan, type PlanLookups, writePlan } from './plan.js';
import { resolveCustomer } from './resolve-customer.js';

/**
 * Customer → RMCustomerMasterType, upsert keyed by e-mail, planned under the e-mail's lock so two copies of
 * the message cannot both decide "new customer". A customer GP already holds exactly as the message says is
 * `existing` and nothing is written (its DEX_ROW_TS stays, so the inventory and change cursors stay quiet);
 * a changed one is `updated`.
 */
export async function planCustomer(
  id: string,
  payload: CustomerPayload,
  profile: MappingProfile,
  mapping: DomainMapping,
  gp: PlanLookups,
): Promise<Plan> {
  const ctx = await resolveCustomer(gp, payload, profile, mapping);
  const mapped = mapping.mapCustomer(payload, profile, ctx);
  if (!mapped.ok) return answer(fromMappingFailure(id, mapped));
  const gpIds = { ...mapped.gp, customer_number: ctx.customerNumber };
  if (ctx.exists) {
    const changes = recordChanges(mapped.documents, await gp.readCustomer(ctx.customerNumber));
    if (changes.length === 0) return answer(done(id, { ...gpIds, outcome: 'existing' }, mapped.warnings));
  }
  return writePlan(
    mapped.documents,
    { ...gpIds, outcome: ctx.exists ? 'updated' : 'created' },
    mapped.warnings,
  );
}
