import { describe, expect, it } from 'vitest';
import {
  findExistingReturn,
  mapRefund,
  REFUND_ADJUSTMENT_ITEM,
  toEConnectXml,
} from '../../src/domain/index.js';
import { dec } from '../../src/domain/money.js';
import {
  expectSuccess,
  nodesOf,
  only,
  profileWith,
  RATE_MAP,
  refundContext,
  salesDocument,
  sopRef,
  wooRefunds,
} from '../support/domain-fixtures.js';
import { expectValidEConnect } from '../support/xsd.js';

const profile = profileWith({ taxes: { rate_map: RATE_MAP } });

describe('mapRefund', () => {
  it('when one unit of a line is refunded, then the return has that line with QTYRTRND = quantity and its per-rate tax', async () => {
    const [refund] = wooRefunds('partial-refund-one-line-ca');
    const result = expectSuccess(
      mapRefund(refund!, profile, refundContext(refund!, profile, [sopRef(3, 'WI93', '93')])),
    );
    const document = salesDocument(result);
    expect(result.gp).toEqual({
      customer_number: 'WC3',
      sop_type: 4,
      sop_number: 'WR93-94',
      outcome: 'created',
    });
    expect(only(document, 'taSopLineIvcInsert')).toMatchObject({
      SOPTYPE: '4',
      ITEMNMBR: 'WCGP-MUG-001',
      QUANTITY: '1',
      QTYRTRND: '1',
      UNITPRCE: '19.99',
      XTNDPRCE: '19.99',
      TAXAMNT: '1.45',
    });
    expect(only(document, 'taSopLineIvcInsert')['QtyShrtOpt']).toBeUndefined();
    expect(only(document, 'taSopHdrIvcInsert')).toMatchObject({
      DOCID: 'STDRTN',
      CSTPONBR: '93',
      ORIGTYPE: '3',
      ORIGNUMB: 'WI93',
      DOCAMNT: '21.44',
    });
    expect(nodesOf(document, 'taSopLineIvcTaxInsert').map((r) => r.fields['STAXAMNT'])).toEqual([
      '1.20',
      '0.25',
    ]);
    await expectValidEConnect(toEConnectXml(document!));
  });

  it('when lines, shipping and a fee are refunded, then they become return lines, freight and misc adding up to the amount', () => {
    const [refund] = wooRefunds('full-refund-all-lines-ny');
    // Bob's dock address is longer than GP's 60 characters: truncate, as the merchant of this store would.
    const truncating = profileWith({ length_policy: 'truncate', taxes: { rate_map: RATE_MAP } });
    const header = only(
      salesDocument(
        expectSuccess(
          mapRefund(refund!, truncating, refundContext(refund!, truncating, [sopRef(3, 'WI95', '95')])),
        ),
      ),
      'taSopHdrIvcInsert',
    );
    expect(header).toMatchObject({
      FREIGHT: '7.95',
      FRTTXAMT: '0.68',
      MISCAMNT: '2.50',
      MSCTXAMT: '0.21',
      DOCAMNT: '25.55',
    });
  });

  it('when only an amount was refunded, then the return has one non-inventory line for the amount, described by the reason', async () => {
    const [refund] = wooRefunds('amount-only-refund-goodwill-ca');
    const document = salesDocument(
      expectSuccess(mapRefund(refund!, profile, refundContext(refund!, profile, [sopRef(3, 'WI97', '97')]))),
    );
    expect(only(document, 'taSopLineIvcInsert')).toMatchObject({
      ITEMNMBR: REFUND_ADJUSTMENT_ITEM,
      NONINVEN: '1',
      QUANTITY: '1',
      XTNDPRCE: '5.00',
      ITEMDESC: 'Goodwill: late delivery',
    });
    expect(only(document, 'taSopHdrIvcInsert')['DOCAMNT']).toBe('5.00');
    await expectValidEConnect(toEConnectXml(document!));
  });

  it('when the refund amount differs from its lines, then it is total_mismatch with both figures (WooCommerce does not check)', () => {
    const [refund] = wooRefunds('partial-refund-one-line-ca');
    const odd = { ...refund!, amount: dec(refund!.amount).plus(3).toFixed(2) };
    expect(mapRefund(odd, profile, refundContext(odd, profile, [sopRef(3, 'WI93', '93')]))).toMatchObject({
      ok: false,
      code: 'total_mismatch',
      details: { woo_total: '24.44', gp_total: '21.44' },
    });
  });

  it('when GP has no document of the order, then it is order_not_in_gp', () => {
    const [refund] = wooRefunds('partial-refund-one-line-ca');
    expect(mapRefund(refund!, profile, refundContext(refund!, profile, []))).toMatchObject({
      ok: false,
      code: 'order_not_in_gp',
    });
  });

  it('when the return already exists, then the one existing-document rule finds it (the same rule preview uses)', () => {
    const key = { sopType: 4, sopNumber: 'WR93-94' };
    const earlier = sopRef(4, 'wr93-94 ', '93');
    expect(findExistingReturn([sopRef(3, 'WI93', '93'), earlier], key)).toBe(earlier);
    expect(findExistingReturn([sopRef(4, 'WR93-95', '93')], key)).toBeUndefined();
  });

  it('when the order was not invoiced yet, then the return is still written, without a reference, and says so', () => {
    const [refund] = wooRefunds('partial-refund-one-line-ca');
    const result = expectSuccess(
      mapRefund(refund!, profile, refundContext(refund!, profile, [sopRef(2, 'WO93', '93')])),
    );
    expect(only(salesDocument(result), 'taSopHdrIvcInsert')['ORIGNUMB']).toBeUndefined();
    expect(result.warnings.map((w) => w.code)).toContain('return_without_invoice');
  });
});
