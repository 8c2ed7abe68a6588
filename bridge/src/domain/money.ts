import { Decimal } from 'decimal.js';

/**
 * Decimal arithmetic for every amount and quantity. A private clone so no other module's settings leak in:
 * 40 significant digits (GP numeric(19,5) needs 19) and half-up rounding, which is how WooCommerce rounds
 * tax per line (`wc_round_tax_total`) and how GP rounds currency amounts.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;

/** GP money and quantity parameters are numeric(19,5): at most 5 decimals reach GP. */
export const GP_DECIMALS = 5;

export function dec(value: string | number): Dec {
  return new Dec(value);
}

export function sum(values: readonly Dec[]): Dec {
  return values.reduce((total, value) => total.plus(value), new Dec(0));
}

const decimalsByCurrency = new Map<string, number>();

/** Decimals of a currency (USD 2, JPY 0) from the ICU data in Node's Intl; 2 when the code is unknown. */
export function currencyDecimals(currency: string): number {
  // Cached: an Intl.NumberFormat costs far more to build than a map look-up, and this runs per amount.
  let decimals = decimalsByCurrency.get(currency);
  if (decimals === undefined) {
    try {
      decimals =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      decimals = 2;
    }
    decimalsByCurrency.set(currency, decimals);
  }
  return decimals;
}

/** Rounds half-up to the currency's decimals, as WooCommerce rounds stored per-rate taxes. */
export function roundMoney(value: Dec, decimals: number): Dec {
  return value.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
}

/** Fixed-point text without exponent or negative zero: what goes into the XML element. */
export function formatFixed(value: Dec, decimals: number): string {
  const rounded = value.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
  return rounded.isZero() ? new Dec(0).toFixed(decimals) : rounded.toFixed(decimals);
}

/** Shortest exact text of a value (quantities "2", unit prices "0.895"), never with an exponent. */
export function formatExact(value: Dec): string {
  return value.isZero() ? '0' : value.toFixed();
}

/** True when the value has no more than `decimals` decimals. */
export function fitsDecimals(value: Dec, decimals: number): boolean {
  return value.decimalPlaces() <= decimals;
}
