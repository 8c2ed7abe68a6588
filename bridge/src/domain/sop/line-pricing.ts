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
 *
 * When the pre-coupon figures do not divide either (a prices-include-tax store: 3 × 8.2633… ex tax = 24.79;
 * a refund line, which has no subtotal), the last resort is the smallest extended price at or above the
 * total, in whole currency units (cents), that quantity × a 5-decimal unit price reproduces exactly: 24.81
 * for 3 (8.27 each), with the 0.02 difference as trade discount. It stays below one cent per unit of
 * quantity, the header amounts stay in cents (no sub-cent trade discount for GP to round), and the document
 * total is still WooCommerce's. Refusing the order instead would make such stores unusable.
 */
export interface LinePrice {
  readonly quantity: Dec;
  readonly unitPrice: Dec;
  readonly extended: Dec;
  /** Coupon amount moved to the header trade discount (0 in the normal case). */
  readonly tradeDiscount: Dec;
  /** How the price was found: total / quantity, the pre-coupon list price, or the rounded-up last resort. */
  readonly basis: 'exact' | 'list_price' | 'rounded_up';
}

export function priceLine(
  input: { path: string; quantity: string; total: string; subtotal?: string },
  currencyDecimals: number,
): LinePrice {
  const quantity = dec(input.quantity);
  if (quantity.lte(0)) {
    throw new MappingError(
      'gp_validation',
      `${input.path}.quantity is ${input.quantity}; a GP line needs a positive quantity`,
      `${input.path}.quantity`,
    );
  }
  const extended = roundMoney(dec(input.total), currencyDecimals);
  const unitPrice = extended.div(quantity);
  if (fitsDecimals(unitPrice, GP_DECIMALS))
    return { quantity, unitPrice, extended, tradeDiscount: dec(0), basis: 'exact' };

  const subtotal =
    input.subtotal === undefined ? undefined : roundMoney(dec(input.subtotal), currencyDecimals);
  const listUnit = subtotal?.div(quantity);
  if (
    subtotal !== undefined &&
    listUnit !== undefined &&
    fitsDecimals(listUnit, GP_DECIMALS) &&
    subtotal.gte(extended)
  ) {
    return {
      quantity,
      unitPrice: listUnit,
      extended: subtotal,
      tradeDiscount: subtotal.minus(extended),
      basis: 'list_price',
    };
  }
  if (!fitsDecimals(quantity, GP_DECIMALS) || extended.lt(0)) {
    throw new MappingError(
      'gp_validation',
      `${input.path}: no unit price with ${GP_DECIMALS} decimals gives ${extended.toFixed()} for quantity ${quantity.toFixed()} (GP rule 722)`,
      `${input.path}.total`,
      {
        quantity: quantity.toFixed(),
        total: extended.toFixed(),
        rule: 722,
      },
    );
  }
  const roundedUp = smallestExactExtended(extended, quantity, currencyDecimals);
  // Below one minor unit per (started) unit of quantity, the difference is rounding; above it (odd fractional
  // quantities such as 0.333) it would be a made-up discount, so the line is refused as before.
  const bound = dec(10).pow(-currencyDecimals).times(quantity.ceil());
  if (roundedUp.minus(extended).gte(bound)) {
    throw new MappingError(
      'gp_validation',
      `${input.path}: no unit price with ${GP_DECIMALS} decimals gives ${extended.toFixed()} for quantity ${quantity.toFixed()} (GP rule 722)`,
      `${input.path}.total`,
      {
        quantity: quantity.toFixed(),
        total: extended.toFixed(),
        rule: 722,
      },
    );
  }
  return {
    quantity,
    unitPrice: roundedUp.div(quantity),
    extended: roundedUp,
    tradeDiscount: roundedUp.minus(extended),
    basis: 'rounded_up',
  };
}

/**
 * The smallest amount ≥ `total`, in whole currency minor units, that is quantity × a price of at most 5
 * decimals. With quantity = a / 10^d, X minor units work when a / gcd(a, 10^(5 − currency decimals + d))
 * divides X, so X is `total` rounded up to a multiple of that step.
 */
function smallestExactExtended(total: Dec, quantity: Dec, currencyDecimals: number): Dec {
  const d = quantity.decimalPlaces();
  const a = BigInt(quantity.times(dec(10).pow(d)).toFixed(0));
  const step = a / gcd(a, 10n ** BigInt(GP_DECIMALS - currencyDecimals + d));
  const minor = BigInt(total.times(dec(10).pow(currencyDecimals)).toFixed(0));
  const steps = (minor + step - 1n) / step;
  return dec((steps * step).toString()).div(dec(10).pow(currencyDecimals));
}

function gcd(x: bigint, y: bigint): bigint {
  return y === 0n ? x : gcd(y, x % y);
}
