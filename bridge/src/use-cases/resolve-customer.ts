import type { CustomerPayload, MappingProfile } from '../contracts/index.js';
import type { CustomerContext } from '../domain/mapping-types.js';
import type { GpLookups } from '../ports/gp-gateway.js';
import type { DomainMapping } from './domain-mapping.js';

/**
 * Which GP customer a Woo customer is (SPEC §3, never two GP customers for one e-mail):
 * 1. the number the plugin stored on the Woo user, when GP still has it;
 * 2. else the GP customer whose internet address holds the e-mail (trimmed, case-insensitive);
 * 3. else a new number from the profile's scheme (deterministic, so a repeat computes the same number).
 * Run inside the caller's transaction, under its lock, so a concurrent copy sees what the first one created.
 */
export async function resolveCustomer(
  gp: GpLookups,
  customer: CustomerPayload,
  profile: MappingProfile,
  mapping: DomainMapping,
): Promise<CustomerContext> {
  const stored = customer.gp_customer_number?.trim() ?? '';
  if (stored !== '' && (await gp.customerExists(stored))) return { customerNumber: stored, exists: true };
  const byEmail = await gp.findCustomerByEmail(mapping.normaliseEmail(customer.email));
  if (byEmail !== null) return { customerNumber: byEmail, exists: true };
  const customerNumber = mapping.customerNumberFor(customer, profile);
  return { customerNumber, exists: await gp.customerExists(customerNumber) };
}

/** Lock key of a customer: the normalised e-mail, so `A@x.com ` and `a@x.com` queue on one lock. */
export function customerLockKey(customer: CustomerPayload, mapping: DomainMapping): string {
  return `customer:${mapping.normaliseEmail(customer.email)}`;
}
