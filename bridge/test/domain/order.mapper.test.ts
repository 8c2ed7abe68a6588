import { describe, expect, it } from 'vitest';
import { mapOrder, toEConnectXml } from '../../src/domain/index.js';
import { dec } from '../../src/domain/money.js';
import {
  expectSuccess,
  nodesOf,
  only,
  orderContext,
  profileWith,
  RATE_MAP,
  salesDocument,
  syntheticOrder,
  wooOrder,
} from '../support/domain-fixtures.js';
import { expectValidEConnect } from '../support/xsd.js';

const base = profileWith({
  timezone: 'America/Los_Angeles',
  taxes: { rate_map: RATE_MAP, schedule_id: 'AVATAX' },
});

describe('mapOrder: the SOP Order header and lines', () => {
  const order = wooOrder('percent-coupon-two-tax-rates-ca');
  const result = expectSuccess(mapOrder(order, base, orderContext(order, base)));
  const header = only(salesDocument(result), 'taSopHdrIvcInsert');
  const lines = nodesOf(salesDocument(result), 'taSopLineIvcInsert');

  it('when a processing order is mapped, then it is a SOP Order numbered from the order number with the order as customer PO', () => {
    expect(result.gp).toEqual({
      customer_number: 'WC3',
      sop_type: 2,
      sop_number: 'WO76',
      outcome: 'created',
    });
    expect(header).toMatchObject({
      SOPTYPE: '2',
      DOCID: 'STDORD',
      SOPNUMBE: 'WO76',
      CUSTNMBR: 'WC3',
      CSTPONBR: '76',
      BACHNUMB: 'WOO',
      CREATETAXES: '0',
      TAXSCHID: 'AVATAX',
    });
  });

  it('when coupons discounted the lines, then the lines carry the discounted totals and no trade discount is sent', () => {
    expect(header['TRDISAMT']).toBe('0.00');
    expect(lines.map((l) => l.fields['XTNDPRCE'])).toEqual(order.lines.map((l) => dec(l.total).toFixed(2)));
    // 1.79 / 2 is not a 2-decimal price, but 0.895 is exact at GP's 5 decimals.
    expect(lines.find((l) => l.fields['XTNDPRCE'] === '1.79')?.fields).toMatchObject({
      QUANTITY: '2',
      UNITPRCE: '0.895',
    });
  });

  it('when lines are written, then they are numbered 16384·n with site, unit of measure and shortage option from the profile', () => {
    expect(lines.map((l) => l.fields['LNITMSEQ'])).toEqual(['16384', '32768', '49152']);
    expect(lines.every((l) => l.fields['UOFM'] === 'EACH' && l.fields['QtyShrtOpt'] === '2')).toBe(true);
  });

  it('when the store is in Los Angeles, then DOCDATE is the local calendar date of created_at', () => {
    const late = { ...order, created_at: '2026-11-29T06:30:00+00:00' };
    expect(
      only(salesDocument(expectSuccess(mapOrder(late, base, orderContext(late, base)))), 'taSopHdrIvcInsert')[
        'DOCDATE'
      ],
    ).toBe('2026-11-28');
    const utc = profileWith({ timezone: 'UTC' });
    expect(
      only(salesDocument(expectSuccess(mapOrder(late, utc, orderContext(late, utc)))), 'taSopHdrIvcInsert')[
        'DOCDATE'
      ],
    ).toBe('2026-11-29');
  });

  it("when the customer record has no shipping address, then PRSTADCD names the billing code GP has, while the order's ship-to address is still sent", () => {
    const blank = {
      first_name: '',
      last_name: '',
      company: '',
      address_1: '',
      address_2: '',
      city: '',
      state: '',
      postcode: '',
      country: '',
      email: '',
      phone: '',
    };
    const noShip = { ...order, customer: { ...order.customer, shipping: blank } };
    const noShipHeader = only(
      salesDocument(expectSuccess(mapOrder(noShip, base, orderContext(noShip, base)))),
      'taSopHdrIvcInsert',
    );
    expect(noShipHeader).toMatchObject({
      PRSTADCD: 'PRIMARY',
      PRBTADCD: 'PRIMARY',
      ADDRESS1: order.shipping.address_1,
    });
    expect(header['PRSTADCD']).toBe('SHIP');
  });

  it('when a shipping method is mapped, then SHIPMTHD is the GP method; instance-specific mappings win', () => {
    const profile = profileWith({
      shipping: { method_map: { flat_rate: 'GROUND', 'flat_rate:1': 'UPS GROUND' } },
    });
    expect(
      only(
        salesDocument(expectSuccess(mapOrder(order, profile, orderContext(order, profile)))),
        'taSopHdrIvcInsert',
      )['SHIPMTHD'],
    ).toBe('UPS GROUND');
  });
});

describe('mapOrder: several tax rates, untaxed shipping, a fee and a price that does not divide', () => {
  const order = syntheticOrder('order-three-rates-untaxed-shipping-fee-thirds');
  const profile = profileWith({
    timezone: 'America/Los_Angeles',
    taxes: { rate_map: RATE_MAP },
    orders: {
      fields: [
        { from: 'meta:delivery_date', to: 'USRDAT01' },
        { from: 'meta:po_number', to: 'USERDEF1' },
        { from: 'meta:gift_message', to: 'COMMENT_1' },
        { from: 'field:customer_note', to: 'COMMENT_2' },
      ],
      record_payments: true,
      checkbook_id: 'FIRST BANK',
      payment_types: { stripe: 6 },
    },
  });
  const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
  const document = salesDocument(result);
  const header = only(document, 'taSopHdrIvcInsert');

  it('when a line total is not quantity × a 5-decimal price (10.00 / 3), then it goes in at list price with its coupon share as trade discount and totals still match', () => {
    const line = nodesOf(document, 'taSopLineIvcInsert')[0]!.fields;
    expect(line).toMatchObject({ QUANTITY: '3', UNITPRCE: '4', XTNDPRCE: '12.00' });
    expect(header).toMatchObject({ SUBTOTAL: '19.98', TRDISAMT: '2.00', DOCAMNT: '26.15' });
    expect(result.warnings.map((w) => w.code)).toContain('coupon_as_trade_discount');
  });

  it('when shipping is untaxed and a fee is taxed, then FREIGHT carries no tax and the fee is misc with its tax', () => {
    expect(header).toMatchObject({
      FREIGHT: '5.00',
      FRTTXAMT: '0.00',
      MISCAMNT: '1.50',
      MSCTXAMT: '0.14',
      TAXAMNT: '1.53',
    });
    const misc = nodesOf(document, 'taSopLineIvcTaxInsert').filter((r) => r.fields['TAXTYPE'] === '2');
    expect(misc.map((r) => [r.fields['TAXDTLID'], r.fields['MSCTXAMT']])).toEqual([
      ['WA-STATE', '0.08'],
      ['WA-COUNTY', '0.04'],
      ['WA-SEATTLE', '0.02'],
    ]);
    expect(nodesOf(document, 'taSopLineIvcTaxInsert').some((r) => r.fields['TAXTYPE'] === '1')).toBe(false);
  });

  it('when three rates tax each line, then each line has one tax detail row per rate with WooCommerce rounded figures', () => {
    const rows = nodesOf(document, 'taSopLineIvcTaxInsert').filter(
      (r) => r.fields['TAXTYPE'] === '0' && r.fields['LNITMSEQ'] === '32768',
    );
    expect(rows.map((r) => r.fields['STAXAMNT'])).toEqual(['0.40', '0.20', '0.08']);
  });

  it('when custom checkout fields are mapped, then dates, user-defined fields and comments land in GP', () => {
    expect(only(document, 'taSopUserDefined')).toMatchObject({
      SOPTYPE: '2',
      SOPNUMBE: 'WOSYN-5001',
      USRDAT01: '2026-12-24',
      USERDEF1: 'PO-SYN-77',
    });
    expect(header['COMMENT_1']).toBe('Happy birthday, Zoë! ?');
    expect(header['COMMENT_2']).toBe('Please leave at the door.');
    expect(result.warnings.find((w) => w.code === 'unsupported_characters_replaced')?.field).toBe(
      'taSopHdrIvcInsert.COMMENT_1',
    );
  });

  it('when the order is paid and payments are recorded, then an order gets a credit-card deposit for the total', () => {
    expect(only(document, 'taCreateSopPaymentInsertRecord')).toMatchObject({
      PYMTTYPE: '3',
      DOCAMNT: '26.15',
      CHEKBKID: 'FIRST BANK',
      DOCDATE: '2026-11-28',
      Action: '1',
    });
    expect(header['PYMTRCVD']).toBe('26.15');
  });

  it('when a custom date field holds no real date, then the order is refused naming the field', () => {
    const bad = { ...order, meta: { ...order.meta, delivery_date: '2026-02-30' } };
    expect(mapOrder(bad, profile, orderContext(bad, profile))).toMatchObject({
      ok: false,
      code: 'gp_validation',
      field: 'meta.delivery_date',
    });
  });

  it('when mapped, then the document is valid eConnect', async () => {
    await expectValidEConnect(toEConnectXml(document!));
  });
});

describe('mapOrder: unmatched SKUs', () => {
  const order = wooOrder('multi-line-mixed-tax-classes-ca');
  const knownItems = new Set(['WCGP-MUG-001', 'WCGP-TOTE-007']);

  it('when SKUs are unknown under hold, then the order is unknown_sku listing every unknown SKU', () => {
    const result = mapOrder(order, base, orderContext(order, base, { knownItems }));
    expect(result).toMatchObject({
      ok: false,
      code: 'unknown_sku',
      field: 'lines[1].sku',
      details: { skus: ['WCGP-BOOK-004', 'WCGP-DON-005'] },
    });
  });

  it('when SKUs are unknown under non_inventory, then those lines are non-inventory and a warning names them', () => {
    const profile = profileWith({ items: { unmatched_sku_policy: 'non_inventory' } });
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile, { knownItems })));
    const lines = nodesOf(salesDocument(result), 'taSopLineIvcInsert');
    expect(lines.map((l) => l.fields['NONINVEN'] ?? '0')).toEqual(['0', '1', '1', '0']);
    expect(result.warnings.filter((w) => w.code === 'non_inventory_line')).toHaveLength(2);
  });

  it('when SKUs are unknown under create_placeholder, then a first document creates the items in the placeholder class, then the order', async () => {
    const profile = profileWith({
      items: { unmatched_sku_policy: 'create_placeholder', placeholder_class_id: 'WOO-NEW' },
    });
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile, { knownItems })));
    expect(result.documents).toHaveLength(2);
    const items = nodesOf(result.documents[0], 'taUpdateCreateItemRcd');
    expect(items.map((i) => [i.fields['ITEMNMBR'], i.fields['ITMCLSCD'], i.fields['UseItemClass']])).toEqual([
      ['WCGP-BOOK-004', 'WOO-NEW', '1'],
      ['WCGP-DON-005', 'WOO-NEW', '1'],
    ]);
    expect(
      nodesOf(result.documents[1], 'taSopLineIvcInsert').every((l) => l.fields['NONINVEN'] === undefined),
    ).toBe(true);
    for (const doc of result.documents) await expectValidEConnect(toEConnectXml(doc));
  });

  it('when a line has no SKU under hold, then the order is missing_sku naming the line', () => {
    const skuLess = wooOrder('sku-less-product-line-ca');
    expect(mapOrder(skuLess, base, orderContext(skuLess, base))).toMatchObject({
      ok: false,
      code: 'missing_sku',
      field: 'lines[0].sku',
    });
  });

  it('when a SKU is longer than GP item numbers under hold, then the order is field_too_long, never a cut item number', () => {
    const longSku = wooOrder('rounding-qty3-099-and-half-cent-lines-ca');
    expect(mapOrder(longSku, base, orderContext(longSku, base))).toMatchObject({
      ok: false,
      code: 'field_too_long',
      field: 'taUpdateCreateItemRcd.ITEMNMBR',
      details: { path: 'lines[2].sku', limit: 30, length: 35 },
    });
  });
});

describe('mapOrder: GP text rules', () => {
  const order = wooOrder('non-latin-names-long-sku-special-company-ny');
  const knownItems = new Set(['WCGP-CAFE-XL', 'WCGP-MATCHA-JP']);
  const nonInventory = { unmatched_sku_policy: 'non_inventory' } as const;

  it('when an address is longer than GP allows under reject, then the order is field_too_long with the element, payload path, limit and length', () => {
    const profile = profileWith({ items: nonInventory, length_policy: 'reject' });
    expect(mapOrder(order, profile, orderContext(order, profile, { knownItems }))).toMatchObject({
      ok: false,
      code: 'field_too_long',
      field: 'taSopHdrIvcInsert.ADDRESS1',
      details: { path: 'shipping.address_1', limit: 60, length: [...order.shipping.address_1].length },
    });
  });

  it('when the same address is mapped under truncate, then it is cut to 60 characters with a warning', () => {
    const profile = profileWith({ length_policy: 'truncate', items: nonInventory });
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile, { knownItems })));
    const header = only(salesDocument(result), 'taSopHdrIvcInsert');
    expect([...header['ADDRESS1']!].length).toBeLessThanOrEqual(60);
    expect(order.shipping.address_1.startsWith(header['ADDRESS1']!)).toBe(true);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'truncated', field: 'taSopHdrIvcInsert.ADDRESS1' }),
    );
  });

  it('when a line name has Japanese text under code page reject, then the order is unsupported_characters naming the line', () => {
    const profile = profileWith({
      length_policy: 'truncate',
      code_page_policy: 'reject',
      items: nonInventory,
    });
    const result = mapOrder(order, profile, orderContext(order, profile, { knownItems }));
    expect(result).toMatchObject({
      ok: false,
      code: 'unsupported_characters',
      field: 'taSopLineIvcInsert.ITEMDESC',
      details: { path: 'lines[1].name' },
    });
  });

  it('when accents are in code page 1252, then they pass unchanged; full-width brackets become ASCII', () => {
    const profile = profileWith({ length_policy: 'truncate', items: nonInventory });
    const lines = nodesOf(
      salesDocument(expectSuccess(mapOrder(order, profile, orderContext(order, profile, { knownItems })))),
      'taSopLineIvcInsert',
    );
    expect(lines[0]!.fields['ITEMDESC']).toBe('Café Crème – Größe XL');
    expect(lines[1]!.fields['ITEMDESC']).toBe('???? ?????(10???)');
  });
});

describe('mapOrder: totals gate', () => {
  const order = wooOrder('fixed-product-coupon-gift-wrap-fee-ca');

  it('when the payload total was tampered with, then the order is total_mismatch with both figures', () => {
    const tampered = { ...order, totals: { ...order.totals, total: '39.52' } };
    expect(mapOrder(tampered, base, orderContext(tampered, base))).toMatchObject({
      ok: false,
      code: 'total_mismatch',
      details: { woo_total: '39.52', gp_total: '39.42' },
    });
  });

  it('when a tax line disagrees with its items, then the order is tax_mismatch with both figures', () => {
    const tampered = {
      ...order,
      tax_lines: order.tax_lines.map((t, i) =>
        i === 0 ? { ...t, tax_total: dec(t.tax_total).plus('0.01').toFixed(2) } : t,
      ),
    };
    const result = mapOrder(tampered, base, orderContext(tampered, base));
    expect(result).toMatchObject({
      ok: false,
      code: 'tax_mismatch',
      details: { rate_id: order.tax_lines[0]!.rate_id },
    });
  });

  it("when an item's per-rate taxes do not add up to its total_tax, then the order is tax_mismatch naming the line", () => {
    const tampered = {
      ...order,
      lines: order.lines.map((l, i) =>
        i === 0 ? { ...l, total_tax: dec(l.total_tax).plus('0.01').toFixed(2) } : l,
      ),
    };
    expect(mapOrder(tampered, base, orderContext(tampered, base))).toMatchObject({
      ok: false,
      code: 'tax_mismatch',
      field: 'lines[0].total_tax',
    });
  });
});
