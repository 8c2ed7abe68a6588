// Checks an edited mapping profile before it is previewed or saved: source syntax, GP id lengths (GP's
// char columns: TAXDTLID 15, SHIPMTHD 15, DOCID 15, BACHNUMB 15, prefixes so SOPNUMBE stays within 21).
import { __, sprintf } from '@wordpress/i18n';

export type Profile = Record<string, unknown> & {
  status_map: Record<string, string>;
  length_policy: string;
  code_page_policy: string;
  documents: Record<string, unknown>;
  items: Record<string, unknown> & {
    fields: Array<{ from: string; to: string }>;
    unmatched_sku_policy: string;
  };
  customers: Record<string, unknown> & { fields: Array<{ from: string; to: string }> };
  orders: Record<string, unknown> & { fields: Array<{ from: string; to: string }> };
  taxes: Record<string, unknown> & { rate_map: Record<string, string> };
  shipping: { method_map: Record<string, string> };
};

const SOURCE = /^(meta|attribute|field):.+$/;

export function validateProfile(profile: Profile): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const section of ['orders', 'customers', 'items'] as const) {
    profile[section].fields.forEach((row, index) => {
      if (!SOURCE.test(row.from.trim())) {
        errors[`${section}.${index}`] = __(
          'Write the source as meta:<key>, attribute:<name> or field:<path>.',
          'gp-sync-for-woocommerce',
        );
      } else if (row.from.length > 191) {
        errors[`${section}.${index}`] = __(
          'The source is longer than 191 characters.',
          'gp-sync-for-woocommerce',
        );
      }
    });
  }
  const ids: Array<[string, Record<string, string>, number]> = [
    ['taxes', profile.taxes.rate_map, 15],
    ['shipping', profile.shipping.method_map, 15],
  ];
  for (const [section, map, max] of ids) {
    for (const [key, value] of Object.entries(map)) {
      if (key.trim() === '')
        errors[`${section}.${key}`] = __('Enter the WooCommerce id.', 'gp-sync-for-woocommerce');
      else if (value.trim() === '')
        errors[`${section}.${key}`] = __('Enter the GP id.', 'gp-sync-for-woocommerce');
      else if (value.length > max)
        errors[`${section}.${key}`] = sprintf(
          __('GP allows at most %d characters here.', 'gp-sync-for-woocommerce'),
          max,
        );
    }
  }
  for (const key of ['order_docid', 'invoice_docid', 'return_docid', 'batch_id'] as const) {
    const value = String(profile.documents[key] ?? '');
    if (value.trim() === '') errors[`documents.${key}`] = __('Enter a GP id.', 'gp-sync-for-woocommerce');
    else if (value.length > 15)
      errors[`documents.${key}`] = sprintf(
        __('GP allows at most %d characters here.', 'gp-sync-for-woocommerce'),
        15,
      );
  }
  return errors;
}
