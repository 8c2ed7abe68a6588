import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageResult } from '../../src/contracts/index.js';
import * as domain from '../../src/domain/index.js';
import { previewMessage } from '../../src/use-cases/preview-batch.js';
import { processBatch } from '../../src/use-cases/process-batch.js';
import { profileWith, syntheticProduct, wooOrder } from '../support/domain-fixtures.js';
import { message } from '../support/payloads.js';
import { openHarness, type Harness } from './harness.js';

/**
 * Data from the store, through the real mappers on the sandbox GP: keys that are JavaScript built-ins (issue
 * 10 defect 1), explicit GP item numbers (issue 7 part 3), addresses longer than GP's fields (part 2), and
 * repeats of unchanged customers and products (issue 10 defect 8).
 */
let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  await h.close();
});

const run = async (kind: string, payload: unknown, profile = profileWith()): Promise<MessageResult> => {
  const [result] = await processBatch(
    { schema_version: 1, profile, messages: [message('m', kind, payload as Record<string, unknown>, 1)] },
    { gateway: h.gateway, mapping: domain },
  );
  return result!;
};

const BUILT_INS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];

describe('lookups keyed by store data', () => {
  it.each(BUILT_INS)(
    'when %s is a shipping method, payment method, status and meta key, then it maps like any unmapped key',
    async (key) => {
      const base = wooOrder('single-line-simple-ca');
      const order = {
        ...base,
        shipping_lines: base.shipping_lines.map((l) => ({ ...l, method_id: key, instance_id: key })),
        payment: { ...base.payment, method: key },
        meta: { ...base.meta, [key]: 'x' },
      };
      const profile = profileWith({
        orders: {
          record_payments: true,
          checkbook_id: 'FIRST NATIONAL',
          fields: [{ from: `meta:${key}`, to: 'USERDEF1' }],
        },
        shipping: { method_map: { flat_rate: 'UPS GROUND' } },
      });
      const preview = await previewMessage(
        message('p', 'order', order as unknown as Record<string, unknown>, 1),
        profile,
        { gateway: h.gateway, mapping: domain },
      );
      expect(preview.result).toBeUndefined();
      expect(preview.documents.map((d) => d.xml).join('')).not.toMatch(/SHIPMTHD|PYMTTYPE>NaN/);
      const result = await run('order', order, profile);
      expect(result).toMatchObject({ status: 'done', gp: { outcome: 'created' } });
      expect(result.status === 'done' && result.warnings.map((w) => w.code)).toContain(
        'payment_not_recorded',
      );
      const status = await run('order', { ...base, order_number: `S${key.length}`, status: key });
      expect(status).toMatchObject({ status: 'done', gp: { outcome: 'skipped' } });
      expect(domain.orderActionFor(key, profile)).toBe('ignore');
    },
  );
});

describe('an explicit GP item number', () => {
  const long = wooOrder('non-latin-names-long-sku-special-company-ny');

  it('when a SKU is longer than GP accepts, then the dead letter names the field and says the GP item number fixes it', async () => {
    const result = await run('order', long);
    expect(result).toMatchObject({ status: 'dead', code: 'field_too_long' });
    expect(result.status === 'dead' && result.message).toMatch(/GP item number/);
  });

  it('when the line carries a GP item number, then GP gets it instead of the SKU and the order goes through', async () => {
    const lines = long.lines.map((l) => (l.sku.length > 30 ? { ...l, gp_item_number: 'wcgp-mug-001' } : l));
    const result = await run('order', { ...long, lines });
    expect(result).toMatchObject({ status: 'done', gp: { outcome: 'created' } });
    const items = (
      h.gateway.db.prepare('SELECT ITEMNMBR FROM SOP10200').all() as Array<{ ITEMNMBR: string }>
    ).map((r) => r.ITEMNMBR);
    expect(items).toContain('WCGP-MUG-001');
    expect(items.some((i) => i.length > 30)).toBe(false);
  });

  it('when a line has neither SKU nor GP item number, then missing_sku names the line', async () => {
    const result = await run('order', wooOrder('sku-less-product-line-ca'));
    expect(result).toMatchObject({
      status: 'dead',
      code: 'missing_sku',
      field: expect.stringMatching(/^lines\[\d+\]\.sku$/),
    });
    expect(result.status === 'dead' && result.message).toMatch(/neither a SKU nor a GP item number/);
  });

  it('when a product carries a GP item number, then the item is created under it, not under the SKU', async () => {
    const product = { ...syntheticProduct('product-variation-attributes'), gp_item_number: 'gp-tee-01' };
    expect(await run('product', product)).toMatchObject({
      status: 'done',
      gp: { item_number: 'GP-TEE-01', outcome: 'created' },
    });
    expect(h.count('IV00101', 'ITEMNMBR = ?', 'GP-TEE-01')).toBe(1);
  });
});

describe('text longer than its GP field under the default policy (fit)', () => {
  const street = 'Unit 4B, The Old Granary Business Park, Long Meadow Industrial Estate West';

  it('when a street is longer than ADDRESS1, then it spills into the next line at a word boundary with a warning carrying both texts', async () => {
    const base = wooOrder('single-line-simple-ca');
    const order = {
      ...base,
      shipping: { ...base.shipping, address_1: street, address_2: 'Gate 3' },
      customer: { ...base.customer, billing: { ...base.customer.billing, address_1: street } },
    };
    const result = await run('order', order);
    expect(result).toMatchObject({ status: 'done', gp: { outcome: 'created' } });
    const header = h.gateway.db.prepare('SELECT ADDRESS1, ADDRESS2, ADDRESS3 FROM SOP10100').get() as Record<
      string,
      string
    >;
    expect(header).toEqual({
      ADDRESS1: 'Unit 4B, The Old Granary Business Park, Long Meadow',
      ADDRESS2: 'Industrial Estate West Gate 3',
      ADDRESS3: '',
    });
    const spilled =
      result.status === 'done' ? result.warnings.filter((w) => w.code === 'address_spilled') : [];
    expect(spilled).toContainEqual(
      expect.objectContaining({
        field: 'taSopHdrIvcInsert.ADDRESS1',
        original: street,
        kept: 'Unit 4B, The Old Granary Business Park, Long Meadow',
      }),
    );
  });

  it('when a customer record has such a street, then the master record spills it the same way', async () => {
    const customer = wooOrder('single-line-simple-ca').customer;
    const long = { ...customer, billing: { ...customer.billing, address_1: street, address_2: '' } };
    const result = await run('customer', long);
    expect(result).toMatchObject({ status: 'done' });
    const number = result.status === 'done' ? result.gp.customer_number : '';
    expect(
      h.gateway.db.prepare('SELECT ADDRESS1, ADDRESS2 FROM RM00101 WHERE CUSTNMBR = ?').get(number),
    ).toEqual({
      ADDRESS1: 'Unit 4B, The Old Granary Business Park, Long Meadow',
      ADDRESS2: 'Industrial Estate West',
    });
    expect(result.status === 'done' && result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'address_spilled',
        field: 'taUpdateCreateCustomerRcd.ADDRESS1',
        original: street,
      }),
    );
  });

  it('when the same street is sent under reject, then it is field_too_long as before', async () => {
    const base = wooOrder('single-line-simple-ca');
    const order = { ...base, shipping: { ...base.shipping, address_1: street } };
    expect(await run('order', order, profileWith({ length_policy: 'reject' }))).toMatchObject({
      status: 'dead',
      code: 'field_too_long',
    });
  });
});

describe('repeats of customers and products', () => {
  const stamp = (sql: string, key: string) => (h.gateway.db.prepare(sql).get(key) as { ts: string }).ts;

  it('when an unchanged customer arrives again, then the answer is existing and its row (and timestamp) is untouched; a change is updated', async () => {
    const customer = wooOrder('single-line-simple-ca').customer;
    // This customer is one the sandbox GP was seeded with (found by e-mail): the first message brings it up to date.
    const first = await run('customer', customer);
    expect(first).toMatchObject({ status: 'done', gp: { outcome: 'updated' } });
    const number = first.status === 'done' ? first.gp.customer_number! : '';
    const before = stamp('SELECT DEX_ROW_TS AS ts FROM RM00101 WHERE CUSTNMBR = ?', number);
    h.gateway.db
      .prepare("UPDATE RM00101 SET DEX_ROW_TS = '2000-01-01T00:00:00.000Z' WHERE CUSTNMBR = ?")
      .run(number);
    expect(await run('customer', customer)).toMatchObject({ status: 'done', gp: { outcome: 'existing' } });
    expect(stamp('SELECT DEX_ROW_TS AS ts FROM RM00101 WHERE CUSTNMBR = ?', number)).toBe(
      '2000-01-01T00:00:00.000Z',
    );
    expect(before).not.toBe('2000-01-01T00:00:00.000Z');
    const moved = { ...customer, billing: { ...customer.billing, city: 'Sacramento' } };
    expect(await run('customer', moved)).toMatchObject({ status: 'done', gp: { outcome: 'updated' } });
  });

  it('when an unchanged product arrives again, then existing and IV00101 untouched; a price change is updated', async () => {
    const product = syntheticProduct('product-variation-attributes');
    await run('product', product);
    const item = product.sku.trim().toUpperCase();
    h.gateway.db
      .prepare("UPDATE IV00101 SET DEX_ROW_TS = '2000-01-01T00:00:00.000Z' WHERE ITEMNMBR = ?")
      .run(item);
    expect(await run('product', product)).toMatchObject({ status: 'done', gp: { outcome: 'existing' } });
    expect(stamp('SELECT DEX_ROW_TS AS ts FROM IV00101 WHERE ITEMNMBR = ?', item)).toBe(
      '2000-01-01T00:00:00.000Z',
    );
    expect(await run('product', { ...product, regular_price: '99.50' })).toMatchObject({
      gp: { outcome: 'updated' },
    });
  });
});
