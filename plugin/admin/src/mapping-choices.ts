// What the Mappings tab offers in its lists, read from the wire contract (contract/mapping-profile.schema.json,
// generated from the bridge's zod schemas): the form offers exactly the values the bridge accepts, and a value
// the bridge adds shows up here at the next build instead of being silently missing.
import { __ } from '@wordpress/i18n';
import profileSchema from '../../../contract/mapping-profile.schema.json';

const profile = profileSchema.properties;

export const ORDER_ACTIONS: readonly string[] = profile.status_map.additionalProperties.enum;
export const SOP_TARGETS: readonly string[] = profile.orders.properties.fields.items.properties.to.enum;
export const CUSTOMER_TARGETS: readonly string[] =
  profile.customers.properties.fields.items.properties.to.enum;
export const ITEM_TARGETS: readonly string[] = profile.items.properties.fields.items.properties.to.enum;
export const LENGTH_POLICIES: readonly string[] = profile.length_policy.enum;
export const CODE_PAGE_POLICIES: readonly string[] = profile.code_page_policy.enum;
export const UNMATCHED_SKU_POLICIES: readonly string[] = profile.items.properties.unmatched_sku_policy.enum;

/** What a store owner reads for each choice; a value with no label yet shows as itself. */
function labels(): Record<string, Record<string, string>> {
  return {
    action: {
      order: __('Create a GP order', 'gp-sync-for-woocommerce'),
      invoice: __('Create a GP invoice', 'gp-sync-for-woocommerce'),
      return: __('Create a GP return', 'gp-sync-for-woocommerce'),
      cancel: __('Void the GP document', 'gp-sync-for-woocommerce'),
      ignore: __('Do nothing (not sent)', 'gp-sync-for-woocommerce'),
    },
    length: {
      fit: __('Fit it, with a warning', 'gp-sync-for-woocommerce'),
      truncate: __('Shorten it, with a warning', 'gp-sync-for-woocommerce'),
      reject: __('Refuse (fix, then retry)', 'gp-sync-for-woocommerce'),
    },
    codePage: {
      transliterate: __('Replace with plain Latin letters', 'gp-sync-for-woocommerce'),
      reject: __('Refuse (fix, then retry)', 'gp-sync-for-woocommerce'),
    },
    unmatchedSku: {
      hold: __('Hold the order (fix, then retry)', 'gp-sync-for-woocommerce'),
      create_placeholder: __('Create a placeholder item', 'gp-sync-for-woocommerce'),
      non_inventory: __('Send as a non-inventory line', 'gp-sync-for-woocommerce'),
    },
  };
}

export type ChoiceList = 'action' | 'length' | 'codePage' | 'unmatchedSku';

export function choiceLabel(list: ChoiceList, value: string): string {
  return labels()[list]?.[value] ?? value;
}

/** SelectControl options for a list of contract values (plain strings, so the control's value stays a string). */
export function choiceOptions(
  list: ChoiceList,
  values: readonly string[],
): Array<{ value: string; label: string }> {
  return values.map((value) => ({ value, label: choiceLabel(list, value) }));
}
