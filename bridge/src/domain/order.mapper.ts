import type { MappingProfile, OrderPayload } from '../contracts/index.js';
import { isBlankAddress } from './address.js';
import { customerName, shipToAddressCode } from './customer.mapper.js';
import type { EConnectDocument, EConnectTransaction } from './econnect/document.js';
import { openOrderFor } from './existing-document.js';
import { GpValues } from './gp/gp-values.js';
import { sopDocumentKey } from './keys.js';
import { ownValue } from './lookup.js';
import { asResult } from './mapping-error.js';
import type { MappingResult, OrderContext, SopDocumentRef } from './mapping-types.js';
import { currencyDecimals } from './money.js';
import { cancelOrder } from './order-cancel.js';
import { orderCustomFields } from './sop/custom-fields.js';
import { type LineIdentity, type ResolvedItems, resolveItems } from './sop/line-items.js';
import { paymentFor } from './sop/payment.js';
import { placeholderItemsDocument } from './sop/placeholder-items.js';
import { chargeInputs, type SalesDocumentInput, salesTransaction } from './sop/sales-document.js';
import { orderDecisionFor } from './status-map.js';
import { storeDate } from './store-date.js';
import { checkDocumentTotals, checkTaxLines } from './totals.js';

/**
 * Order → the GP documents its decision asks for (status-map.ts#orderDecisionFor, SPEC §3 "Orders"):
 * - `order`: a SOP Order (SOPTYPE 2, order DOCID), numbered `<order_prefix><order number>`.
 * - `invoice`: a SOP Invoice (SOPTYPE 3). When GP holds the unposted Order of this order, the invoice is
 *   created with ORIGTYPE/ORIGNUMB pointing at it and the Order is deleted in the same eConnect document, so
 *   GP never shows both as open and a failure leaves the Order untouched. eConnect has no SOP transfer, and
 *   building the invoice from the completed WooCommerce order (rather than copying the Order's lines) keeps it
 *   equal to what the customer was finally charged.
 * - `cancel`: void the unposted document (order-cancel.ts).
 * - `skip`: nothing.
 * Whether GP already has the document is not decided here but once, in existing-document.ts, by the use case.
 */
export function mapOrder(payload: OrderPayload, profile: MappingProfile, ctx: OrderContext): MappingResult {
  return asResult((): MappingResult => {
    const decision = ctx.action !== undefined ? { action: ctx.action } : orderDecisionFor(payload, profile);
    switch (decision.action) {
      case 'skip':
        return {
          ok: true,
          documents: [],
          gp: { customer_number: ctx.customer.customerNumber, outcome: 'skipped' },
          warnings: 'warning' in decision ? [decision.warning] : [],
        };
      case 'cancel':
        return cancelOrder(payload, profile, ctx);
      case 'order':
      case 'invoice':
        return createSalesDocument(payload, profile, ctx, decision.action);
    }
  });
}

function createSalesDocument(
  payload: OrderPayload,
  profile: MappingProfile,
  ctx: OrderContext,
  kind: 'order' | 'invoice',
): MappingResult {
  const { sopType, sopNumber } = sopDocumentKey(kind, payload.order_number, profile);
  const values = new GpValues(profile);
  const places = currencyDecimals(payload.currency);
  const openOrder =
    kind === 'invoice'
      ? openOrderFor(ctx.existingDocuments, sopDocumentKey('order', payload.order_number, profile).sopNumber)
      : undefined;
  const resolved = resolveItems(orderLineIdentities(payload), profile, ctx.knownItems);
  const input = salesDocumentInput(payload, profile, values, ctx, resolved, {
    kind,
    sopType,
    sopNumber,
    places,
    openOrder,
  });
  const { transaction, figures } = salesTransaction(input, profile, values);
  const salesDocument: EConnectDocument = { transactions: replacingOpenOrder(transaction, openOrder) };
  const mismatch =
    checkTaxLines(payload.tax_lines, figures.cartTaxByRate, figures.shippingTaxByRate, places) ??
    checkDocumentTotals(salesDocument, {
      total: payload.totals.total,
      tax: payload.totals.total_tax,
      currencyDecimals: places,
    });
  if (mismatch) return mismatch;

  warnNonInventoryLines(payload, resolved, values);
  const placeholders = placeholderItemsDocument(resolved, profile, values);
  return {
    ok: true,
    documents: placeholders ? [placeholders, salesDocument] : [salesDocument],
    gp: {
      customer_number: ctx.customer.customerNumber,
      sop_type: sopType,
      sop_number: sopNumber,
      outcome: 'created',
    },
    warnings: values.warnings,
  };
}

/** Each order line as the item resolver sees it: path, SKU, explicit GP item number, product. */
function orderLineIdentities(payload: OrderPayload): LineIdentity[] {
  return payload.lines.map((line, i) => ({
    path: `lines[${i}]`,
    sku: line.sku,
    gpItemNumber: line.gp_item_number,
    name: line.name,
    productId: line.product_id,
    variationId: line.variation_id,
  }));
}

/** The GP shipping method of the order's first shipping line (`method:instance` first, then `method`). */
function shippingMethodOf(payload: OrderPayload, profile: MappingProfile): string | undefined {
  const line = payload.shipping_lines[0];
  if (!line) return undefined;
  const map = profile.shipping.method_map;
  return ownValue(map, `${line.method_id}:${line.instance_id}`) ?? ownValue(map, line.method_id);
}

/** Everything the shared SOP builder needs for this order's Order or Invoice. */
function salesDocumentInput(
  payload: OrderPayload,
  profile: MappingProfile,
  values: GpValues,
  ctx: OrderContext,
  resolved: ResolvedItems,
  doc: {
    kind: 'order' | 'invoice';
    sopType: 2 | 3 | 4;
    sopNumber: string;
    places: number;
    openOrder: SopDocumentRef | undefined;
  },
): SalesDocumentInput {
  const custom = orderCustomFields(payload, profile, values, {
    sopType: doc.sopType,
    sopNumber: doc.sopNumber,
  });
  const useShipping = !isBlankAddress(payload.shipping);
  const shippingMethod = shippingMethodOf(payload, profile);
  return {
    sopType: doc.sopType,
    sopNumber: doc.sopNumber,
    customerNumber: ctx.customer.customerNumber,
    docId: doc.kind === 'order' ? profile.documents.order_docid : profile.documents.invoice_docid,
    docDate: storeDate(payload.created_at, profile.timezone, 'created_at'),
    customerName: customerName(payload.customer),
    customerPo: payload.order_number,
    shipTo: useShipping ? payload.shipping : payload.billing,
    shipToPath: useShipping ? 'shipping' : 'billing',
    shipToCode: shipToAddressCode(payload.customer, profile),
    billToCode: profile.customers.billing_address_code,
    ...(shippingMethod !== undefined ? { shippingMethod } : {}),
    lines: payload.lines.map((line, i) => ({
      path: `lines[${i}]`,
      item: resolved.items[i]!,
      description: line.name,
      quantity: line.quantity,
      total: line.total,
      subtotal: line.subtotal,
      totalTax: line.total_tax,
      taxes: line.taxes,
    })),
    shipping: chargeInputs(payload.shipping_lines, 'shipping_lines'),
    fees: chargeInputs(payload.fees, 'fees'),
    ...(doc.openOrder ? { origin: { sopType: 2, sopNumber: doc.openOrder.sopNumber } } : {}),
    headerText: custom.headerText,
    ...(custom.userDefined ? { userDefined: custom.userDefined } : {}),
    payment: paymentFor(payload, profile, values, doc.places),
    currencyDecimals: doc.places,
  };
}

/** An invoice replacing the unposted Order deletes it in the same document (no SOP transfer in eConnect). */
function replacingOpenOrder(
  transaction: EConnectTransaction,
  openOrder: SopDocumentRef | undefined,
): EConnectTransaction[] {
  if (!openOrder) return [transaction];
  return [
    transaction,
    {
      type: 'SOPDeleteDocumentType',
      nodes: [{ node: 'taSopDeleteDocument', fields: { SOPTYPE: '2', SOPNUMBE: openOrder.sopNumber } }],
    },
  ];
}

function warnNonInventoryLines(payload: OrderPayload, resolved: ResolvedItems, values: GpValues): void {
  for (const [i, item] of resolved.items.entries()) {
    if (item.nonInventory)
      values.warn(
        'non_inventory_line',
        `lines[${i}] (SKU "${payload.lines[i]?.sku ?? ''}") is not a GP item; sent as non-inventory line ${item.itemNumber}`,
        `lines[${i}].sku`,
      );
  }
}
