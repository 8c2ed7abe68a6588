import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkDocumentTotals,
  customerNumberFor,
  mapOrder,
  mapRefund,
  toEConnectXml,
} from '../../src/domain/index.js';
import { dec, sum } from '../../src/domain/money.js';
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
  wooScenarios,
} from '../support/domain-fixtures.js';
import { validateEConnectBatch } from '../support/xsd.js';

/**
 * All 24 real WooCommerce orders (fixtures/woocommerce-9.4) through the order mapper: GP's document amount is
 * WooCommerce's total to the cent, each tax rate's detail rows add up to WooCommerce's tax line, GP rules 67,
 * 235 and 722 hold, and every document validates against eConnect.xsd. Every status is mapped to `order`
 * here so that each fixture produces a document; status handling has its own tests.
 *
 * The profile truncates overlong text and sends unusable SKUs as non-inventory lines, because two fixtures
 * carry a 35-character SKU and one a 101-character address: the defaults refuse those (tested separately),
 * and the totals must hold for every order whichever way the merchant configures that.
 */
const profile = profileWith({
  length_policy: 'truncate',
  timezone: 'America/Los_Angeles',
  status_map: Object.fromEntries(
    ['processing', 'completed', 'cancelled', 'on-hold', 'refunded', 'pending'].map((s) => [s, 'order']),
  ),
  items: { unmatched_sku_policy: 'non_inventory' },
  taxes: { rate_map: RATE_MAP },
});

const scenarios = wooScenarios();

// Every document of the corpus goes through xmllint in one run: compiling the 400 kB schema is the slow part.
const xml: Array<{ name: string; xml: string }> = [];
let schemaErrors = new Map<string, string[]>();
beforeAll(async () => {
  schemaErrors = await validateEConnectBatch(xml);
});
const expectValid = (name: string) => {
  expect(schemaErrors.has(name), `${name} was not validated`).toBe(true);
  expect(schemaErrors.get(name)).toEqual([]);
  expect(schemaErrors.get('(unattributed)') ?? []).toEqual([]);
};

describe('WooCommerce 9.4 fixture orders → GP SOP documents', () => {
  it('when the corpus is loaded, then it holds the 24 exported orders', () => {
    expect(scenarios).toHaveLength(24);
  });

  describe.each(scenarios)('%s', (scenario) => {
    const order = wooOrder(scenario);
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    const document = salesDocument(result);
    const header = only(document, 'taSopHdrIvcInsert');
    const lines = nodesOf(document, 'taSopLineIvcInsert');
    result.documents.forEach((doc, i) => xml.push({ name: `${scenario}#${i}`, xml: toEConnectXml(doc) }));

    it('when mapped, then GP DOCAMNT equals the WooCommerce total to the cent', () => {
      expect(header['DOCAMNT']).toBe(dec(order.totals.total).toFixed(2));
      const parts = sum(
        ['SUBTOTAL', 'FREIGHT', 'MISCAMNT', 'TAXAMNT', 'FRTTXAMT', 'MSCTXAMT'].map((e) =>
          dec(header[e] ?? '0'),
        ),
      ).minus(dec(header['TRDISAMT'] ?? '0'));
      expect(parts.toFixed(2)).toBe(header['DOCAMNT']); // GP rule 235
    });

    it('when mapped, then SUBTOTAL is the sum of the line extended prices (rule 67) and each line is unit × quantity (rule 722)', () => {
      expect(lines).toHaveLength(order.lines.length);
      expect(sum(lines.map((l) => dec(l.fields['XTNDPRCE']!))).toFixed(2)).toBe(header['SUBTOTAL']);
      for (const line of lines)
        expect(
          dec(line.fields['UNITPRCE']!)
            .times(dec(line.fields['QUANTITY']!))
            .eq(dec(line.fields['XTNDPRCE']!)),
        ).toBe(true);
    });

    it('when mapped, then per tax rate the detail rows add up to the WooCommerce tax line', () => {
      const taxRows = nodesOf(document, 'taSopLineIvcTaxInsert');
      for (const taxLine of order.tax_lines) {
        const detail = RATE_MAP[String(taxLine.rate_id) as keyof typeof RATE_MAP];
        const rows = taxRows.filter((r) => r.fields['TAXDTLID'] === detail);
        const cart = sum(
          rows
            .filter((r) => r.fields['TAXTYPE'] !== '1')
            .map((r) => dec(r.fields['STAXAMNT'] ?? r.fields['MSCTXAMT'] ?? '0')),
        );
        const shipping = sum(
          rows.filter((r) => r.fields['TAXTYPE'] === '1').map((r) => dec(r.fields['FRTTXAMT'] ?? '0')),
        );
        expect(cart.toFixed(2)).toBe(dec(taxLine.tax_total).toFixed(2));
        expect(shipping.toFixed(2)).toBe(dec(taxLine.shipping_tax_total).toFixed(2));
      }
      const headerTax = sum(['TAXAMNT', 'FRTTXAMT', 'MSCTXAMT'].map((e) => dec(header[e] ?? '0')));
      expect(headerTax.toFixed(2)).toBe(dec(order.totals.total_tax).toFixed(2));
    });

    it('when mapped, then the totals gate passes, no trade discount is sent and the document is valid eConnect', () => {
      expect(
        checkDocumentTotals(document!, {
          total: order.totals.total,
          tax: order.totals.total_tax,
          currencyDecimals: 2,
        }),
      ).toBeNull();
      expect(header['TRDISAMT']).toBe('0.00');
      result.documents.forEach((_, i) => expectValid(`${scenario}#${i}`));
    });
  });
});

describe('WooCommerce 9.4 fixture refunds → GP SOP returns', () => {
  const withRefunds = scenarios.filter((s) => wooRefunds(s).length > 0);

  it('when the corpus is loaded, then it holds the three exported refunds', () => {
    expect(withRefunds.flatMap((s) => wooRefunds(s))).toHaveLength(3);
  });

  describe.each(withRefunds)('%s', (scenario) => {
    const order = wooOrder(scenario);
    for (const refund of wooRefunds(scenario)) {
      const invoice = sopRef(3, `WI${order.order_number}`, order.order_number, { posted: true });
      const result = expectSuccess(mapRefund(refund, profile, refundContext(refund, profile, [invoice])));
      result.documents.forEach((doc, i) =>
        xml.push({ name: `refund-${refund.woo_refund_id}#${i}`, xml: toEConnectXml(doc) }),
      );
      it(`when refund ${refund.woo_refund_id} is mapped, then the return's DOCAMNT is the refunded amount and it references the invoice`, () => {
        const header = only(salesDocument(result), 'taSopHdrIvcInsert');
        expect(header['SOPTYPE']).toBe('4');
        expect(header['SOPNUMBE']).toBe(`WR${order.order_number}-${refund.woo_refund_id}`);
        expect(header['DOCAMNT']).toBe(dec(refund.amount).toFixed(2));
        expect(header['ORIGNUMB']).toBe(invoice.sopNumber);
        expect(header['CUSTNMBR']).toBe(customerNumberFor(refund.customer, profile));
        result.documents.forEach((_, i) => expectValid(`refund-${refund.woo_refund_id}#${i}`));
      });
    }
  });
});
