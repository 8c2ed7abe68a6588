import type { MappingProfile, MessageResult, ProductPayload } from '../contracts/index.js';
import type { UseCaseDeps } from './domain-mapping.js';
import { done, fromMappingFailure } from './message-results.js';

/**
 * Product → IVItemMasterType, upsert keyed by SKU = item number. Mapping first (a product without SKU is
 * reported by the mapper, never guessed), then the existence check and the write under the item's lock.
 */
export async function syncProduct(
  id: string,
  payload: ProductPayload,
  profile: MappingProfile,
  deps: UseCaseDeps,
): Promise<MessageResult> {
  const { gateway, mapping } = deps;
  const mapped = mapping.mapProduct(payload, profile);
  if (!mapped.ok) return fromMappingFailure(id, mapped);
  const itemNumber = mapped.gp.item_number ?? mapping.itemNumberFor(payload.sku);
  return gateway.transaction(`item:${itemNumber}`, async (tx) => {
    const existed = (await tx.findItems([itemNumber])).size > 0;
    for (const document of mapped.documents) await tx.execute(document);
    return done(
      id,
      { ...mapped.gp, item_number: itemNumber, outcome: existed ? 'updated' : 'created' },
      mapped.warnings,
    );
  });
}
