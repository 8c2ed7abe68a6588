import type { MappingProfile, OrderPayload } from '../contracts/index.js';
import { isBlankAddress } from './address.js';
import { customerName, shipToAddressCode } from './customer.mapper.js';
import type { EConnectDocument, EConnectTransaction } from './econnect/document.js';
import { GpValues } from './gp/gp-values.js';
import { sopDocumentKey } from './keys.js';
import { asResult } from './mapping-error.js';
import type { MappingResult, MappingSuccess, OrderContext, SopDocumentRef } from './mapping-types.js';
import { currencyDecimals } from './money.js';
import { cancelOrder } from './order-cancel.js';
import { itemDocument } from './product.mapper.js';
import { orderCustomFields } from './sop/custom-fields.js';
import { resolveItems } from './sop/line-items.js';
import { paymentFor } from './sop/payment.js';
import { chargeInputs, salesTransaction } from './sop/sales-document.js';
import { orderActionFor } from './status-map.js';
import { storeDate } from './store-date.js';
import { checkDocumentTotals, checkTaxLines } from './totals.js';

/**
 * Order → what its WooCommerce status asks for in GP (SPEC §3 "Orders", profile.status_map):
 * - `order`: a SOP Order (SOPTYPE 2, order DOCID), numbered `<order_prefix><order number>`.
 * - `invoice`: a SOP Invoice (SOPTYPE 3). When GP holds the unposted Order of this order, the invoice is
 *   created with ORIGTYPE/ORIGNUMB pointing at it and the Order is deleted in the same eConnect document, so
 *   GP never shows both as open and a failure leaves the Order untouched. eConnect has no SOP transfer, and
 *   building the invoice from the completed WooCommerce order (rather than copying the Order's lines) keeps it
 *   equal to what the customer was finally charged.
 * - `cancel`: void the unposted document (order-cancel.ts).
 * - `return`: nothing here; each WooCommerce refund arrives as its own refund message (mapRefund).
 * - `ignore`: nothing.
 * A document GP already has under our number is reported as `existing` and not written again.
 */
export function mapOrder(payload: OrderPayload, profile: MappingProfile, ctx: OrderContext): MappingResult {
  return asResult((): MappingResult => {
    const action = orderActionFor(payload.status, profile);
    switch (action) {
      case 'ignore':
      case 'return':
        return {
          ok: true,
          documents: [],
          gp: { customer_number: ctx.customer.customerNumber, outcome: 'skipped' },
          warnings: [],
        };
      case 'cancel':
        return cancelOrder(payload, profile, ctx);
      case 'order':
      case 'invoice':
        return createSalesDocument(payload, profile, ctx, action);
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
  const customerNumber = ctx.customer.customerNumber;
  const live = ctx.existingDocuments.filter((d) => !d.voided);
  // Ours by number, or one a GP user made from it (an invoice transferred in GP carries the same customer PO).
  // An invoice also answers a late `order` message: the order has moved on, and a new Order would sit open beside it.
  const already =
    live.find(
      (d) => d.sopType === sopType && (d.sopNumber === sopNumber || d.customerPo === payload.order_number),
    ) ??
    (kind === 'order'
      ? live.find((d) => d.sopType === 3 && d.customerPo === payload.order_number)
      : undefined);
  if (already) {
    return {
      ok: true,
      documents: [],
      gp: {
        customer_number: customerNumber,
        sop_type: already.sopType,
        sop_number: already.sopNumber,
        outcome: 'existing',
      },
      warnings: [],
    };
  }
  const values = new GpValues(profile);
  const places = currencyDecimals(payload.currency);
  const openOrder: SopDocumentRef | undefined =
    kind === 'invoice'
      ? live.find(
          (d) =>
            d.sopType === 2 &&
            !d.posted &&
            d.sopNumber === sopDocumentKey('order', payload.order_number, profile).sopNumber,
        )
      : undefined;

  const identities = payload.lines.map((line, i) => ({
    path: `lines[${i}]`,
    sku: line.sku,
    name: line.name,
    productId: line.product_id,
    variationId: line.variation_id,
  }));
  const resolved = resolveItems(identities, profile, ctx.knownItems);
  const custom = orderCustomFields(payload, profile, values, { sopType, sopNumber });
  const useShipping = !isBlankAddress(payload.shipping);
  const shippingLine = payload.shipping_lines[0];
  const methodMap = profile.shipping.method_map;
  const shippingMethod = shippingLine
    ? (methodMap[`${shippingLine.method_id}:${shippingLine.instance_id}`] ??
      methodMap[shippingLine.method_id])
    : undefined;

  const { transaction, figures } = salesTransaction(
    {
      sopType,
      sopNumber,
      customerNumber,
      docId: kind === 'order' ? profile.documents.order_docid : profile.documents.invoice_docid,
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
      ...(openOrder ? { origin: { sopType: 2, sopNumber: openOrder.sopNumber } } : {}),
      headerText: custom.headerText,
      ...(custom.userDefined ? { userDefined: custom.userDefined } : {}),
      payment: paymentFor(payload, profile, values, places),
      currencyDecimals: places,
    },
    profile,
    values,
  );

  const transactions: EConnectTransaction[] = [transaction];
  if (openOrder) {
    transactions.push({
      type: 'SOPDeleteDocumentType',
      nodes: [{ node: 'taSopDeleteDocument', fields: { SOPTYPE: '2', SOPNUMBE: openOrder.sopNumber } }],
    });
  }
  const salesDocument: EConnectDocument = { transactions };
  const mismatch =
    checkTaxLines(payload.tax_lines, figures.cartTaxByRate, figures.shippingTaxByRate, places) ??
    checkDocumentTotals(salesDocument, {
      total: payload.totals.total,
      tax: payload.totals.total_tax,
      currencyDecimals: places,
    });
  if (mismatch) return mismatch;

  // Placeholder items go in a document of their own, before the order: IVItemMasterType comes after
  // SOPTransactionType in schema order, so one document cannot create an item before a line uses it (FACTS §1).
  const documents: EConnectDocument[] = [];
  if (resolved.placeholders.length > 0) {
    documents.push({
      transactions: resolved.placeholders.flatMap((p) => {
        values.warn(
          'placeholder_item',
          `GP had no item ${p.itemNumber}; it is created in class "${profile.items.placeholder_class_id}" from ${p.path}`,
          `${p.path}.sku`,
        );
        return itemDocument(values, profile, {
          itemNumber: p.itemNumber,
          description: p.name,
          descriptionPath: `${p.path}.name`,
          classId: profile.items.placeholder_class_id,
          listPrice: null,
        }).transactions;
      }),
    });
  }
  for (const [i, item] of resolved.items.entries()) {
    if (item.nonInventory)
      values.warn(
        'non_inventory_line',
        `lines[${i}] (SKU "${payload.lines[i]?.sku ?? ''}") is not a GP item; sent as non-inventory line ${item.itemNumber}`,
        `lines[${i}].sku`,
      );
  }
  documents.push(salesDocument);
  const result: MappingSuccess = {
    ok: true,
    documents,
    gp: { customer_number: customerNumber, sop_type: sopType, sop_number: sopNumber, outcome: 'created' },
    warnings: values.warnings,
  };
  return result;
}
