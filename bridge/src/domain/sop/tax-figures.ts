import type { ItemTax } from '../../contracts/index.js';
import { MappingError } from '../mapping-error.js';
import { dec, type Dec, roundMoney, sum } from '../money.js';

/**
 * WooCommerce's tax figures as GP needs them. WooCommerce keeps each rate's tax per item unrounded
 * (`taxes.total`), rounds it per item and rate, and sums those into the item's `total_tax` and the order's tax
 * lines (fixtures SUMMARY check D). The bridge takes exactly those rounded figures and never recomputes tax
 * from prices: recomputing gives other cents in 8 of the 24 fixture orders.
 */
export interface ItemTaxFigures {
  /** Rounded tax per Woo rate id. */
  readonly byRate: ReadonlyMap<number, Dec>;
  /** The item's tax: its stored total_tax, checked against the per-rate figures. */
  readonly total: Dec;
}

export function itemTaxFigures(
  item: { total_tax: string; taxes: readonly ItemTax[] },
  path: string,
  decimals: number,
): ItemTaxFigures {
  const byRate = new Map<number, Dec>();
  for (const tax of item.taxes)
    byRate.set(tax.rate_id, (byRate.get(tax.rate_id) ?? dec(0)).plus(roundMoney(dec(tax.total), decimals)));
  const total = roundMoney(dec(item.total_tax), decimals);
  if (item.taxes.length > 0) {
    const perRate = sum([...byRate.values()]);
    if (!perRate.eq(total)) {
      throw new MappingError(
        'tax_mismatch',
        `${path}: per-rate taxes add up to ${perRate.toFixed(decimals)} but the item's total_tax is ${total.toFixed(decimals)}`,
        `${path}.total_tax`,
        {
          woo_tax: total.toFixed(decimals),
          gp_tax: perRate.toFixed(decimals),
        },
      );
    }
  }
  return { byRate, total };
}

/** Adds per-rate figures of several items. */
export function addByRate(figures: readonly ItemTaxFigures[]): Map<number, Dec> {
  const totals = new Map<number, Dec>();
  for (const figure of figures)
    for (const [rate, amount] of figure.byRate) totals.set(rate, (totals.get(rate) ?? dec(0)).plus(amount));
  return totals;
}
