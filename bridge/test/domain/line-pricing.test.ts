import { describe, expect, it } from 'vitest';
import type { OrderPayload } from '../../src/contracts/index.js';
import { mapOrder, mapRefund, toEConnectXml } from '../../src/domain/index.js';
import { dec } from '../../src/domain/money.js';
import { priceLine } from '../../src/domain/sop/line-pricing.js';
import {
  expectSuccess,
  nodesOf,
  only,
  orderContext,
  profileWith,
  RATE_MAP,
  refundContext,
  salesDocument,
  sopRef,
  wooOrder,
  wooRefunds,
} from '../support/domain-fixtures.js';
import { expectValidEConnect } from '../support/xsd.js';

/**
 * GP rule 722 (UNITPRCE × QUANTITY = XTNDPRCE, unit price at most 5 decimals) against WooCommerce line
 * totals that are not always quantity × a price: coupons spread over a line, prices entered with tax
 * included (the ex-tax total is derived and rounded), refunds of part of a discounted line.
 */
const exact = (p: ReturnType<typeof priceLine>) =>
  p.unitPrice.times(p.quantity).eq(p.extended) && p.unitPrice.decimalPlaces() <= 5;

describe('priceLine', () => {
  it('when total / quantity has at most 5 decimals (1.79 / 2), then the line is the total as it is, no trade discount', () => {
    const price = priceLine({ path: 'lines[0]', quantity: '2', total: '1.79', subtotal: '1.79' }, 2);
    expect([
      price.unitPrice.toFixed(),
      price.extended.toFixed(2),
      price.tradeDiscount.toFixed(2),
      price.basis,
    ]).toEqual(['0.895', '1.79', '0.00', 'exact']);
  });

  it('when a coupon leaves 10.00 for 3 but the list price divides, then the line goes in at list price with the coupon share as trade discount', () => {
    const price = priceLine({ path: 'lines[0]', quantity: '3', total: '10.00', subtotal: '15.00' }, 2);
    expect([
      price.unitPrice.toFixed(),
      price.extended.toFixed(2),
      price.tradeDiscount.toFixed(2),
      price.basis,
    ]).toEqual(['5', '15.00', '5.00', 'list_price']);
    expect(exact(price)).toBe(true);
  });

  it('when neither total nor list price divides (prices include tax: 24.79 for 3), then the smallest exact amount in cents at or above it is used, 24.81 = 3 × 8.27, and 0.02 goes to trade discount', () => {
    const price = priceLine({ path: 'lines[0]', quantity: '3', total: '24.79', subtotal: '24.79' }, 2);
    expect([
      price.unitPrice.toFixed(),
      price.extended.toFixed(2),
      price.tradeDiscount.toFixed(2),
      price.basis,
    ]).toEqual(['8.27', '24.81', '0.02', 'rounded_up']);
  });

  it('when a refund line has no subtotal and 10.00 does not divide by 3, then the rounded-up form is used rather than refusing the refund', () => {
    const price = priceLine({ path: 'lines[0]', quantity: '3', total: '10.00' }, 2);
    expect([price.extended.toFixed(2), price.tradeDiscount.toFixed(2)]).toEqual(['10.02', '0.02']);
    expect(exact(price)).toBe(true);
  });

  it.each([
    ['7', '24.79'],
    ['3', '0.01'],
    ['9', '100.00'],
    ['11', '1234.56'],
    ['1.5', '2.00'],
    ['12', '0.05'],
    ['64', '99.99'],
  ])(
    'when quantity %s totals %s, then the price is exact, in cents, and the trade discount is below one cent per unit',
    (quantity, total) => {
      const price = priceLine({ path: 'lines[0]', quantity, total }, 2);
      expect(exact(price)).toBe(true);
      expect(price.extended.decimalPlaces()).toBeLessThanOrEqual(2);
      expect(price.extended.minus(price.tradeDiscount).eq(dec(total))).toBe(true);
      expect(price.tradeDiscount.gte(0)).toBe(true);
      expect(price.tradeDiscount.lt(dec('0.01').times(dec(quantity).ceil()))).toBe(true);
    },
  );

  it('when an odd fractional quantity (0.333 for 1.00) would need a discount larger than rounding, then the line is refused under rule 722', () => {
    expect(() => priceLine({ path: 'lines[2]', quantity: '0.333', total: '1.00' }, 2)).toThrow(
      expect.objectContaining({
        code: 'gp_validation',
        field: 'lines[2].total',
        details: expect.objectContaining({ rule: 722 }),
      }),
    );
  });

  it('when the currency has no decimals (JPY 1000 for 3), then the amounts stay whole yen', () => {
    const price = priceLine({ path: 'lines[0]', quantity: '3', total: '1000' }, 0);
    expect([price.extended.toFixed(), price.tradeDiscount.toFixed()]).toEqual(['1002', '2']);
    expect(exact(price)).toBe(true);
  });
});

describe('orders and refunds whose lines do not divide', () => {
  const profile = profileWith({ timezone: 'America/Los_Angeles', taxes: { rate_map: RATE_MAP } });

  /** 3 × a price entered with tax included: WooCommerce stores 24.79 ex tax, 1.81 tax (7.25 %), 26.60 total. */
  function taxInclusiveOrder(): OrderPayload {
    const order = structuredClone(wooOrder('single-line-simple-ca'));
    order.prices_include_tax = true;
    const line = order.lines[0]!;
    Object.assign(line, {
      quantity: '3',
      subtotal: '24.79',
      subtotal_tax: '1.81',
      total: '24.79',
      total_tax: '1.81',
    });
    line.taxes = [
      { rate_id: 1, total: '1.4874', subtotal: '1.4874' },
      { rate_id: 2, total: '0.309875', subtotal: '0.309875' },
    ];
    order.tax_lines[0]!.tax_total = '1.49';
    order.tax_lines[1]!.tax_total = '0.31';
    order.totals.cart_tax = '1.80';
    line.total_tax = '1.80';
    line.subtotal_tax = '1.80';
    order.totals.total_tax = dec('1.80').plus(order.totals.shipping_tax).toFixed(2);
    order.totals.total = dec('24.79')
      .plus('1.80')
      .plus(order.totals.shipping_total)
      .plus(order.totals.shipping_tax)
      .toFixed(2);
    return order;
  }

  it('when a tax-inclusive order has 3 units for 24.79 ex tax, then it maps with an exact line, a 0.02 trade discount, a warning, and the WooCommerce total', async () => {
    const order = taxInclusiveOrder();
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    const document = salesDocument(result);
    const line = only(document, 'taSopLineIvcInsert');
    const header = only(document, 'taSopHdrIvcInsert');
    expect([line['QUANTITY'], line['UNITPRCE'], line['XTNDPRCE']]).toEqual(['3', '8.27', '24.81']);
    expect([header['SUBTOTAL'], header['TRDISAMT'], header['DOCAMNT']]).toEqual([
      '24.81',
      '0.02',
      order.totals.total,
    ]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'rounding_as_trade_discount', field: 'lines[0].total' }),
    );
    // The tax detail's taxable sales is what WooCommerce taxed, not the rounded-up line amount.
    const lineRows = nodesOf(document, 'taSopLineIvcTaxInsert').filter((r) => r.fields['TAXTYPE'] === '0');
    expect(lineRows.map((r) => [r.fields['TAXDTLID'], r.fields['SALESAMT'], r.fields['STAXAMNT']])).toEqual([
      ['CA-STATE', '24.79', '1.49'],
      ['CA-COUNTY', '24.79', '0.31'],
    ]);
    await expectValidEConnect(toEConnectXml(document!));
  });

  it('when one unit of three of a coupon-discounted line is refunded for an amount that does not divide, then the return still equals the refund', async () => {
    const [refund] = wooRefunds('partial-refund-one-line-ca');
    const edited = structuredClone(refund!);
    const line = edited.lines[0]!;
    // Refund 3 units for 10.00 ex tax; keep the tax as refunded.
    const taxOfLine = dec(line.total_tax);
    line.quantity = '3';
    line.total = '10.00';
    edited.amount = dec('10.00')
      .plus(taxOfLine)
      .plus(edited.shipping_lines.reduce((s, l) => s.plus(l.total).plus(l.total_tax), dec(0)))
      .plus(edited.fees.reduce((s, l) => s.plus(l.total).plus(l.total_tax), dec(0)))
      .toFixed(2);
    const result = expectSuccess(
      mapRefund(
        edited,
        profile,
        refundContext(edited, profile, [sopRef(3, 'WI1', edited.order_number, { posted: true })]),
      ),
    );
    const header = only(salesDocument(result), 'taSopHdrIvcInsert');
    expect(header['DOCAMNT']).toBe(edited.amount);
    expect(header['TRDISAMT']).toBe('0.02');
    await expectValidEConnect(toEConnectXml(salesDocument(result)!));
  });
});
