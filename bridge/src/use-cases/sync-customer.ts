import type { CustomerPayload, MappingProfile, MessageResult } from '../contracts/index.js';
import type { UseCaseDeps } from './domain-mapping.js';
import { done, fromMappingFailure } from './message-results.js';
import { customerLockKey, resolveCustomer } from './resolve-customer.js';

/**
 * Customer → RMCustomerMasterType, upsert keyed by e-mail. The look-up and the write share one transaction
 * under the e-mail's lock, so two copies of the message (or a resend) cannot both decide "new customer".
 */
export async function syncCustomer(
  id: string,
  payload: CustomerPayload,
  profile: MappingProfile,
  deps: UseCaseDeps,
): Promise<MessageResult> {
  const { gateway, mapping } = deps;
  return gateway.transaction(customerLockKey(payload, mapping), async (tx) => {
    const ctx = await resolveCustomer(tx, payload, profile, mapping);
    const mapped = mapping.mapCustomer(payload, profile, ctx);
    if (!mapped.ok) return fromMappingFailure(id, mapped);
    for (const document of mapped.documents) await tx.execute(document);
    return done(
      id,
      { ...mapped.gp, customer_number: ctx.customerNumber, outcome: ctx.exists ? 'updated' : 'created' },
      mapped.warnings,
    );
  });
}
