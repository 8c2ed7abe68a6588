import { createHash } from 'node:crypto';
import type { CustomerPayload, MappingProfile } from '../contracts/index.js';
import { MappingError } from './mapping-error.js';

/**
 * The deterministic GP keys of WooCommerce entities. Determinism is what makes a repeat find the earlier
 * record instead of creating a second one (SPEC §3 idempotency), so none of these ever truncates: a key that
 * does not fit is a MappingError naming the limit.
 */

const CUSTNMBR_LENGTH = 15;
const SOPNUMBE_LENGTH = 21;
const ITEMNMBR_LENGTH = 30;

/** The e-mail as GP look-ups compare it: trimmed and lower-cased (SPEC §3: the customer key). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * `<number_prefix><Woo user id>` for registered customers; `<guest_prefix><hash>` for guests, the hash being the
 * first hex digits of SHA-256 of the normalised e-mail, as many as fit in 15 characters. The hash keeps one
 * guest e-mail = one GP number without putting the address itself into a visible id.
 */
export function customerNumberFor(customer: CustomerPayload, profile: MappingProfile): string {
  const { number_prefix: prefix, guest_prefix: guestPrefix } = profile.customers;
  if (customer.woo_customer_id !== null) {
    return checkedKey(
      `${prefix}${customer.woo_customer_id}`,
      CUSTNMBR_LENGTH,
      'taUpdateCreateCustomerRcd.CUSTNMBR',
      'customer.woo_customer_id',
    );
  }
  const room = CUSTNMBR_LENGTH - guestPrefix.trim().length;
  // Fewer than 8 hex digits (32 bits) would make two guests sharing a number plausible in a large store.
  if (room < 8) {
    throw new MappingError(
      'field_too_long',
      `guest_prefix "${guestPrefix}" leaves ${room} of 15 characters for the e-mail hash; at least 8 are needed`,
      'taUpdateCreateCustomerRcd.CUSTNMBR',
      {
        path: 'profile.customers.guest_prefix',
        limit: CUSTNMBR_LENGTH - 8,
        length: guestPrefix.trim().length,
      },
    );
  }
  const hash = createHash('sha256')
    .update(normaliseEmail(customer.email))
    .digest('hex')
    .slice(0, Math.min(room, 12));
  return checkedKey(
    `${guestPrefix}${hash}`,
    CUSTNMBR_LENGTH,
    'taUpdateCreateCustomerRcd.CUSTNMBR',
    'customer.email',
  );
}

export type SopDocumentKind = 'order' | 'invoice' | 'return';

const SOP_TYPE: Record<SopDocumentKind, 2 | 3 | 4> = { order: 2, invoice: 3, return: 4 };

/** `<prefix><reference>` upper case: the Woo order number (a refund: `<order number>-<refund id>`). */
export function sopDocumentKey(
  kind: SopDocumentKind,
  reference: string,
  profile: MappingProfile,
): { sopType: 2 | 3 | 4; sopNumber: string } {
  const prefix = {
    order: profile.documents.order_prefix,
    invoice: profile.documents.invoice_prefix,
    return: profile.documents.return_prefix,
  }[kind];
  const sopNumber = checkedKey(
    `${prefix}${reference}`,
    SOPNUMBE_LENGTH,
    'taSopHdrIvcInsert.SOPNUMBE',
    kind === 'return' ? 'order_number, woo_refund_id' : 'order_number',
  );
  return { sopType: SOP_TYPE[kind], sopNumber };
}

/** The SKU as GP's item number: trimmed and upper case (GP keys are case-insensitive, stored as typed). */
export function itemNumberFor(sku: string, path = 'sku'): string {
  if (sku.trim() === '')
    throw new MappingError('missing_sku', `${path} is empty: GP needs the SKU as item number`, path);
  return checkedKey(sku, ITEMNMBR_LENGTH, 'taUpdateCreateItemRcd.ITEMNMBR', path, GP_ITEM_NUMBER_HINT);
}

/** What a product, order line or refund line names its GP item by. */
export interface ItemIdentity {
  readonly sku: string;
  /** The product's explicit GP item number (`_gpsync_item_number`); '' when unset. */
  readonly gp_item_number?: string;
}

const GP_ITEM_NUMBER_HINT =
  'set the product\'s "GP item number" (on its edit screen, REST or `wp gp-sync item-number`) to its item number in GP, then retry';

/**
 * The GP item number of a product or line: its explicit GP item number when set, else its SKU (SPEC §3, issue
 * 7 part 3). `path` is the payload path of the product or line (`lines[2]`, '' for a product). Neither set is
 * `missing_sku`; a number GP cannot hold is `field_too_long` / `unsupported_characters`, both naming the field
 * and saying how to correct it. Never truncated: a cut number would point at another item.
 */
export function itemNumberOf(identity: ItemIdentity, path = ''): string {
  const at = (field: string) => (path === '' ? field : `${path}.${field}`);
  const explicit = identity.gp_item_number?.trim() ?? '';
  if (explicit !== '')
    return checkedKey(explicit, ITEMNMBR_LENGTH, 'taUpdateCreateItemRcd.ITEMNMBR', at('gp_item_number'));
  if (identity.sku.trim() === '')
    throw new MappingError(
      'missing_sku',
      `${path === '' ? 'the product' : path} has neither a SKU nor a GP item number: GP needs an item number, and the bridge does not invent one; ${GP_ITEM_NUMBER_HINT}`,
      at('sku'),
    );
  return checkedKey(
    identity.sku,
    ITEMNMBR_LENGTH,
    'taUpdateCreateItemRcd.ITEMNMBR',
    at('sku'),
    GP_ITEM_NUMBER_HINT,
  );
}

function checkedKey(raw: string, limit: number, field: string, path: string, hint?: string): string {
  const fix = hint ? `; ${hint}` : '';
  const key = raw.trim().toUpperCase();
  if (key === '') throw new MappingError('gp_validation', `${field} would be empty`, field, { path });
  if ([...key].some((c) => c.codePointAt(0)! > 0x7e || c.codePointAt(0)! < 0x20)) {
    // Keys are compared and typed by people in GP; only printable ASCII keeps them unambiguous.
    throw new MappingError(
      'unsupported_characters',
      `${field} "${key}" (from ${path}) must be printable ASCII${fix}`,
      field,
      { path, value: key },
    );
  }
  if (key.length > limit) {
    throw new MappingError(
      'field_too_long',
      `${field} "${key}" (from ${path}) is ${key.length} characters; GP accepts ${limit}${fix}`,
      field,
      {
        path,
        limit,
        length: key.length,
        value: key,
      },
    );
  }
  return key;
}
