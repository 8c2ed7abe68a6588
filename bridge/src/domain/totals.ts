import type { TaxLine } from '../contracts/index.js';
import type { EConnectDocument } from './econnect/document.js';
import type { MappingFailure } from './mapping-types.js';
import { dec, type Dec, roundMoney, sum } from './money.js';

/**
 * The totals gate every SOP document passes before it is returned (SPEC §3 "Totals"): recomputed from the
 * document itself, exactly as GP will check it, and compared with what WooCommerce charged. Reading the
 * document rather than the mapper's intermediate figures means a mapper bug cannot hide from this check.
 *
 * - GP rule 722 per line: UNITPRCE × QUANTITY = XTNDPRCE.
 * - GP rule 67: SUBTOTAL = Σ line XTNDPRCE.
 * - GP rule 235: DOCAMNT = SUBTOTAL + FREIGHT + MISCAMNT + TAXAMNT + FRTTXAMT + MSCTXAMT − TRDISAMT.
 * - WooCommerce: tax = the order's total tax (`tax_mismatch`), DOCAMNT = the order total (`total_mismatch`),
 *   both to the cent, with both figures in the details.
 */
export interface ExpectedTotals {
  /** What WooCommerce charged (or refunded), tax included. */
  readonly total: string;
  /** WooCommerce's total tax, when known (refunds of an amount only have none). */
  readonly tax?: string;
  readonly currencyDecimals: number;
}

export function checkDocumentTotals(
  document: EConnectDocument,
  expected: ExpectedTotals,
): MappingFailure | null {
  for (const transaction of document.transactions) {
    if (transaction.type !== 'SOPTransactionType') continue;
    const header = transaction.nodes.find((n) => n.node === 'taSopHdrIvcInsert');
    if (!header)
      return failure(
        'gp_validation',
        'the SOP document has no taSopHdrIvcInsert header',
        'taSopHdrIvcInsert',
      );
    const amount = (name: string, fields: Readonly<Record<string, string>> = header.fields): Dec =>
      dec(fields[name] ?? '0');
    const lines = transaction.nodes.filter((n) => n.node === 'taSopLineIvcInsert');

    for (const line of lines) {
      const product = amount('UNITPRCE', line.fields).times(amount('QUANTITY', line.fields));
      if (!product.eq(amount('XTNDPRCE', line.fields))) {
        return failure(
          'gp_validation',
          `line ${line.fields['LNITMSEQ']}: UNITPRCE × QUANTITY = ${product.toFixed()} but XTNDPRCE is ${line.fields['XTNDPRCE']} (GP rule 722)`,
          'taSopLineIvcInsert.XTNDPRCE',
          {
            rule: 722,
            lnitmseq: line.fields['LNITMSEQ'],
            unit_price: line.fields['UNITPRCE'],
            quantity: line.fields['QUANTITY'],
            extended_price: line.fields['XTNDPRCE'],
          },
        );
      }
    }
    const lineSum = sum(lines.map((l) => amount('XTNDPRCE', l.fields)));
    if (!lineSum.eq(amount('SUBTOTAL'))) {
      return failure(
        'gp_validation',
        `SUBTOTAL ${header.fields['SUBTOTAL']} ≠ Σ XTNDPRCE ${lineSum.toFixed()} (GP rule 67)`,
        'taSopHdrIvcInsert.SUBTOTAL',
        {
          rule: 67,
          subtotal: header.fields['SUBTOTAL'],
          line_total: lineSum.toFixed(),
        },
      );
    }
    const recomputed = sum(
      ['SUBTOTAL', 'FREIGHT', 'MISCAMNT', 'TAXAMNT', 'FRTTXAMT', 'MSCTXAMT'].map((n) => amount(n)),
    ).minus(amount('TRDISAMT'));
    if (!recomputed.eq(amount('DOCAMNT'))) {
      return failure(
        'gp_validation',
        `DOCAMNT ${header.fields['DOCAMNT']} ≠ the sum of its parts ${recomputed.toFixed()} (GP rule 235)`,
        'taSopHdrIvcInsert.DOCAMNT',
        {
          rule: 235,
          document_amount: header.fields['DOCAMNT'],
          recomputed: recomputed.toFixed(),
        },
      );
    }
    const places = expected.currencyDecimals;
    const gpTax = sum(['TAXAMNT', 'FRTTXAMT', 'MSCTXAMT'].map((n) => amount(n)));
    if (expected.tax !== undefined) {
      const wooTax = roundMoney(dec(expected.tax), places);
      if (!roundMoney(gpTax, places).eq(wooTax)) {
        return failure(
          'tax_mismatch',
          `GP tax ${gpTax.toFixed(places)} ≠ WooCommerce tax ${wooTax.toFixed(places)}`,
          'taSopHdrIvcInsert.TAXAMNT',
          {
            woo_tax: wooTax.toFixed(places),
            gp_tax: gpTax.toFixed(places),
          },
        );
      }
    }
    const wooTotal = roundMoney(dec(expected.total), places);
    if (!roundMoney(recomputed, places).eq(wooTotal)) {
      return failure(
        'total_mismatch',
        `GP document amount ${recomputed.toFixed(places)} ≠ WooCommerce total ${wooTotal.toFixed(places)}`,
        'taSopHdrIvcInsert.DOCAMNT',
        {
          woo_total: wooTotal.toFixed(places),
          gp_total: recomputed.toFixed(places),
        },
      );
    }
  }
  return null;
}

/**
 * WooCommerce's order tax lines against the per-rate figures the document was built from: each rate's
 * `tax_total` (items and fees) and `shipping_tax_total` must equal the sum of its rounded item figures.
 */
export function checkTaxLines(
  taxLines: readonly TaxLine[],
  cartTaxByRate: ReadonlyMap<number, Dec>,
  shippingTaxByRate: ReadonlyMap<number, Dec>,
  places: number,
): MappingFailure | null {
  const rates = new Set([
    ...taxLines.map((t) => t.rate_id),
    ...cartTaxByRate.keys(),
    ...shippingTaxByRate.keys(),
  ]);
  for (const rate of rates) {
    const line = taxLines.find((t) => t.rate_id === rate);
    for (const [label, woo, gp] of [
      ['tax_total', line?.tax_total ?? '0', cartTaxByRate.get(rate) ?? dec(0)],
      ['shipping_tax_total', line?.shipping_tax_total ?? '0', shippingTaxByRate.get(rate) ?? dec(0)],
    ] as const) {
      const wooAmount = roundMoney(dec(woo), places);
      if (!wooAmount.eq(gp)) {
        return failure(
          'tax_mismatch',
          `tax rate ${rate} (${line?.rate_code ?? 'no tax line'}): WooCommerce ${label} ${wooAmount.toFixed(places)} ≠ Σ item taxes ${gp.toFixed(places)}`,
          `tax_lines[rate_id=${rate}].${label}`,
          {
            rate_id: rate,
            woo_tax: wooAmount.toFixed(places),
            gp_tax: gp.toFixed(places),
          },
        );
      }
    }
  }
  return null;
}

function failure(
  code: MappingFailure['code'],
  message: string,
  field: string,
  details?: Record<string, unknown>,
): MappingFailure {
  return { ok: false, code, message, field, ...(details ? { details } : {}) };
}
