// The Settings form's rules, the same as the REST schema's (SettingsController): checked before sending so
// the store owner sees every problem at once, next to its field.
import { __, sprintf } from '@wordpress/i18n';
import type { FieldErrors } from './components/FieldError';

export interface SettingsForm {
  bridge_url: string;
  bridge_secret: string;
  batch_size: string;
  request_timeout: string;
  backoff_base_seconds: string;
  backoff_cap_seconds: string;
  max_attempts: string;
  inventory_sites: string;
  remove_data_on_uninstall: boolean;
}

const RANGES: Record<string, [number, number]> = {
  batch_size: [1, 500],
  request_timeout: [1, 300],
  backoff_base_seconds: [1, 86400],
  backoff_cap_seconds: [1, 604800],
  max_attempts: [1, 100],
};

export function validateSettings(form: SettingsForm): {
  errors: FieldErrors;
  changes: Record<string, unknown>;
} {
  const errors: FieldErrors = {};
  const changes: Record<string, unknown> = {};
  const url = form.bridge_url.trim();
  if (url === '') {
    errors.bridge_url = __('Enter the bridge URL.', 'gp-sync-for-woocommerce');
  } else if (url.length > 2048) {
    errors.bridge_url = __('The bridge URL is longer than 2048 characters.', 'gp-sync-for-woocommerce');
  } else if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(url)) {
    errors.bridge_url = __(
      'Enter an http:// or https:// address without ? or #, e.g. https://gp-bridge.example.com',
      'gp-sync-for-woocommerce',
    );
  }
  changes.bridge_url = url;

  const secret = form.bridge_secret.trim();
  if (secret !== '') {
    if (secret.length < 16)
      errors.bridge_secret = __('The secret must have at least 16 characters.', 'gp-sync-for-woocommerce');
    else if (secret.length > 256)
      errors.bridge_secret = __('The secret must have at most 256 characters.', 'gp-sync-for-woocommerce');
    changes.bridge_secret = secret;
  }

  for (const [field, [min, max]] of Object.entries(RANGES)) {
    const raw = String(form[field as keyof SettingsForm]).trim();
    if (!/^\d+$/.test(raw)) {
      errors[field] = __('Enter a whole number.', 'gp-sync-for-woocommerce');
      continue;
    }
    const value = Number(raw);
    if (value < min || value > max) {
      /* translators: 1: minimum, 2: maximum */
      errors[field] = sprintf(__('Enter a number from %1$d to %2$d.', 'gp-sync-for-woocommerce'), min, max);
      continue;
    }
    changes[field] = value;
  }
  if (
    !errors.backoff_base_seconds &&
    !errors.backoff_cap_seconds &&
    Number(changes.backoff_cap_seconds) < Number(changes.backoff_base_seconds)
  ) {
    errors.backoff_cap_seconds = __(
      'The longest wait must not be below the first wait.',
      'gp-sync-for-woocommerce',
    );
  }

  const sites = form.inventory_sites.trim();
  if (!/^[A-Za-z0-9_,\-. ]{1,200}$/.test(sites)) {
    errors.inventory_sites = __(
      'Enter GP site ids separated by commas (letters, digits, - _ .), or “all”; at most 200 characters.',
      'gp-sync-for-woocommerce',
    );
  }
  changes.inventory_sites = sites;
  changes.remove_data_on_uninstall = form.remove_data_on_uninstall;
  return { errors, changes };
}
