import type { MappingProfile, ProductPayload } from '../contracts/index.js';
import { itemNumberOf } from '../domain/keys.js';
import { recordChanges } from '../domain/stored-changes.js';
import type { DomainMapping } from './domain-mapping.js';
import { done, fromMappingFailure } from './message-results.js';
import { answer, type Plan, type PlanLookups, writePlan } from './plan.js';

/** Lock key of a product: its GP item number (explicit GP item number, else SKU). Throws what the key rules say. */
export function productLockKey(payload: ProductPayload): string {
  return `item:${itemNumberOf(payload)}`;
}

/**
 * Product → IVItemMasterType, upsert keyed by the GP item number (the product's explicit GP item number, else
 * its SKU). A product without either is reported by the mapper, never guessed. An item GP already holds exactly
 * as the message says is `existing` and nothing is written; a changed one is `updated`.
 */
export async function planProduct(
  id: string,
  payload: ProductPayload,
  profile: MappingProfile,
  mapping: DomainMapping,
  gp: PlanLookups,
): Promise<Plan> {
  const mapped = mapping.mapProduct(payload, profile);
  if (!mapped.ok) return answer(fromMappingFailure(id, mapped));
  const itemNumber = mapped.gp.item_number ?? itemNumberOf(payload);
  const existed = (await gp.findItems([itemNumber])).size > 0;
  const gpIds = { ...mapped.gp, item_number: itemNumber };
  if (existed) {
    const changes = recordChanges(mapped.documents, await gp.readItem(itemNumber));
    if (changes.length === 0) return answer(done(id, { ...gpIds, outcome: 'existing' }, mapped.warnings));
  }
  return writePlan(mapped.documents, { ...gpIds, outcome: existed ? 'updated' : 'created' }, mapped.warnings);
}
