import { z } from 'zod';
import { AddressSchema } from './address.js';
import { CustomerPayloadSchema } from './customer.js';
import { DateTimeSchema, DecimalStringSchema, MetaMapSchema, QuantitySchema } from './decimal.js';

/**
 * Order payload. Every figure is WooCommerce's own stored figure, as a decimal string: WooCommerce rounds tax
 * per line and per rate, and its order total always equals the sum of the stored line, shipping and fee totals
 * and taxes (fixtures/woocommerce-9.4). The bridge never recomputes tax from unit prices and never reads the
 * header `discount_tax` (it can be a cent off the lines).
 */

/** One tax rate's share of an item: `total` is WooCommerce's unrounded figure (`taxes.total[rate_id]`). */
export const ItemTaxSchema = z.object({
  rate_id: z.number().int().nonnegative(),
  total: DecimalStringSchema,
  /** Before coupons; absent on shipping and fee items. */
  subtotal: DecimalStringSchema.optional(),
});
export type ItemTax = z.infer<typeof ItemTaxSchema>;

export const OrderLineSchema = z.object({
  woo_item_id: z.number().int().positive(),
  product_id: z.number().int().nonnegative(),
  variation_id: z.number().int().nonnegative().default(0),
  /** Empty when the product has no SKU; the unmatched-SKU policy decides what happens. */
  sku: z.string().default(''),
  /**
   * The product's explicit GP item number (`_gpsync_item_number`), when set: used instead of the SKU. The
   * correction path for SKUs GP cannot hold (too long, missing, different from GP's number).
   */
  gp_item_number: z.string().default(''),
  name: z.string(),
  quantity: QuantitySchema,
  tax_class: z.string().default(''),
  /** Line total before coupons, excluding tax. */
  subtotal: DecimalStringSchema,
  subtotal_tax: DecimalStringSchema,
  /** Line total after coupons, excluding tax: what GP's extended price must be. */
  total: DecimalStringSchema,
  /** Line tax after coupons, rounded per rate by WooCommerce. */
  total_tax: DecimalStringSchema,
  taxes: z.array(ItemTaxSchema).default([]),
  /** Visible line meta (variation attributes, add-on choices), raw values. */
  meta: MetaMapSchema,
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const ShippingLineSchema = z.object({
  woo_item_id: z.number().int().positive(),
  method_id: z.string().default(''),
  instance_id: z.string().default(''),
  method_title: z.string().default(''),
  total: DecimalStringSchema,
  total_tax: DecimalStringSchema,
  taxes: z.array(ItemTaxSchema).default([]),
});
export type ShippingLine = z.infer<typeof ShippingLineSchema>;

export const FeeLineSchema = z.object({
  woo_item_id: z.number().int().positive(),
  name: z.string(),
  tax_class: z.string().default(''),
  tax_status: z.string().default('taxable'),
  total: DecimalStringSchema,
  total_tax: DecimalStringSchema,
  taxes: z.array(ItemTaxSchema).default([]),
});
export type FeeLine = z.infer<typeof FeeLineSchema>;

export const CouponLineSchema = z.object({
  code: z.string(),
  /** Discount excluding tax, as stored (unpadded: "3.5"). */
  discount: DecimalStringSchema,
  discount_tax: DecimalStringSchema,
});
export type CouponLine = z.infer<typeof CouponLineSchema>;

/** An order-level tax line: one per rate, as WooCommerce summed it. */
export const TaxLineSchema = z.object({
  rate_id: z.number().int().nonnegative(),
  rate_code: z.string(),
  label: z.string().default(''),
  compound: z.boolean().default(false),
  /** Percent as a decimal string ("6.0000"), informational. */
  rate_percent: DecimalStringSchema.nullable().default(null),
  tax_total: DecimalStringSchema,
  shipping_tax_total: DecimalStringSchema,
});
export type TaxLine = z.infer<typeof TaxLineSchema>;

export const PaymentSchema = z.object({
  method: z.string().default(''),
  method_title: z.string().default(''),
  transaction_id: z.string().default(''),
  /** When WooCommerce marked the order paid; null when unpaid. */
  paid_at: DateTimeSchema.nullable().default(null),
});
export type Payment = z.infer<typeof PaymentSchema>;

export const OrderTotalsSchema = z.object({
  discount_total: DecimalStringSchema,
  /** Informational only: can be a cent off the lines (fixtures SUMMARY check E). Never used for totals. */
  discount_tax: DecimalStringSchema,
  shipping_total: DecimalStringSchema,
  shipping_tax: DecimalStringSchema,
  cart_tax: DecimalStringSchema,
  total_tax: DecimalStringSchema,
  /** The amount the customer was charged: GP's document amount must equal it to the cent. */
  total: DecimalStringSchema,
});
export type OrderTotals = z.infer<typeof OrderTotalsSchema>;

export const OrderPayloadSchema = z.object({
  schema_version: z.literal(1),
  woo_order_id: z.number().int().positive(),
  /** What the store shows the customer (sequential-number plugins change it); goes to GP's customer PO. */
  order_number: z.string().min(1),
  /** WooCommerce status without the `wc-` prefix. */
  status: z.string().min(1),
  currency: z.string().length(3),
  prices_include_tax: z.boolean().default(false),
  created_at: DateTimeSchema,
  /**
   * When the order was completed (`date_completed`), null if never. With `payment.paid_at` it tells what sale
   * happened before a later status such as `refunded`: completed → the invoice, else paid → the order.
   */
  completed_at: DateTimeSchema.nullable().default(null),
  /** The customer, complete enough to create or update it in GP (guests included). */
  customer: CustomerPayloadSchema,
  billing: AddressSchema,
  shipping: AddressSchema,
  payment: PaymentSchema,
  lines: z.array(OrderLineSchema).min(1),
  shipping_lines: z.array(ShippingLineSchema).default([]),
  fees: z.array(FeeLineSchema).default([]),
  coupons: z.array(CouponLineSchema).default([]),
  tax_lines: z.array(TaxLineSchema).default([]),
  totals: OrderTotalsSchema,
  customer_note: z.string().default(''),
  /** Order meta the mapping profile selected (custom checkout fields), by meta key. */
  meta: MetaMapSchema,
});
export type OrderPayload = z.infer<typeof OrderPayloadSchema>;
