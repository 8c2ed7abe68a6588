import { z } from 'zod';

/** A WooCommerce billing or shipping address as stored on the order or the customer (raw, not HTML-escaped). */
export const AddressSchema = z.object({
  first_name: z.string().default(''),
  last_name: z.string().default(''),
  company: z.string().default(''),
  address_1: z.string().default(''),
  address_2: z.string().default(''),
  city: z.string().default(''),
  state: z.string().default(''),
  postcode: z.string().default(''),
  /** ISO 3166-1 alpha-2 country code, as WooCommerce stores it. */
  country: z.string().default(''),
  email: z.string().default(''),
  phone: z.string().default(''),
});
export type Address = z.infer<typeof AddressSchema>;
