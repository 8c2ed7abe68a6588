import { z } from 'zod';
import { AddressSchema } from './address.js';
import { MetaMapSchema } from './decimal.js';

/**
 * A customer as the plugin sends it. Registered customers carry their WooCommerce user id; guests carry
 * `woo_customer_id: null` and are keyed by e-mail alone (SPEC §3: never two GP customers for one e-mail).
 */
export const CustomerPayloadSchema = z.object({
  schema_version: z.literal(1),
  /** WooCommerce user id; null for a guest known only through an order. */
  woo_customer_id: z.number().int().positive().nullable(),
  /** The key in GP: trimmed and compared case-insensitively by the bridge. */
  email: z.email(),
  first_name: z.string().default(''),
  last_name: z.string().default(''),
  /** Display name from the WordPress profile, used when first/last/company are all empty. */
  display_name: z.string().default(''),
  billing: AddressSchema,
  shipping: AddressSchema,
  /** GP customer number already stored on the Woo user (`_gpsync_customer_number`), if any. */
  gp_customer_number: z.string().nullable().default(null),
  /** Profile fields and user meta the mapping profile selected, by key (`billing_vat`, `loyalty_tier` …). */
  meta: MetaMapSchema,
});
export type CustomerPayload = z.infer<typeof CustomerPayloadSchema>;
