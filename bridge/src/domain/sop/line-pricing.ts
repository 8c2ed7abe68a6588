import { MappingError } from '../mapping-error.js';
import { dec, type Dec, fitsDecimals, GP_DECIMALS, roundMoney } from '../money.js';

/**
 * Quantity, unit price and extended price of one line so that GP's check 722 holds exactly:
 * UNITPRCE × QUANTITY = XTNDPRCE, with UNITPRCE at most 5 decimals (numeric(19,5)).
 *
 * The extended price is WooCommerce's line `total` (after coupons), so coupons are already in the lines and
 * the header trade discount stays 0. Usually total / quantity is exact at 5 decimals (1.79 / 2 = 0.895).
 * When it is not (10.00 / 3), no unit price can reproduce the total, and splitting the line would change what
 * GP users see and invoice. Instead the line goes in at its pre-coupon figures (subtotal / quantity, which is
 * WooCommerce's own unit price and exact) and that line's coupon share moves to the header trade discount
 * (TRDISAMT), which GP subtracts in its document-amount rule 235. The document total is still WooCommerce's
 * to the cent; the line carries a warning so the admin knows why GP shows a trade discount.
 */
export interface LinePrice {
  readonly quantity: Dec;
  readonly unitPrice: Dec;
  readonly extended: Dec;
  /** Coupon amount moved to the header trade discount (0 in the normal case). */
  readonly tradeDiscount: Dec;
}

export function priceLine(input: { path: string; quantity: string; total: string; subtotal?: string }, currencyDecimals: number): LinePrice {
  const quantity = dec(input.quantity);
  if (quantity.lte(0)) {
    throw new MappingError('gp_validation', `${input.path}.quantity is ${input.quantity}; a GP line needs a positive quantity`, `${input.path}.quantity`);
  }
  const extended = roundMoney(dec(input.total), currencyDecimals);
  const unitPrice = extended.div(quantity);
  if (fitsDecimals(unitPrice, GP_DECIMALS)) return { quantity, unitPrice, extended, tradeDiscount: dec(0) };

  const subtotal = input.subtotal === undefined ? undefined : roundMoney(dec(input.subtotal), currencyDecimals);
  const listUnit = subtotal?.div(quantity);
  if (subtotal === undefined || listUnit === undefined || !fitsDecimals(listUnit, GP_DECIMALS) || subtotal.lt(extended)) {
    throw new MappingError('gp_validation', `${input.path}: no unit price with ${GP_DECIMALS} decimals gives ${extended.toFixed()} for quantity ${quantity.toFixed()} (GP rule 722)`, `${input.path}.total`, {
      quantity: quantity.toFixed(), total: extended.toFixed(), rule: 722,
    });
  }
  return { quantity, unitPrice: listUnit, extended: subtotal, tradeDiscount: subtotal.minus(extended) };
}
