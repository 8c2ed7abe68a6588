// What each dead-letter code asks the store owner to do, and where: the fix lives on the screen named here,
// and Retry sends the message again once it is made.
import { __ } from '@wordpress/i18n';
import { adminConfig, editLink, type AdminConfig } from './config';
import type { QueueRow } from './api';

export interface Advice {
  /** Plain-language instruction. */
  text: string;
  /** Where the fix is made. */
  href: string;
  linkText: string;
}

function productIdIn(row: QueueRow): number | null {
  const pattern = /product(?:_id)?[\s:#=]*(\d+)/i;
  const match = pattern.exec(row.last_error_field ?? '') ?? pattern.exec(row.last_error_message ?? '');
  return match ? Number(match[1]) : null;
}

/** The product's GP item number field, or the product list searched for the SKU the error names. */
function itemNumberLink(row: QueueRow, config: AdminConfig): string {
  const productId = row.kind === 'product' ? row.entity_id : productIdIn(row);
  if (productId !== null) return `${editLink('product', productId, config)}#_gpsync_item_number`;
  const sku = /SKU\s*"?([^\s",;:]+)/i.exec(row.last_error_message ?? '');
  const search = sku?.[1] ? `&s=${encodeURIComponent(sku[1])}` : '';
  return `${config.adminUrl}edit.php?post_type=product${search}`;
}

export function adviceFor(row: QueueRow, config = adminConfig()): Advice | null {
  const code = row.last_error_code ?? '';
  const mappings = `${config.pageUrl}&tab=mappings`;
  switch (code) {
    case 'unknown_sku':
    case 'missing_sku':
      return {
        text:
          code === 'missing_sku'
            ? __(
                'A product has no SKU. Give it one, or set its GP item number, then retry.',
                'gp-sync-for-woocommerce',
              )
            : __(
                'GP has no item with this SKU. Set the product’s GP item number to the item GP knows, then retry.',
                'gp-sync-for-woocommerce',
              ),
        href: itemNumberLink(row, config),
        linkText: __('Set the GP item number', 'gp-sync-for-woocommerce'),
      };
    case 'field_too_long':
    case 'unsupported_characters': {
      const field = row.last_error_field ?? '';
      if (/sku|item/i.test(field)) {
        return {
          text: __(
            'The SKU is longer than GP’s 31-character item number. Set a shorter GP item number, then retry.',
            'gp-sync-for-woocommerce',
          ),
          href: itemNumberLink(row, config),
          linkText: __('Set the GP item number', 'gp-sync-for-woocommerce'),
        };
      }
      const isAddress = /address|city|state|zip|postcode|country|name|company|phone/i.test(field);
      return {
        text:
          code === 'field_too_long'
            ? __(
                'A value is longer than GP allows. Shorten it where it was entered (or choose “truncate” in Mappings), then retry.',
                'gp-sync-for-woocommerce',
              )
            : __(
                'A value has characters GP cannot store. Change it (or choose “transliterate” in Mappings), then retry.',
                'gp-sync-for-woocommerce',
              ),
        href:
          isAddress || row.kind !== 'product'
            ? editLink(row.kind === 'refund' ? 'order' : row.kind, row.entity_id, config)
            : editLink('product', row.entity_id, config),
        linkText: isAddress
          ? __('Edit the address', 'gp-sync-for-woocommerce')
          : __('Edit the record', 'gp-sync-for-woocommerce'),
      };
    }
    case 'invalid_payload':
    case 'gp_validation':
      if (
        /mapping|status_map|rate_map|method_map|docid|batch_id|class_id/i.test(
          `${row.last_error_field ?? ''} ${row.last_error_message ?? ''}`,
        )
      ) {
        return {
          text: __(
            'A mapping is missing or wrong. Complete it in Mappings, then retry.',
            'gp-sync-for-woocommerce',
          ),
          href: mappings,
          linkText: __('Open Mappings', 'gp-sync-for-woocommerce'),
        };
      }
      return {
        text: __(
          'GP refused a value. Correct the field named in the error on the record, then retry.',
          'gp-sync-for-woocommerce',
        ),
        href: editLink(row.kind === 'refund' ? 'order' : row.kind, row.entity_id, config),
        linkText: __('Edit the record', 'gp-sync-for-woocommerce'),
      };
    case 'total_mismatch':
    case 'tax_mismatch':
      return {
        text: __(
          'GP computed a different total or tax. Check the tax and shipping mappings, then retry.',
          'gp-sync-for-woocommerce',
        ),
        href: mappings,
        linkText: __('Open Mappings', 'gp-sync-for-woocommerce'),
      };
    case 'order_not_in_gp':
      return {
        text: __(
          'GP has no document for this order yet. Resend the order first, then retry this message.',
          'gp-sync-for-woocommerce',
        ),
        href: editLink('order', row.entity_id, config),
        linkText: __('Open the order', 'gp-sync-for-woocommerce'),
      };
    case 'document_posted':
    case 'changed_after_posting':
      return {
        text: __(
          'GP has already posted this document, so it cannot be changed from the store. Make the change in GP (a return or a new document), then discard this message.',
          'gp-sync-for-woocommerce',
        ),
        href: editLink('order', row.entity_id, config),
        linkText: __('Open the order', 'gp-sync-for-woocommerce'),
      };
    case 'batch_in_use':
      return {
        text: __(
          'A GP user has the batch open. Ask them to close it in GP, then retry.',
          'gp-sync-for-woocommerce',
        ),
        href: `${config.pageUrl}&tab=settings`,
        linkText: __('Open Settings', 'gp-sync-for-woocommerce'),
      };
    case '':
      return null;
    default:
      return {
        text: __('Read the error below, correct the record, then retry.', 'gp-sync-for-woocommerce'),
        href: editLink(row.kind === 'refund' ? 'order' : row.kind, row.entity_id, config),
        linkText: __('Edit the record', 'gp-sync-for-woocommerce'),
      };
  }
}
