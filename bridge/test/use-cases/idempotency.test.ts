import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GpGateway } from '../../src/ports/gp-gateway.js';
import { GpExecutionError } from '../../src/ports/gp-gateway.js';
import { processBatch } from '../../src/use-cases/process-batch.js';
import { batch, customerPayload, message, orderPayload, productPayload } from '../support/payloads.js';
import { openHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  await h.close();
});

const orderMessage = (id: string, overrides: Record<string, unknown> = {}) =>
  message(id, 'order', orderPayload(overrides), 1001);

/** A gateway whose transactions commit and then lose the answer, as a crash or a dropped connection would. */
function losingResponses(gateway: GpGateway): GpGateway {
  return {
    ...gateway,
    mode: gateway.mode,
    async transaction(lockKey, work) {
      await gateway.transaction(lockKey, work);
      throw new GpExecutionError('unavailable', 'connection lost after COMMIT, before the answer arrived');
    },
  };
}

describe('idempotency: orders', () => {
  it('when the same order message arrives twice, then GP has one document and the second result is existing with the same ids', async () => {
    const [first] = await processBatch(batch(orderMessage('m-1')), h.deps);
    const [second] = await processBatch(batch(orderMessage('m-1')), h.deps);

    expect(first).toEqual({
      id: 'm-1',
      status: 'done',
      gp: { customer_number: 'WC42', sop_number: 'WO1001', sop_type: 2, outcome: 'created' },
      warnings: [],
    });
    expect(second).toEqual({
      id: 'm-1',
      status: 'done',
      gp: { customer_number: 'WC42', sop_number: 'WO1001', sop_type: 2, outcome: 'existing' },
      warnings: [],
    });
    expect(h.count('SOP10100', 'CSTPONBR = ?', '1001')).toBe(1);
    expect(h.count('SOP10200', 'SOPNUMBE = ?', 'WO1001')).toBe(2);
  });

  it('when two copies of an order are processed concurrently, then exactly one document is created', async () => {
    const results = await Promise.all([
      processBatch(batch(orderMessage('m-1')), h.deps),
      processBatch(batch(orderMessage('m-1')), h.deps),
    ]);
    const outcomes = results.map(([r]) => (r?.status === 'done' ? r.gp.outcome : r?.status)).sort();

    expect(outcomes).toEqual(['created', 'existing']);
    expect(h.count('SOP10100')).toBe(1);
    expect(h.count('SOP10200')).toBe(2);
    expect(h.count('RM00101', 'CUSTNMBR = ?', 'WC42')).toBe(1);
  });

  it('when GP committed but the answer was lost, then the resend answers with the earlier ids and writes nothing new', async () => {
    const [lost] = await processBatch(batch(orderMessage('m-1')), {
      ...h.deps,
      gateway: losingResponses(h.gateway),
    });
    expect(lost).toMatchObject({ status: 'retry', code: 'gp_unavailable' });
    expect(h.count('SOP10100')).toBe(1);

    const [resent] = await processBatch(batch(orderMessage('m-1')), h.deps);
    expect(resent).toEqual({
      id: 'm-1',
      status: 'done',
      gp: { customer_number: 'WC42', sop_number: 'WO1001', sop_type: 2, outcome: 'existing' },
      warnings: [],
    });
    expect(h.count('SOP10100')).toBe(1);
    expect(h.count('SOP10200')).toBe(2);
  });

  it('when the order completes after processing, then the invoice is a second document and its repeat is existing', async () => {
    await processBatch(batch(orderMessage('m-1')), h.deps);
    const [invoice] = await processBatch(batch(orderMessage('m-2', { status: 'completed' })), h.deps);
    const [again] = await processBatch(batch(orderMessage('m-2', { status: 'completed' })), h.deps);
    expect(invoice).toMatchObject({
      status: 'done',
      gp: { sop_number: 'WI1001', sop_type: 3, outcome: 'created' },
    });
    expect(again).toMatchObject({
      status: 'done',
      gp: { sop_number: 'WI1001', sop_type: 3, outcome: 'existing' },
    });
    expect(h.count('SOP10100', 'SOPTYPE = 3')).toBe(1);
  });
});

describe('idempotency: customers', () => {
  it('when the same customer arrives with case variants of the e-mail (registered, then as a guest), then GP has one customer for it', async () => {
    const registered = message('c-1', 'customer', customerPayload({ email: 'Ada@Example.com' }));
    const guestVariant = message(
      'c-2',
      'customer',
      customerPayload({ woo_customer_id: null, email: 'ADA@example.COM' }),
    );
    const [first] = await processBatch(batch(registered), h.deps);
    const [second] = await processBatch(batch(guestVariant), h.deps);

    expect(first).toMatchObject({ status: 'done', gp: { customer_number: 'WC42', outcome: 'created' } });
    expect(second).toMatchObject({ status: 'done', gp: { customer_number: 'WC42', outcome: 'existing' } });
    expect(h.count('SY01200', "Master_Type = 'CUS' AND LOWER(INET1) = ?", 'ada@example.com')).toBe(1);
    expect(h.count('RM00101', "CUSTNMBR LIKE 'WG%'")).toBe(0);
  });

  it('when a guest and a registered copy of one e-mail are processed concurrently, then one customer is created', async () => {
    const results = await Promise.all([
      processBatch(
        batch(message('c-1', 'customer', customerPayload({ woo_customer_id: 43, email: 'new@example.com' }))),
        h.deps,
      ),
      processBatch(
        batch(
          message('c-2', 'customer', customerPayload({ woo_customer_id: null, email: 'NEW@example.com' })),
        ),
        h.deps,
      ),
    ]);
    const numbers = results.map(([r]) => (r?.status === 'done' ? r.gp.customer_number : null));
    expect(numbers[0]).toBe(numbers[1]);
    expect(h.count('SY01200', "Master_Type = 'CUS' AND INET1 = ?", 'new@example.com')).toBe(1);
    expect(h.count('RM00101', "CUSTNMBR = 'WC43' OR CUSTNMBR LIKE 'WG%'")).toBe(1);
  });

  it('when a known GP customer (found by e-mail) places an order, then the order goes to that customer, not a new one', async () => {
    const alice = customerPayload({ woo_customer_id: 77, email: 'alice.gardner@example.com' });
    const [result] = await processBatch(
      batch(message('m-1', 'order', orderPayload({ customer: alice }))),
      h.deps,
    );
    expect(result).toMatchObject({ status: 'done', gp: { customer_number: 'GARDNER0001' } });
    expect(h.count('RM00101', 'CUSTNMBR = ?', 'WC77')).toBe(0);
  });
});

describe('idempotency: items', () => {
  it('when a product arrives twice (SKU case differing), then GP has one item, created then updated', async () => {
    const [first] = await processBatch(
      batch(message('p-1', 'product', productPayload({ sku: 'new-widget' }))),
      h.deps,
    );
    const [second] = await processBatch(
      batch(message('p-2', 'product', productPayload({ sku: 'NEW-WIDGET', name: 'New Widget v2' }))),
      h.deps,
    );
    expect(first).toMatchObject({ status: 'done', gp: { item_number: 'NEW-WIDGET', outcome: 'created' } });
    expect(second).toMatchObject({ status: 'done', gp: { item_number: 'NEW-WIDGET', outcome: 'updated' } });
    expect(h.gateway.db.prepare("SELECT ITEMDESC FROM IV00101 WHERE ITEMNMBR = 'NEW-WIDGET'").all()).toEqual([
      { ITEMDESC: 'New Widget v2' },
    ]);
  });

  it('when two copies of a new product are processed concurrently, then one item exists', async () => {
    await Promise.all([
      processBatch(batch(message('p-1', 'product', productPayload())), h.deps),
      processBatch(batch(message('p-1', 'product', productPayload())), h.deps),
    ]);
    expect(h.count('IV00101', "ITEMNMBR = 'NEW-WIDGET'")).toBe(1);
  });
});
