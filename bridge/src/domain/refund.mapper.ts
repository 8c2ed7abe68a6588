import type { MappingProfile, RefundLine, RefundPayload } from '../contracts/index.js';
import { isBlankAddress } from './address.js';
import { customerName, shipToAddressCode } from './customer.mapper.js';
import type { EConnectDocument } from './econnect/document.js';
import { GpValues } from './gp/gp-values.js';
import { sopDocumentKey } from './keys.js';
import { asResult, MappingError } from './mapping-error.js';
import type { MappingResult, RefundContext } from './mapping-types.js';
import { currencyDecimals, dec, sum } from './money.js';
import { saleDocumentsOf } from './existing-document.js';
import { type ResolvedItems, resolveItems } from './sop/line-items.js';
import { placeholderItemsDocument } from './sop/placeholder-items.js';
import { chargeInputs, type SalesLineInput, salesTransaction } from './sop/sales-document.js';
import { storeDate } from './store-date.js';
import { checkDocumentTotals } from './totals.js';

/** Item number of the line that carries an amount-only refund (GP needs at least one line; FACTS §5). */
export const REFUND_ADJUSTMENT_ITEM = 'WOO-REFUND';

/**
 * Refund → SOP Return (SOPTYPE 4, return DOCID), numbered `<return_prefix><order number>-<refund id>` so each
 * partial refund is its own return. Refunded lines go back with QTYRTRND = quantity (the "returned" bucket:
 * goods come back for inspection, not straight into available stock); refunded shipping and fees become
 * freight and misc. ORIGTYPE/ORIGNUMB name the invoice the return credits.
 *
 * A return without lines is invalid for GP (taSopLineIvcInsert_Items needs one), so an amount-only refund,
 * and a refund line with quantity 0 (a price correction), becomes a non-inventory line `WOO-REFUND` of
 * quantity 1 at the refunded amount, described by the refund reason (the merchant's own words, else
 * "Refund"). Non-inventory keeps it out of stock and needs no GP item.
 * The return's document amount must equal the refunded amount to the cent, else `total_mismatch`.
 */
export function mapRefund(
  payload: RefundPayload,
  profile: MappingProfile,
  ctx: RefundContext,
): MappingResult {
  return asResult((): MappingResult => {
    const { sopType, sopNumber } = sopDocumentKey(
      'return',
      `${payload.order_number}-${payload.woo_refund_id}`,
      profile,
    );
    const customerNumber = ctx.customer.customerNumber;
    const live = ctx.orderDocuments.filter((d) => !d.voided);
    if (saleDocumentsOf(live).length === 0) {
      throw new MappingError(
        'order_not_in_gp',
        `GP has no document for WooCommerce order ${payload.order_number}; the refund has nothing to return against`,
        'order_number',
        { order_number: payload.order_number },
      );
    }
    const values = new GpValues(profile);
    const invoice = live.find((d) => d.sopType === 3);
    if (!invoice)
      values.warn(
        'return_without_invoice',
        `GP has no invoice for order ${payload.order_number} yet; the return does not reference one`,
        'order_number',
      );
    const places = currencyDecimals(payload.currency);
    const { lines, resolved, nothingItemised } = refundLines(payload, profile, ctx);
    const document = returnDocument(payload, profile, values, {
      sopType,
      sopNumber,
      customerNumber,
      lines,
      places,
      invoiceNumber: invoice?.sopNumber,
    });
    const itemTax = sum(
      [...payload.lines, ...payload.shipping_lines, ...payload.fees].map((l) => dec(l.total_tax)),
    );
    const mismatch = checkDocumentTotals(document, {
      total: payload.amount,
      ...(nothingItemised ? {} : { tax: itemTax.toFixed() }),
      currencyDecimals: places,
    });
    if (mismatch) return mismatch;

    const placeholders = placeholderItemsDocument(resolved, profile, values);
    return {
      ok: true,
      documents: placeholders ? [placeholders, document] : [document],
      gp: { customer_number: customerNumber, sop_type: 4, sop_number: sopNumber, outcome: 'created' },
      warnings: values.warnings,
    };
  });
}

/**
 * The Return's lines: refunded goods back into the "returned" bucket; price corrections (quantity 0) and an
 * amount-only refund as `WOO-REFUND` non-inventory lines; a zero line when only shipping or fees were refunded
 * (GP needs one line).
 */
function refundLines(
  payload: RefundPayload,
  profile: MappingProfile,
  ctx: RefundContext,
): { lines: SalesLineInput[]; resolved: ResolvedItems; nothingItemised: boolean } {
  const goods = payload.lines.filter((l) => !dec(l.quantity).isZero());
  const corrections = payload.lines.filter((l) => dec(l.quantity).isZero());
  const pathOf = (l: RefundLine) => `lines[${payload.lines.indexOf(l)}]`;
  const resolved = resolveItems(
    goods.map((l) => ({
      path: pathOf(l),
      sku: l.sku,
      gpItemNumber: l.gp_item_number,
      name: l.name,
      productId: l.product_id,
      variationId: l.variation_id,
    })),
    profile,
    ctx.knownItems,
  );
  const description = payload.reason.trim() !== '' ? payload.reason : 'Refund';
  const adjustment = (path: string, text: string, total: string, l?: RefundLine): SalesLineInput => ({
    path,
    item: { itemNumber: REFUND_ADJUSTMENT_ITEM, nonInventory: true },
    description: text,
    quantity: '1',
    total,
    totalTax: l?.total_tax ?? '0',
    taxes: l?.taxes ?? [],
  });
  const lines: SalesLineInput[] = goods.map((l, i) => ({
    path: pathOf(l),
    item: resolved.items[i]!,
    description: l.name,
    quantity: l.quantity,
    total: l.total,
    totalTax: l.total_tax,
    taxes: l.taxes,
    returned: true,
  }));
  for (const l of corrections) lines.push(adjustment(pathOf(l), `${description}: ${l.name}`, l.total, l));
  const nothingItemised =
    lines.length === 0 && payload.shipping_lines.length === 0 && payload.fees.length === 0;
  if (nothingItemised) lines.push(adjustment('amount', description, payload.amount));
  else if (lines.length === 0) lines.push(adjustment('amount', description, '0'));
  return { lines, resolved, nothingItemised };
}

/** The SOPTransactionType of the Return, crediting the invoice when GP has one. */
function returnDocument(
  payload: RefundPayload,
  profile: MappingProfile,
  values: GpValues,
  doc: {
    sopType: 2 | 3 | 4;
    sopNumber: string;
    customerNumber: string;
    lines: SalesLineInput[];
    places: number;
    invoiceNumber: string | undefined;
  },
): EConnectDocument {
  const useShipping = !isBlankAddress(payload.shipping);
  const { transaction } = salesTransaction(
    {
      sopType: doc.sopType,
      sopNumber: doc.sopNumber,
      customerNumber: doc.customerNumber,
      docId: profile.documents.return_docid,
      docDate: storeDate(payload.created_at, profile.timezone, 'created_at'),
      customerName: customerName(payload.customer),
      customerPo: payload.order_number,
      shipTo: useShipping ? payload.shipping : payload.billing,
      shipToPath: useShipping ? 'shipping' : 'billing',
      shipToCode: shipToAddressCode(payload.customer, profile),
      billToCode: profile.customers.billing_address_code,
      lines: doc.lines,
      shipping: chargeInputs(payload.shipping_lines, 'shipping_lines'),
      fees: chargeInputs(payload.fees, 'fees'),
      ...(doc.invoiceNumber !== undefined ? { origin: { sopType: 3, sopNumber: doc.invoiceNumber } } : {}),
      currencyDecimals: doc.places,
    },
    profile,
    values,
  );
  return { transactions: [transaction] };
}
