import { z } from 'zod';

/**
 * Money and quantities travel as decimal strings, never as JSON numbers, so no binary floating point touches
 * an amount between WooCommerce and GP. WooCommerce stores figures unpadded ("1.7") and keeps per-rate taxes
 * unrounded ("1.407"), so any number of decimals is accepted here; the mapper rounds where GP needs it.
 */
export const DecimalStringSchema = z
  .string()
  .max(40)
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "12.50" (no exponent, no thousands separator)')
  .describe('decimal number as a string');
export type DecimalString = z.infer<typeof DecimalStringSchema>;

/** A quantity: WooCommerce sends integers, extensions send fractional quantities; both as decimal strings. */
export const QuantitySchema = DecimalStringSchema.describe('quantity as a decimal string');

/** ISO-8601 date-time with offset, as WooCommerce's `date_created` (`2026-11-29T02:49:23+00:00`). */
export const DateTimeSchema = z.iso.datetime({ offset: true }).describe('ISO-8601 date-time with offset');

/** Scalar values that custom fields and meta may carry after the plugin flattens them. */
export const MetaValueSchema = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
export const MetaMapSchema = z.record(z.string().max(255), MetaValueSchema).default({});
