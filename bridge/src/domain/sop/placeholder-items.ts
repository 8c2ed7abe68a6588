import type { MappingProfile } from '../../contracts/index.js';
import type { EConnectDocument } from '../econnect/document.js';
import type { GpValues } from '../gp/gp-values.js';
import { itemDocument } from '../product.mapper.js';
import type { ResolvedItems } from './line-items.js';

/**
 * Placeholder items (policy create_placeholder) in a document of their own, before the sales document:
 * IVItemMasterType comes after SOPTransactionType in schema order, so one document cannot create an item
 * before a line uses it (FACTS §1). Undefined when there are none.
 */
export function placeholderItemsDocument(
  resolved: ResolvedItems,
  profile: MappingProfile,
  values: GpValues,
): EConnectDocument | undefined {
  if (resolved.placeholders.length === 0) return undefined;
  return {
    transactions: resolved.placeholders.flatMap((p) => {
      values.warn(
        'placeholder_item',
        `GP had no item ${p.itemNumber}; it is created in class "${profile.items.placeholder_class_id}" from ${p.path}`,
        `${p.path}.sku`,
      );
      return itemDocument(values, profile, {
        itemNumber: p.itemNumber,
        description: p.name,
        descriptionPath: `${p.path}.name`,
        classId: profile.items.placeholder_class_id,
        listPrice: null,
      }).transactions;
    }),
  };
}
