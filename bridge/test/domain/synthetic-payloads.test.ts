import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type RefundPayload, RefundPayloadSchema } from '../../src/contracts/index.js';
import {
  checkDocumentTotals,
  customerNumberFor,
  mapCustomer,
  mapOrder,
  mapRefund,
  REFUND_ADJUSTMENT_ITEM,
  toEConnectXml,
} from '../../src/domain/index.js';
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
  syntheticOrder,
} from '../support/domain-fixtures.js';
import { expectValidEConnect } from '../support/xsd.js';

/**
 * Synthetic payloads for what the 24 exported orders do not show: a guest paying in EUR with prices entered
 * tax-inclusive (3 units whose ex-tax total does not divide), German and Polish names, an emoji in the note;
 * a refund of only shipping and a fee; a refund of one unit of a coupon-discounted line taxed at two rates.
 */
const synthetic = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/synthetic');
const syntheticRefund = (name: string): RefundPayload =>
  RefundPayloadSchema.parse(JSON.parse(readFileSync(join(synthetic, `${name}.json`), 'utf8')));

const profile = profileWith({
  timezone: 'Europe/Berlin',
  length_policy: 'truncate',
  taxes: { rate_map: { ...RATE_MAP, '21': 'DE-MWST-19' } },
  orders: { fields: [{ from: 'field:customer_note', to: 'COMMENT_1' }] },
  shipping: { method_map: { 'flat_rate:3': 'DHL', flat_rate: 'GROUND' } },
});

describe('guest order in EUR with tax-inclusive prices and non-English names', () => {
  const order = syntheticOrder('order-guest-eur-prices-include-tax');

  it('when mapped, then the guest is keyed by a hash of the e-mail, names are in code page 1252, and the document equals the WooCommerce total', async () => {
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    const document = salesDocument(result)!;
    const header = only(document, 'taSopHdrIvcInsert');
    expect(header['CUSTNMBR']).toMatch(/^WG[0-9A-F]{12}$/);
    expect(header['CUSTNMBR']).toBe(
      customerNumberFor({ ...order.customer, email: ' juergen.gross@example.de' }, profile),
    );
    // The billing person is the customer; the goods go to the Polish ship-to, transliterated where 1252 lacks letters.
    expect(header['CUSTNAME']).toBe('Jürgen Groß');
    expect(header['ShipToName']).toBe('Lucja Wasowska-Zólkiewska');
    expect(header['CITY']).toBe('Kraków'); // ó is in code page 1252 and stays
    expect(header['SHIPMTHD']).toBe('DHL');
    // 23:30 UTC on the 28th is the 29th in Berlin.
    expect(header['DOCDATE']).toBe('2026-11-29');
    // The emoji has no Latin form: replaced with a warning, never silently.
    expect(header['COMMENT_1']).toBe('Bitte beim Nachbarn abgeben ?');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'unsupported_characters_replaced',
        field: 'taSopHdrIvcInsert.COMMENT_1',
      }),
    );
    const line = only(document, 'taSopLineIvcInsert');
    expect(line['ITEMDESC']).toBe('Kaffeebecher „Groß“ 350 ml');
    expect([
      line['QUANTITY'],
      line['UNITPRCE'],
      line['XTNDPRCE'],
      header['TRDISAMT'],
      header['DOCAMNT'],
    ]).toEqual(['3', '8.4', '25.20', '0.02', '34.87']);
    expect(
      checkDocumentTotals(document, {
        total: order.totals.total,
        tax: order.totals.total_tax,
        currencyDecimals: 2,
      }),
    ).toBeNull();
    expect(
      nodesOf(document, 'taSopLineIvcTaxInsert').map((r) => [
        r.fields['TAXTYPE'],
        r.fields['TAXDTLID'],
        r.fields['STAXAMNT'] ?? r.fields['FRTTXAMT'],
      ]),
    ).toEqual([
      ['0', 'DE-MWST-19', '4.79'],
      ['1', 'DE-MWST-19', '0.78'],
    ]);
    await expectValidEConnect(toEConnectXml(document));
  });

  it('when the guest customer is mapped, then the e-mail key is normalised and the names transliterated for GP', async () => {
    const result = expectSuccess(
      mapCustomer(order.customer, profile, {
        customerNumber: customerNumberFor(order.customer, profile),
        exists: false,
      }),
    );
    const document = result.documents[0]!;
    expect(only(document, 'taCreateInternetAddresses')['INET1']).toBe('juergen.gross@example.de');
    expect(nodesOf(document, 'taCreateCustomerAddress').map((a) => a.fields['ShipToName'])).toEqual([
      'Jürgen Groß',
      'Lucja Wasowska-Zólkiewska',
    ]);
    await expectValidEConnect(toEConnectXml(document));
  });
});

describe('refunds the fixture store did not export', () => {
  it('when only shipping and a fee are refunded, then the return carries them as freight and misc with a zero adjustment line, and equals the refund', async () => {
    const refund = syntheticRefund('refund-shipping-and-fee-only');
    const invoice = sopRef(3, 'WI78', '78', { posted: true });
    const result = expectSuccess(mapRefund(refund, profile, refundContext(refund, profile, [invoice])));
    const document = salesDocument(result)!;
    const header = only(document, 'taSopHdrIvcInsert');
    expect([
      header['SOPTYPE'],
      header['SOPNUMBE'],
      header['ORIGTYPE'],
      header['ORIGNUMB'],
      header['CSTPONBR'],
    ]).toEqual(['4', 'WR78-901', '3', 'WI78', '78']);
    expect([
      header['SUBTOTAL'],
      header['FREIGHT'],
      header['MISCAMNT'],
      header['FRTTXAMT'],
      header['MSCTXAMT'],
      header['DOCAMNT'],
    ]).toEqual(['0.00', '7.95', '2.50', '0.58', '0.18', '11.21']);
    const line = only(document, 'taSopLineIvcInsert');
    expect([line['ITEMNMBR'], line['NONINVEN'], line['XTNDPRCE']]).toEqual([
      REFUND_ADJUSTMENT_ITEM,
      '1',
      '0.00',
    ]);
    await expectValidEConnect(toEConnectXml(document));
  });

  it('when one of three discounted units taxed at two rates is refunded, then the return line has QTYRTRND 1 and one tax row per rate', async () => {
    const refund = syntheticRefund('refund-one-of-three-two-rates');
    const result = expectSuccess(
      mapRefund(refund, profile, refundContext(refund, profile, [sopRef(3, 'WI76', '76', { posted: true })])),
    );
    const document = salesDocument(result)!;
    const line = only(document, 'taSopLineIvcInsert');
    expect([
      line['ITEMNMBR'],
      line['QUANTITY'],
      line['QTYRTRND'],
      line['UNITPRCE'],
      line['XTNDPRCE'],
      line['TAXAMNT'],
    ]).toEqual(['WCGP-PEN-002', '1', '1', '3.91', '3.91', '0.28']);
    expect(line['QtyShrtOpt']).toBeUndefined();
    expect(
      nodesOf(document, 'taSopLineIvcTaxInsert').map((r) => [r.fields['TAXDTLID'], r.fields['STAXAMNT']]),
    ).toEqual([
      ['CA-STATE', '0.23'],
      ['CA-COUNTY', '0.05'],
    ]);
    expect(only(document, 'taSopHdrIvcInsert')['DOCAMNT']).toBe('4.19');
    await expectValidEConnect(toEConnectXml(document));
  });

  it('when the refunded amount was tampered with, then the return is refused as total_mismatch with both figures', () => {
    const refund = { ...syntheticRefund('refund-one-of-three-two-rates'), amount: '5.19' };
    const result = mapRefund(
      refund,
      profile,
      refundContext(refund, profile, [sopRef(3, 'WI76', '76', { posted: true })]),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'total_mismatch',
      details: { woo_total: '5.19', gp_total: '4.19' },
    });
  });
});
