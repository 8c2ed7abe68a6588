import { z } from 'zod';
import { DecimalStringSchema, MetaMapSchema } from './decimal.js';

export const ProductAttributeSchema = z.object({
  /** Taxonomy or local attribute name as stored: `pa_size`, `Material`. */
  name: z.string().min(1),
  /** Human label of the attribute: `Size`. */
  label: z.string().default(''),
  /** Values: term names for taxonomy attributes, the chosen value for a variation. */
  values: z.array(z.string()).default([]),
});
export type ProductAttribute = z.infer<typeof ProductAttributeSchema>;

/** A product or variation as the plugin sends it. The SKU is the GP item number (SPEC §3). */
export const ProductPayloadSchema = z.object({
  schema_version: z.literal(1),
  woo_product_id: z.number().int().positive(),
  /** Parent product id for a variation, else null. */
  parent_id: z.number().int().positive().nullable().default(null),
  type: z.enum(['simple', 'variable', 'variation', 'grouped', 'external']).or(z.string().min(1)),
  /** May be empty: a product without SKU is reported by the bridge (`missing_sku`), never guessed. */
  sku: z.string().default(''),
  /**
   * Explicit GP item number (`_gpsync_item_number`): when non-empty it is the item's number in GP instead of
   * the SKU (a SKU longer than GP's 30 characters, a product without SKU, an item GP already has by another
   * number).
   */
  gp_item_number: z.string().default(''),
  name: z.string().min(1),
  short_description: z.string().default(''),
  status: z.string().default('publish'),
  regular_price: DecimalStringSchema.nullable().default(null),
  price: DecimalStringSchema.nullable().default(null),
  manage_stock: z.boolean().default(false),
  virtual: z.boolean().default(false),
  weight: DecimalStringSchema.nullable().default(null),
  /** `taxable`, `shipping` or `none`. */
  tax_status: z.string().default('taxable'),
  tax_class: z.string().default(''),
  attributes: z.array(ProductAttributeSchema).default([]),
  /** Product meta the mapping profile selected, by key. */
  meta: MetaMapSchema,
});
export type ProductPayload = z.infer<typeof ProductPayloadSchema>;
