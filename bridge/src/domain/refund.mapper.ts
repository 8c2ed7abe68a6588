import type { MappingProfile, RefundPayload } from '../contracts/index.js';
import { isBlankAddress } from './address.js';
import { customerName, shipToAddressCode } from './customer.mapper.js';
import type { EConnectDocument } from './econnect/document.js';
import { GpValues } from './gp/gp-values.js';
import { sopDocumentKey } from './keys.js';
import { asResult, MappingError } from './mapping-error.js';
import type { MappingResult, RefundContext } from './mapping-types.js';
import { currencyDecimals, dec, sum } from './money.js';
import { itemDocument } from './product.mapper.js';
import { resolveItems } from './sop/line-items.js';
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
    const already = live.find((d) => d.sopType === 4 && d.sopNumber === sopNumber);
    if (already)
      return {
        ok: true,
        documents: [],
        gp: { customer_number: customerNumber, sop_type: 4, sop_number: sopNumber, outcome: 'existing' },
        warnings: [],
      };
    if (live.length === 0) {
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

    const goods = payload.lines.filter((l) => !dec(l.quantity).isZero());
    const corrections = payload.lines.filter((l) => dec(l.quantity).isZero());
    const resolved = resolveItems(
      goods.map((l) => ({
        path: `lines[${payload.lines.indexOf(l)}]`,
        sku: l.sku,
        name: l.name,
        productId: l.product_id,
        variationId: l.variation_id,
      })),
      profile,
      ctx.knownItems,
    );
    const description = payload.reason.trim() !== '' ? payload.reason : 'Refund';
    const lines: SalesLineInput[] = goods.map((l, i) => ({
      path: `lines[${payload.lines.indexOf(l)}]`,
      item: resolved.items[i]!,
      description: l.name,
      quantity: l.quantity,
      total: l.total,
      totalTax: l.total_tax,
      taxes: l.taxes,
      returned: true,
    }));
    for (const l of corrections) {
      lines.push({
        path: `lines[${payload.lines.indexOf(l)}]`,
        item: { itemNumber: REFUND_ADJUSTMENT_ITEM, nonInventory: true },
        description: `${description}: ${l.name}`,
        quantity: '1',
        total: l.total,
        totalTax: l.total_tax,
        taxes: l.taxes,
      });
    }
    const nothingItemised =
      lines.length === 0 && payload.shipping_lines.length === 0 && payload.fees.length === 0;
    if (nothingItemised) {
      lines.push({
        path: 'amount',
        item: { itemNumber: REFUND_ADJUSTMENT_ITEM, nonInventory: true },
        description,
        quantity: '1',
        total: payload.amount,
        totalTax: '0',
        taxes: [],
      });
    } else if (lines.length === 0) {
      // Only shipping or fees refunded: GP still needs a line; a zero line keeps the amounts in freight/misc.
      lines.push({
        path: 'amount',
        item: { itemNumber: REFUND_ADJUSTMENT_ITEM, nonInventory: true },
        description,
        quantity: '1',
        total: '0',
        totalTax: '0',
        taxes: [],
      });
    }

    const useShipping = !isBlankAddress(payload.shipping);
    const { transaction } = salesTransaction(
      {
        sopType,
        sopNumber,
        customerNumber,
        docId: profile.documents.return_docid,
        docDate: storeDate(payload.created_at, profile.timezone, 'created_at'),
        customerName: customerName(payload.customer),
        customerPo: payload.order_number,
        shipTo: useShipping ? payload.shipping : payload.billing,
        shipToPath: useShipping ? 'shipping' : 'billing',
        shipToCode: shipToAddressCode(payload.customer, profile),
        billToCode: profile.customers.billing_address_code,
        lines,
        shipping: chargeInputs(payload.shipping_lines, 'shipping_lines'),
        fees: chargeInputs(payload.fees, 'fees'),
        ...(invoice ? { origin: { sopType: 3, sopNumber: invoice.sopNumber } } : {}),
        currencyDecimals: places,
      },
      profile,
      values,
    );
    const document: EConnectDocument = { transactions: [transaction] };
    const itemTax = sum(
      [...payload.lines, ...payload.shipping_lines, ...payload.fees].map((l) => dec(l.total_tax)),
    );
    const mismatch = checkDocumentTotals(document, {
      total: payload.amount,
      ...(nothingItemised ? {} : { tax: itemTax.toFixed() }),
      currencyDecimals: places,
    });
    if (mismatch) return mismatch;

    const documents: EConnectDocument[] = [];
    if (resolved.placeholders.length > 0) {
      documents.push({
        transactions: resolved.placeholders.flatMap(
          (p) =>
            itemDocument(values, profile, {
              itemNumber: p.itemNumber,
              description: p.name,
              descriptionPath: `${p.path}.name`,
              classId: profile.items.placeholder_class_id,
              listPrice: null,
            }).transactions,
        ),
      });
    }
    documents.push(document);
    return {
      ok: true,
      documents,
      gp: { customer_number: customerNumber, sop_type: 4, sop_number: sopNumber, outcome: 'created' },
      warnings: values.warnings,
    };
  });
}
