import type { Address, ItemTax, MappingProfile } from '../../contracts/index.js';
import { addresseeName, writeAddress } from '../address.js';
import type { EConnectNode, EConnectTransaction } from '../econnect/document.js';
import { type GpValues, NodeBuilder } from '../gp/gp-values.js';
import { ownValue } from '../lookup.js';
import { dec, type Dec, formatExact, formatFixed, sum } from '../money.js';
import { priceLine } from './line-pricing.js';
import type { ResolvedItem } from './line-items.js';
import { addByRate, type ItemTaxFigures, itemTaxFigures } from './tax-figures.js';

/**
 * One SOP document (order, invoice or return) as a SOPTransactionType: lines, tax details, user-defined
 * fields, payment and header (FACTS §5). Orders, invoices and returns differ only in what they feed in, so
 * the GP rules live here once: LNITMSEQ 16384·n, CREATETAXES=0 with WooCommerce's own tax, TRDISAMT sent
 * explicitly (omitting it lets GP apply the customer's default trade discount and break rule 235), SUBTOTAL
 * = Σ XTNDPRCE (rule 67), DOCAMNT = SUBTOTAL + FREIGHT + MISCAMNT + taxes − TRDISAMT (rule 235).
 */
export interface SalesLineInput {
  readonly path: string;
  readonly item: ResolvedItem;
  readonly description: string;
  readonly quantity: string;
  /** After coupons, excluding tax. */
  readonly total: string;
  /** Before coupons, excluding tax (absent on refund lines). */
  readonly subtotal?: string;
  readonly totalTax: string;
  readonly taxes: readonly ItemTax[];
  /** Returns: quantity returned into the "returned" bucket (FACTS §5.2 return quantity types). */
  readonly returned?: boolean;
}

export interface ChargeInput {
  readonly path: string;
  readonly total: string;
  readonly totalTax: string;
  readonly taxes: readonly ItemTax[];
}

/**
 * Shipping or fee items of an order or refund as charges: WooCommerce's stored figures, unchanged, with the
 * payload path each came from (`shipping_lines[0]`) for error messages.
 */
export function chargeInputs(
  items: ReadonlyArray<{
    readonly total: string;
    readonly total_tax: string;
    readonly taxes: readonly ItemTax[];
  }>,
  path: string,
): ChargeInput[] {
  return items.map((item, i) => ({
    path: `${path}[${i}]`,
    total: item.total,
    totalTax: item.total_tax,
    taxes: item.taxes,
  }));
}

export interface SalesDocumentInput {
  readonly sopType: 2 | 3 | 4;
  readonly docId: string;
  readonly sopNumber: string;
  readonly docDate: string;
  readonly customerNumber: string;
  readonly customerName: string;
  readonly customerPo: string;
  readonly shipTo: Address;
  readonly shipToPath: string;
  readonly shipToCode: string;
  readonly billToCode: string;
  readonly shippingMethod?: string;
  readonly lines: readonly SalesLineInput[];
  readonly shipping: readonly ChargeInput[];
  readonly fees: readonly ChargeInput[];
  readonly origin?: { readonly sopType: number; readonly sopNumber: string };
  /** Extra header elements already checked (COMMENT_1..4, NOTETEXT from custom fields). */
  readonly headerText?: ReadonlyArray<{ element: string; value: string; path: string }>;
  readonly userDefined?: EConnectNode;
  readonly payment?: (header: {
    sopType: number;
    sopNumber: string;
    customerNumber: string;
    customerName: string;
  }) => { node: EConnectNode; amount: Dec } | undefined;
  readonly currencyDecimals: number;
}

export interface SalesDocumentFigures {
  readonly subtotal: Dec;
  readonly freight: Dec;
  readonly misc: Dec;
  readonly tradeDiscount: Dec;
  readonly tax: Dec;
  readonly freightTax: Dec;
  readonly miscTax: Dec;
  readonly documentAmount: Dec;
  /** Rounded tax per Woo rate id, items and fees (tax_total) and shipping (shipping_tax_total) apart. */
  readonly cartTaxByRate: ReadonlyMap<number, Dec>;
  readonly shippingTaxByRate: ReadonlyMap<number, Dec>;
}

export function salesTransaction(
  input: SalesDocumentInput,
  profile: MappingProfile,
  values: GpValues,
): { transaction: EConnectTransaction; figures: SalesDocumentFigures } {
  const places = input.currencyDecimals;
  const money = (d: Dec) => formatFixed(d, places);
  const currency = profile.currency_id.trim();
  const key = { SOPTYPE: String(input.sopType), SOPNUMBE: input.sopNumber };
  const keyed = (node: string) =>
    new NodeBuilder(values, node).value('SOPTYPE', key.SOPTYPE).text('SOPNUMBE', key.SOPNUMBE);
  const nodes: EConnectNode[] = [];
  const taxNodes: EConnectNode[] = [];

  // A taxed rate without a GP tax detail still counts in the header tax, but GP gets no detail row for it:
  // say so once per rate, so the merchant can map it (profile.taxes.rate_map) before posting.
  const unmappedRates = new Set<number>();
  const taxDetailFor = (rate: number, amount: Dec): string | undefined => {
    const detail = ownValue(profile.taxes.rate_map, String(rate));
    if (detail === undefined && !amount.isZero() && !unmappedRates.has(rate)) {
      unmappedRates.add(rate);
      values.warn(
        'tax_rate_unmapped',
        `WooCommerce tax rate ${rate} has no GP tax detail in profile.taxes.rate_map; its tax is in the header total only`,
        `profile.taxes.rate_map.${rate}`,
      );
    }
    return detail;
  };
  const lineTaxes: ItemTaxFigures[] = [];
  const extendedPrices: Dec[] = [];
  const tradeDiscounts: Dec[] = [];
  input.lines.forEach((line, index) => {
    const price = priceLine(
      {
        path: line.path,
        quantity: line.quantity,
        total: line.total,
        ...(line.subtotal !== undefined ? { subtotal: line.subtotal } : {}),
      },
      places,
    );
    if (price.basis === 'list_price') {
      values.warn(
        'coupon_as_trade_discount',
        `${line.path}: ${price.extended.minus(price.tradeDiscount).toFixed(places)} after coupons is not quantity × a 5-decimal unit price; the line goes in at its pre-coupon price and its ${price.tradeDiscount.toFixed(places)} coupon share as trade discount`,
        `${line.path}.total`,
      );
    } else if (price.basis === 'rounded_up') {
      values.warn(
        'rounding_as_trade_discount',
        `${line.path}: ${price.extended.minus(price.tradeDiscount).toFixed(places)} is not quantity × a 5-decimal unit price, before or after coupons; the line goes in at ${price.extended.toFixed(places)} (${formatExact(price.unitPrice)} each) and the ${price.tradeDiscount.toFixed(places)} difference as trade discount`,
        `${line.path}.total`,
      );
    }
    const tax = itemTaxFigures({ total_tax: line.totalTax, taxes: line.taxes }, line.path, places);
    const sequence = 16384 * (index + 1);
    const builder = keyed('taSopLineIvcInsert')
      .text('CUSTNMBR', input.customerNumber)
      .value('DOCDATE', input.docDate)
      .text('ITEMNMBR', line.item.itemNumber, `${line.path}.sku`)
      .text('ITEMDESC', line.description, `${line.path}.name`)
      .value('QUANTITY', formatExact(price.quantity))
      .value('UNITPRCE', formatExact(price.unitPrice))
      .value('XTNDPRCE', money(price.extended))
      .value('TAXAMNT', money(tax.total))
      .value('LNITMSEQ', sequence)
      .text('DOCID', input.docId, 'profile.documents')
      .text('UOFM', profile.items.unit_of_measure, 'profile.items.unit_of_measure')
      .optText('LOCNCODE', profile.documents.site_id, 'profile.documents.site_id')
      .optText('CURNCYID', currency, 'profile.currency_id');
    if (line.item.nonInventory) builder.value('NONINVEN', 1);
    if (line.returned) builder.value('QTYRTRND', formatExact(price.quantity));
    // Shortage options apply to orders and invoices; a return adds stock and has no shortage.
    if (input.sopType !== 4) builder.value('QtyShrtOpt', profile.documents.quantity_shortage_option);
    nodes.push(builder.build());
    for (const [rate, amount] of tax.byRate) {
      const detail = taxDetailFor(rate, amount);
      if (detail === undefined) continue;
      // Taxable sales = what WooCommerce taxed: the line after coupons, not a list price the line went in at.
      taxNodes.push(
        keyed('taSopLineIvcTaxInsert')
          .text('CUSTNMBR', input.customerNumber)
          .value('TAXTYPE', 0)
          .value('LNITMSEQ', sequence)
          .text('TAXDTLID', detail, `profile.taxes.rate_map.${rate}`)
          .value('SALESAMT', money(price.extended.minus(price.tradeDiscount)))
          .value('STAXAMNT', money(amount))
          .build(),
      );
    }
    lineTaxes.push(tax);
    extendedPrices.push(price.extended);
    tradeDiscounts.push(price.tradeDiscount);
  });

  const charges = (items: readonly ChargeInput[]) => {
    const taxes = items.map((c) => itemTaxFigures({ total_tax: c.totalTax, taxes: c.taxes }, c.path, places));
    return {
      amount: sum(items.map((c) => dec(c.total))).toDecimalPlaces(places),
      tax: sum(taxes.map((t) => t.total)),
      byRate: addByRate(taxes),
    };
  };
  const shipping = charges(input.shipping);
  const fees = charges(input.fees);
  // Freight and misc tax details are one row per rate with line sequence 0 (FACTS §5.3, TAXTYPE 1 and 2).
  for (const [type, charge] of [
    [1, shipping],
    [2, fees],
  ] as const) {
    for (const [rate, amount] of charge.byRate) {
      const detail = taxDetailFor(rate, amount);
      if (detail === undefined) continue;
      const row = keyed('taSopLineIvcTaxInsert')
        .text('CUSTNMBR', input.customerNumber)
        .value('TAXTYPE', type)
        .value('LNITMSEQ', 0)
        .text('TAXDTLID', detail, `profile.taxes.rate_map.${rate}`);
      if (type === 1) row.value('FREIGHT', money(charge.amount)).value('FRTTXAMT', money(amount));
      else row.value('MISCAMNT', money(charge.amount)).value('MSCTXAMT', money(amount));
      taxNodes.push(row.build());
    }
  }

  const subtotal = sum(extendedPrices);
  const tradeDiscount = sum(tradeDiscounts);
  const tax = sum(lineTaxes.map((t) => t.total));
  const documentAmount = subtotal
    .plus(shipping.amount)
    .plus(fees.amount)
    .plus(tax)
    .plus(shipping.tax)
    .plus(fees.tax)
    .minus(tradeDiscount);

  const header = keyed('taSopHdrIvcInsert')
    .text('DOCID', input.docId, 'profile.documents')
    .value('DOCDATE', input.docDate)
    .text('CUSTNMBR', input.customerNumber)
    .text('CUSTNAME', input.customerName, 'customer')
    .text('CSTPONBR', input.customerPo, 'order_number')
    .text('ShipToName', addresseeName(input.shipTo), `${input.shipToPath}.company|first_name+last_name`)
    .text('PRSTADCD', input.shipToCode, 'profile.customers.shipping_address_code')
    .text('PRBTADCD', input.billToCode, 'profile.customers.billing_address_code')
    .text('BACHNUMB', profile.documents.batch_id, 'profile.documents.batch_id')
    .optText('LOCNCODE', profile.documents.site_id, 'profile.documents.site_id')
    .optText('SHIPMTHD', input.shippingMethod, 'profile.shipping.method_map')
    .optText('TAXSCHID', profile.taxes.schedule_id, 'profile.taxes.schedule_id')
    .optText('FRTSCHID', profile.taxes.freight_schedule_id, 'profile.taxes.freight_schedule_id')
    .optText('MSCSCHID', profile.taxes.misc_schedule_id, 'profile.taxes.misc_schedule_id')
    .optText('CURNCYID', currency, 'profile.currency_id')
    .value('SUBTOTAL', money(subtotal))
    .value('FREIGHT', money(shipping.amount))
    .value('MISCAMNT', money(fees.amount))
    .value('TRDISAMT', money(tradeDiscount))
    .value('TAXAMNT', money(tax))
    .value('FRTTXAMT', money(shipping.tax))
    .value('MSCTXAMT', money(fees.tax))
    .value('DOCAMNT', money(documentAmount))
    .value('CREATETAXES', 0)
    .value('USINGHEADERLEVELTAXES', 0);
  writeAddress(header, input.shipTo, input.shipToPath, { phone: 'PHNUMBR1', countryCode: false });
  if (input.origin) header.value('ORIGTYPE', input.origin.sopType).text('ORIGNUMB', input.origin.sopNumber);
  for (const { element, value, path } of input.headerText ?? []) header.text(element, value, path);
  const payment = input.payment?.({
    sopType: input.sopType,
    sopNumber: input.sopNumber,
    customerNumber: input.customerNumber,
    customerName: input.customerName,
  });
  if (payment) header.value('PYMTRCVD', money(payment.amount));

  nodes.push(...taxNodes);
  if (payment) nodes.push(payment.node);
  if (input.userDefined) nodes.push(input.userDefined);
  nodes.push(header.build());

  return {
    transaction: { type: 'SOPTransactionType', nodes },
    figures: {
      subtotal,
      freight: shipping.amount,
      misc: fees.amount,
      tradeDiscount,
      tax,
      freightTax: shipping.tax,
      miscTax: fees.tax,
      documentAmount,
      cartTaxByRate: addByRate([...lineTaxes, { byRate: fees.byRate, total: fees.tax }]),
      shippingTaxByRate: shipping.byRate,
    },
  };
}
