import { describe, expect, it } from 'vitest';
import type { MappingFailure, MappingResult } from '../../src/domain/index.js';
import { findExistingSale, mapOrder, toEConnectXml } from '../../src/domain/index.js';
import { dec } from '../../src/domain/money.js';
import type { OrderPayload } from '../../src/contracts/index.js';
import {
  expectSuccess,
  nodesOf,
  only,
  orderContext,
  profileWith,
  RATE_MAP,
  salesDocument,
  sopRef,
  wooOrder,
} from '../support/domain-fixtures.js';
import { expectValidEConnect } from '../support/xsd.js';

/**
 * The order mapper's rules one at a time, on real fixture orders changed only where the rule needs it:
 * status actions, unmatched-SKU policies, the length and code-page policies, the totals gate, cancellations
 * and the invoice that replaces an open Order. Every document a success returns is checked against the XSD.
 */
const baseProfile = { timezone: 'America/Los_Angeles', taxes: { rate_map: RATE_MAP } };

function failureOf(result: MappingResult): MappingFailure {
  if (result.ok)
    throw new Error(`expected a mapping failure, got success with ${result.documents.length} document(s)`);
  return result;
}

function edited(scenario: string, edit: (order: OrderPayload) => void): OrderPayload {
  const order = structuredClone(wooOrder(scenario));
  edit(order);
  return order;
}

async function expectAllValid(result: MappingResult): Promise<void> {
  for (const document of expectSuccess(result).documents) await expectValidEConnect(toEConnectXml(document));
}

describe('order status → GP action', () => {
  const profile = profileWith(baseProfile);

  it('when a processing order is mapped with the default status map, then it becomes a SOP Order with the order DOCID and prefixed number', async () => {
    const order = edited('single-line-simple-ca', (o) => {
      o.status = 'processing';
    });
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    const header = only(salesDocument(result), 'taSopHdrIvcInsert');
    expect([header['SOPTYPE'], header['DOCID'], header['SOPNUMBE'], header['CSTPONBR']]).toEqual([
      '2',
      'STDORD',
      'WO74',
      '74',
    ]);
    expect(result.gp).toMatchObject({ sop_type: 2, sop_number: 'WO74', outcome: 'created' });
    await expectAllValid(result);
  });

  it('when a completed order is mapped and GP has no Order for it, then it becomes a SOP Invoice without ORIGNUMB', async () => {
    const order = wooOrder('single-line-simple-ca');
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    const header = only(salesDocument(result), 'taSopHdrIvcInsert');
    expect([header['SOPTYPE'], header['DOCID'], header['SOPNUMBE']]).toEqual(['3', 'STDINV', 'WI74']);
    expect(header['ORIGNUMB']).toBeUndefined();
    expect(nodesOf(salesDocument(result), 'taSopDeleteDocument')).toHaveLength(0);
    await expectAllValid(result);
  });

  it('when a completed order is mapped and GP holds its unposted Order, then the invoice points at the Order and the same document deletes it', async () => {
    const order = wooOrder('processing-then-completed-ca');
    const ctx = orderContext(order, profile, {
      existingDocuments: [sopRef(2, `WO${order.order_number}`, order.order_number)],
    });
    const result = expectSuccess(mapOrder(order, profile, ctx));
    const document = salesDocument(result);
    const header = only(document, 'taSopHdrIvcInsert');
    expect([header['SOPTYPE'], header['ORIGTYPE'], header['ORIGNUMB']]).toEqual([
      '3',
      '2',
      `WO${order.order_number}`,
    ]);
    expect(only(document, 'taSopDeleteDocument')).toEqual({
      SOPTYPE: '2',
      SOPNUMBE: `WO${order.order_number}`,
    });
    await expectAllValid(result);
  });

  it('when a pending order is mapped, then nothing is written and the outcome is skipped', () => {
    const order = edited('single-line-simple-ca', (o) => {
      o.status = 'pending';
    });
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    expect(result.documents).toHaveLength(0);
    expect(result.gp.outcome).toBe('skipped');
  });

  it('when a status the map does not name arrives (wc- prefixed), then it is ignored rather than guessed', () => {
    const order = edited('single-line-simple-ca', (o) => {
      o.status = 'wc-shipped-by-plugin';
    });
    expect(expectSuccess(mapOrder(order, profile, orderContext(order, profile))).gp.outcome).toBe('skipped');
  });

  it('when GP already has the invoice under our number, then the one existing-document rule finds it whatever its case and padding', () => {
    const ours = sopRef(3, 'wi74  ', '74');
    expect(findExistingSale([ours], { sopType: 3, sopNumber: 'WI74' }, '74')).toEqual({
      document: ours,
      relation: 'ours',
    });
  });

  it('when the order was created at 02:49 UTC and the store is in Los Angeles, then DOCDATE is the store-local previous day', () => {
    const order = wooOrder('single-line-simple-ca');
    const header = only(
      salesDocument(expectSuccess(mapOrder(order, profile, orderContext(order, profile)))),
      'taSopHdrIvcInsert',
    );
    expect(order.created_at).toBe('2026-11-29T02:49:19+00:00');
    expect(header['DOCDATE']).toBe('2026-11-28');
  });
});

describe('cancelled orders', () => {
  const profile = profileWith(baseProfile);
  const order = wooOrder('pending-then-cancelled-ca');

  it('when GP has the unposted Order, then a SOPVoidDocumentType voids it and the document is valid eConnect', async () => {
    const result = expectSuccess(
      mapOrder(
        order,
        profile,
        orderContext(order, profile, {
          existingDocuments: [sopRef(2, `WO${order.order_number}`, order.order_number)],
        }),
      ),
    );
    const voided = only(result.documents[0], 'taSopVoidDocument');
    expect([voided['SOPTYPE'], voided['SOPNUMBE']]).toEqual(['2', `WO${order.order_number}`]);
    expect(result.gp.outcome).toBe('voided');
    await expectAllValid(result);
  });

  it('when GP has no document for the order, then nothing is written and the warning not_in_gp says why (no dead letter)', () => {
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    expect(result.documents).toEqual([]);
    expect(result.gp.outcome).toBe('skipped');
    expect(result.warnings.map((w) => w.code)).toEqual(['not_in_gp']);
  });

  it('when the GP invoice is posted, then the failure is document_posted and names the document', () => {
    const failure = failureOf(
      mapOrder(
        order,
        profile,
        orderContext(order, profile, {
          existingDocuments: [sopRef(3, `WI${order.order_number}`, order.order_number, { posted: true })],
        }),
      ),
    );
    expect(failure.code).toBe('document_posted');
    expect(failure.details?.['documents']).toEqual([{ sop_type: 3, sop_number: `WI${order.order_number}` }]);
  });
});

describe('unmatched SKUs', () => {
  it('when GP lacks two SKUs under hold, then unknown_sku lists both so one fix covers the retry', () => {
    const profile = profileWith({ ...baseProfile, items: { unmatched_sku_policy: 'hold' } });
    const order = wooOrder('variation-lines-three-sizes-ca');
    const failure = failureOf(
      mapOrder(order, profile, orderContext(order, profile, { knownItems: new Set(['WCGP-TEE-M']) })),
    );
    expect(failure.code).toBe('unknown_sku');
    expect(failure.details?.['skus']).toEqual(['WCGP-TEE-S', 'WCGP-TEE-L']);
  });

  it('when a line has no SKU under hold, then missing_sku names that line', () => {
    const profile = profileWith({ ...baseProfile, items: { unmatched_sku_policy: 'hold' } });
    const order = wooOrder('sku-less-product-line-ca');
    const failure = failureOf(mapOrder(order, profile, orderContext(order, profile)));
    expect(failure.code).toBe('missing_sku');
    expect(failure.field).toBe('lines[0].sku');
  });

  it('when GP lacks a SKU under non_inventory, then that line is NONINVEN=1 with the SKU as item number and a warning', async () => {
    const profile = profileWith({ ...baseProfile, items: { unmatched_sku_policy: 'non_inventory' } });
    const order = wooOrder('variation-lines-three-sizes-ca');
    const result = expectSuccess(
      mapOrder(
        order,
        profile,
        orderContext(order, profile, { knownItems: new Set(['WCGP-TEE-M', 'WCGP-TEE-L']) }),
      ),
    );
    const lines = nodesOf(salesDocument(result), 'taSopLineIvcInsert');
    expect(lines.map((l) => [l.fields['ITEMNMBR'], l.fields['NONINVEN'] ?? '0'])).toEqual([
      ['WCGP-TEE-S', '1'],
      ['WCGP-TEE-M', '0'],
      ['WCGP-TEE-L', '0'],
    ]);
    expect(result.warnings.map((w) => w.code)).toContain('non_inventory_line');
    await expectAllValid(result);
  });

  it('when GP lacks a SKU under create_placeholder, then a separate item document in the placeholder class comes before the order', async () => {
    const profile = profileWith({
      ...baseProfile,
      items: { unmatched_sku_policy: 'create_placeholder', placeholder_class_id: 'WOO-NEW' },
    });
    const order = wooOrder('variation-lines-three-sizes-ca');
    const result = expectSuccess(
      mapOrder(
        order,
        profile,
        orderContext(order, profile, { knownItems: new Set(['WCGP-TEE-M', 'WCGP-TEE-L']) }),
      ),
    );
    expect(result.documents).toHaveLength(2);
    expect(result.documents[0]?.transactions.map((t) => t.type)).toEqual(['IVItemMasterType']);
    const item = only(result.documents[0], 'taUpdateCreateItemRcd');
    expect([item['ITEMNMBR'], item['ITMCLSCD'], item['UseItemClass']]).toEqual([
      'WCGP-TEE-S',
      'WOO-NEW',
      '1',
    ]);
    expect(result.documents[1]?.transactions.map((t) => t.type)).toEqual(['SOPTransactionType']);
    expect(result.warnings.map((w) => w.code)).toContain('placeholder_item');
    await expectAllValid(result);
  });
});

describe('GP lengths', () => {
  const longStreet = `${'1200 Extraordinarily Long Industrial Boulevard '.repeat(2)}Building 7`;
  const order = edited('single-line-simple-ca', (o) => {
    o.shipping.address_1 = longStreet;
  });

  it('when a ship-to street is longer than ADDRESS1 under reject, then field_too_long names the element, the payload path, the limit and the length', () => {
    const profile = profileWith({ ...baseProfile, length_policy: 'reject' });
    const failure = failureOf(mapOrder(order, profile, orderContext(order, profile)));
    expect(failure.code).toBe('field_too_long');
    expect(failure.field).toBe('taSopHdrIvcInsert.ADDRESS1');
    expect(failure.details).toMatchObject({
      path: 'shipping.address_1',
      limit: 60,
      length: longStreet.length,
    });
  });

  it('when the same street is mapped under truncate, then it is cut to 60 characters with a warning and the document validates', async () => {
    const profile = profileWith({ ...baseProfile, length_policy: 'truncate' });
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    const street = only(salesDocument(result), 'taSopHdrIvcInsert')['ADDRESS1'] ?? '';
    expect(street.length).toBeLessThanOrEqual(60);
    expect(longStreet.startsWith(street)).toBe(true);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'truncated', field: 'taSopHdrIvcInsert.ADDRESS1' }),
    );
    await expectAllValid(result);
  });

  it('when the order number makes the SOP number longer than 21 characters, then it is refused even under truncate (a key is never cut)', () => {
    const profile = profileWith({ ...baseProfile, length_policy: 'truncate' });
    const long = edited('single-line-simple-ca', (o) => {
      o.order_number = '2026-11-STORE-EU-000074';
    });
    const failure = failureOf(mapOrder(long, profile, orderContext(long, profile)));
    expect(failure.code).toBe('field_too_long');
    expect(failure.details).toMatchObject({ limit: 21, length: 25 });
  });
});

describe("GP's code page (Windows-1252)", () => {
  const cyrillic = edited('single-line-simple-ca', (o) => {
    o.shipping.first_name = 'Анна';
    o.shipping.last_name = 'Щербакова';
    o.shipping.company = '';
    o.shipping.city = 'São Paulo';
  });

  it('when the ship-to name is Cyrillic under transliterate, then GP gets its Latin form with a warning and accented Latin-1 letters stay as they are', async () => {
    const profile = profileWith(baseProfile);
    const result = expectSuccess(mapOrder(cyrillic, profile, orderContext(cyrillic, profile)));
    const header = only(salesDocument(result), 'taSopHdrIvcInsert');
    expect(header['ShipToName']).toBe('Anna Shcherbakova');
    expect(header['CITY']).toBe('São Paulo');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'transliterated', field: 'taSopHdrIvcInsert.ShipToName' }),
    );
    await expectAllValid(result);
  });

  it('when the same order is mapped under reject, then the failure is unsupported_characters naming the element', () => {
    const profile = profileWith({ ...baseProfile, code_page_policy: 'reject' });
    const failure = failureOf(mapOrder(cyrillic, profile, orderContext(cyrillic, profile)));
    expect(failure.code).toBe('unsupported_characters');
    expect(failure.field).toMatch(/^taSopHdrIvcInsert\./);
  });

  it('when a line name is Japanese under transliterate, then characters without a Latin form become ? only with an unsupported_characters_replaced warning', () => {
    const profile = profileWith(baseProfile);
    const japanese = edited('single-line-simple-ca', (o) => {
      o.lines[0]!.name = '抹茶 Matcha 40g';
    });
    const result = expectSuccess(mapOrder(japanese, profile, orderContext(japanese, profile)));
    expect(only(salesDocument(result), 'taSopLineIvcInsert')['ITEMDESC']).toBe('?? Matcha 40g');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'unsupported_characters_replaced',
        field: 'taSopLineIvcInsert.ITEMDESC',
      }),
    );
  });

  it('when names carry XML markup characters, then the serialised XML escapes them and still validates', async () => {
    const profile = profileWith(baseProfile);
    const markup = edited('single-line-simple-ca', (o) => {
      o.shipping.company = 'Smith & Sons <Wholesale> "Ltd"';
    });
    const result = expectSuccess(mapOrder(markup, profile, orderContext(markup, profile)));
    const xml = toEConnectXml(salesDocument(result)!);
    expect(xml).toContain('<ShipToName>Smith &amp; Sons &lt;Wholesale&gt; &quot;Ltd&quot;</ShipToName>');
    await expectValidEConnect(xml);
  });
});

describe('the totals gate', () => {
  const profile = profileWith(baseProfile);

  it('when the WooCommerce total was tampered with, then the failure is total_mismatch with both figures', () => {
    const order = edited('single-line-simple-ca', (o) => {
      o.totals.total = '31.97';
    });
    const failure = failureOf(mapOrder(order, profile, orderContext(order, profile)));
    expect(failure.code).toBe('total_mismatch');
    expect(failure.details).toEqual({ woo_total: '31.97', gp_total: '29.97' });
  });

  it("when the order's total tax disagrees with its lines, then the failure is tax_mismatch with both figures", () => {
    const order = edited('single-line-simple-ca', (o) => {
      o.totals.total_tax = '2.13';
      o.totals.total = '30.07';
    });
    const failure = failureOf(mapOrder(order, profile, orderContext(order, profile)));
    expect(failure.code).toBe('tax_mismatch');
    expect(failure.details).toMatchObject({ woo_tax: '2.13', gp_tax: '2.03' });
  });

  it('when a tax line disagrees with the per-rate item taxes, then the failure is tax_mismatch naming the rate', () => {
    const order = edited('single-line-simple-ca', (o) => {
      o.tax_lines[0]!.tax_total = '1.21';
    });
    const failure = failureOf(mapOrder(order, profile, orderContext(order, profile)));
    expect(failure.code).toBe('tax_mismatch');
    expect(failure.details).toMatchObject({ rate_id: 1, woo_tax: '1.21', gp_tax: '1.20' });
  });

  it('when a taxed rate has no GP tax detail in the profile, then its tax stays in the header total, no row is sent and one warning says so', async () => {
    const order = wooOrder('single-line-simple-ca');
    const partial = profileWith({ ...baseProfile, taxes: { rate_map: { '1': 'CA-STATE' } } });
    const result = expectSuccess(mapOrder(order, partial, orderContext(order, partial)));
    const document = salesDocument(result);
    expect(nodesOf(document, 'taSopLineIvcTaxInsert').map((r) => r.fields['TAXDTLID'])).toEqual([
      'CA-STATE',
      'CA-STATE',
    ]);
    expect(only(document, 'taSopHdrIvcInsert')['DOCAMNT']).toBe('29.97');
    expect(result.warnings.filter((w) => w.code === 'tax_rate_unmapped')).toEqual([
      expect.objectContaining({ field: 'profile.taxes.rate_map.2' }),
    ]);
    await expectAllValid(result);
  });

  it('when a discounted line total is not quantity × a 5-decimal unit price (10.00 for 3), then rule 722 still holds exactly and the document total is unchanged', async () => {
    const order = edited('non-taxable-virtual-only-no-shipping', (o) => {
      const line = o.lines[0]!;
      // A 5.00 coupon on 3 × 5.00: WooCommerce stores 10.00 after coupons; 10 / 3 has no finite decimal form.
      line.total = '10.00';
      o.totals.discount_total = '5.00';
      o.totals.total = dec(o.totals.total).minus(5).toFixed(2);
    });
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    const document = salesDocument(result);
    const line = only(document, 'taSopLineIvcInsert');
    expect(dec(line['UNITPRCE']!).times(dec(line['QUANTITY']!)).eq(dec(line['XTNDPRCE']!))).toBe(true);
    expect(only(document, 'taSopHdrIvcInsert')['DOCAMNT']).toBe(dec(order.totals.total).toFixed(2));
    await expectAllValid(result);
  });
});

describe('custom checkout fields and payments', () => {
  it('when the profile maps checkout meta to user-defined fields, comments and the note, then taSopUserDefined and the header carry them', async () => {
    const order = wooOrder('custom-checkout-fields-meta-ny');
    // truncate: this fixture's ship-to street is 106 characters (the reject case is tested above).
    const profile = profileWith({
      ...baseProfile,
      length_policy: 'truncate',
      orders: {
        fields: [
          { from: 'meta:_billing_vat_number', to: 'USERDEF1' },
          { from: 'meta:not_in_this_order', to: 'USERDEF2' },
          { from: 'meta:po_number', to: 'COMMENT_1' },
          { from: 'meta:gift_message', to: 'COMMENT_2' },
          { from: 'field:customer_note', to: 'COMMENT_3' },
          { from: 'meta:delivery_instructions', to: 'NOTETEXT' },
        ],
      },
    });
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    const document = salesDocument(result);
    const userDefined = only(document, 'taSopUserDefined');
    expect(userDefined['USERDEF1']).toBe('DE811907980');
    expect(userDefined['USERDEF2']).toBeUndefined();
    const header = only(document, 'taSopHdrIvcInsert');
    expect(header['COMMENT_1']).toBe('PO-2024-00731');
    // The emoji has no Windows-1252 form; "ë" and "–" are in the code page and stay.
    expect(header['COMMENT_2']).toBe('Happy birthday, Zoë! ? – from all of us');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'unsupported_characters_replaced',
        field: 'taSopHdrIvcInsert.COMMENT_2',
      }),
    );
    expect(header['COMMENT_3']).toBe('Please call before delivery.');
    expect(header['NOTETEXT']).toBe(order.meta['delivery_instructions']);
    await expectAllValid(result);
  });

  it('when a custom field is longer than its GP column under reject, then field_too_long names the element and the meta key', () => {
    const order = edited('custom-checkout-fields-meta-ny', (o) => {
      o.shipping.address_1 = '1 Dock Road';
    });
    const profile = profileWith({
      ...baseProfile,
      length_policy: 'reject',
      orders: { fields: [{ from: 'meta:delivery_instructions', to: 'COMMENT_1' }] },
    });
    const failure = failureOf(mapOrder(order, profile, orderContext(order, profile)));
    expect(failure.code).toBe('field_too_long');
    expect(failure.field).toBe('taSopHdrIvcInsert.COMMENT_1');
    expect(failure.details).toMatchObject({ path: 'meta.delivery_instructions', limit: 50, length: 73 });
  });

  it('when record_payments is on and the order is paid, then a SOP payment of the document amount is added', async () => {
    const order = wooOrder('single-line-simple-ca');
    const profile = profileWith({
      ...baseProfile,
      orders: { record_payments: true, checkbook_id: 'FIRST NATIONAL', payment_types: { cod: 4 } },
    });
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    const document = salesDocument(result);
    const payments = nodesOf(document, 'taCreateSopPaymentInsertRecord');
    expect(payments).toHaveLength(1);
    const header = only(document, 'taSopHdrIvcInsert');
    expect(header['PYMTRCVD']).toBe(header['DOCAMNT']);
    await expectAllValid(result);
  });
});
