import { z } from 'zod';
import { AddressSchema } from './address.js';
import { CustomerPayloadSchema } from './customer.js';
import { DateTimeSchema, DecimalStringSchema, MetaMapSchema, QuantitySchema } from './decimal.js';
import { ItemTaxSchema } from './order.js';

/**
 * A refund becomes a GP SOP Return. WooCommerce stores refund items as negative copies of order lines; the
 * plugin sends magnitudes (positive quantities and amounts) so the bridge never has to flip signs, and keeps
 * the link to the original order line. `amount` is whatever was refunded: an amount-only refund has no lines.
 */
export const RefundLineSchema = z.object({
  woo_item_id: z.number().int().positive(),
  /** The order line this refund line gives back (`_refunded_item_id`). */
  refunded_item_id: z.number().int().positive(),
  product_id: z.number().int().nonnegative().default(0),
  variation_id: z.number().int().nonnegative().default(0),
  sku: z.string().default(''),
  /** The product's explicit GP item number, when set: used instead of the SKU (as on order lines). */
  gp_item_number: z.string().default(''),
  name: z.string(),
  /** Positive; may be 0 for an amount-only correction of a line. */
  quantity: QuantitySchema,
  total: DecimalStringSchema,
  total_tax: DecimalStringSchema,
  taxes: z.array(ItemTaxSchema).default([]),
});
export type RefundLine = z.infer<typeof RefundLineSchema>;

export const RefundAmountLineSchema = z.object({
  woo_item_id: z.number().int().positive(),
  refunded_item_id: z.number().int().positive(),
  name: z.string().default(''),
  total: DecimalStringSchema,
  total_tax: DecimalStringSchema,
  taxes: z.array(ItemTaxSchema).default([]),
});
export type RefundAmountLine = z.infer<typeof RefundAmountLineSchema>;

export const RefundPayloadSchema = z.object({
  schema_version: z.literal(1),
  woo_refund_id: z.number().int().positive(),
  woo_order_id: z.number().int().positive(),
  /** The refunded order's number (the GP documents of that order carry it as customer PO). */
  order_number: z.string().min(1),
  created_at: DateTimeSchema,
  currency: z.string().length(3),
  /** Positive refunded amount, tax included: the GP return's document amount must equal it. */
  amount: DecimalStringSchema,
  reason: z.string().default(''),
  customer: CustomerPayloadSchema,
  billing: AddressSchema,
  shipping: AddressSchema,
  lines: z.array(RefundLineSchema).default([]),
  shipping_lines: z.array(RefundAmountLineSchema).default([]),
  fees: z.array(RefundAmountLineSchema).default([]),
  meta: MetaMapSchema,
});
export type RefundPayload = z.infer<typeof RefundPayloadSchema>;
