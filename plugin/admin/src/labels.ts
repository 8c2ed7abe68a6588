// Words for the codes the API uses.
import { __ } from '@wordpress/i18n';

export function statusLabel(status: string): string {
  switch (status) {
    case 'pending':
      return __('Waiting', 'gp-sync-for-woocommerce');
    case 'in_flight':
      return __('Sending', 'gp-sync-for-woocommerce');
    case 'done':
      return __('Done', 'gp-sync-for-woocommerce');
    case 'retry':
      return __('Retrying', 'gp-sync-for-woocommerce');
    case 'dead':
      return __('Failed (needs a fix)', 'gp-sync-for-woocommerce');
    case 'discarded':
      return __('Discarded', 'gp-sync-for-woocommerce');
    default:
      return status;
  }
}

export function kindLabel(kind: string): string {
  switch (kind) {
    case 'order':
      return __('Order', 'gp-sync-for-woocommerce');
    case 'refund':
      return __('Refund', 'gp-sync-for-woocommerce');
    case 'product':
      return __('Product', 'gp-sync-for-woocommerce');
    case 'customer':
      return __('Customer', 'gp-sync-for-woocommerce');
    default:
      return kind;
  }
}

/** "3 min", "2 h 5 min", "4 d 1 h" */
export function ageText(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
