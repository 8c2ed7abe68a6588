import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postSandboxDocument } from '../../src/adapters/sandbox/sandbox-admin.js';
import type { MessageResult, OrderPayload } from '../../src/contracts/index.js';
import * as domain from '../../src/domain/index.js';
import { processBatch } from '../../src/use-cases/process-batch.js';
import { profileWith, wooOrder, wooRefunds } from '../support/domain-fixtures.js';
import { message } from '../support/payloads.js';
import { openHarness, type Harness } from './harness.js';

/**
 * Issue 7 on the bridge side, with the real mappers on the sandbox GP: an order edited after it reached GP,
 * a cancellation of an order GP never had, an order paid and refunded before its first dispatch.
 */
const profile = profileWith();
let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  await h.close();
});

const run = async (kind: string, payload: unknown, id = 'm'): Promise<MessageResult> => {
  const [result] = await processBatch(
    { schema_version: 1, profile, messages: [message(id, kind, payload as Record<string, unknown>, 1)] },
    { gateway: h.gateway, mapping: domain },
  );
  return result!;
};

/** The single-line, untaxed order (3 × 5.00), with another quantity. */
function withQuantity(order: OrderPayload, quantity: number): OrderPayload {
  const total = (quantity * 5).toFixed(2);
  return {
    ...order,
    lines: order.lines.map((l) => ({ ...l, quantity: String(quantity), subtotal: total, total })),
    totals: { ...order.totals, total },
  };
}

const stamp = (sopNumber: string) =>
  (
    h.gateway.db.prepare('SELECT DEX_ROW_TS AS ts FROM SOP10100 WHERE SOPNUMBE = ?').get(sopNumber) as
      { ts: string } | undefined
  )?.ts;

describe('an order edited after it reached GP', () => {
  const order = wooOrder('non-taxable-virtual-only-no-shipping');

  it('when it is resent unchanged, then the answer is existing and nothing is written', async () => {
    await run('order', order);
    const before = stamp('WO' + order.order_number);
    const again = await run('order', order);
    expect(again).toMatchObject({ status: 'done', gp: { outcome: 'existing' } });
    expect(stamp('WO' + order.order_number)).toBe(before);
  });

  it('when a quantity changes while the Order is unposted, then the Order is updated under its number in one transaction', async () => {
    const first = await run('order', order);
    expect(first).toMatchObject({
      status: 'done',
      gp: { sop_number: `WO${order.order_number}`, outcome: 'created' },
    });
    const edited = await run('order', withQuantity(order, 4));
    expect(edited).toMatchObject({
      status: 'done',
      gp: { sop_number: `WO${order.order_number}`, sop_type: 2, outcome: 'updated' },
    });
    expect(h.count('SOP10100', 'CSTPONBR = ?', order.order_number)).toBe(1);
    const line = h.gateway.db
      .prepare('SELECT QUANTITY, XTNDPRCE FROM SOP10200 WHERE SOPNUMBE = ?')
      .all(`WO${order.order_number}`) as Array<{ QUANTITY: string; XTNDPRCE: string }>;
    expect(line.map((l) => [Number(l.QUANTITY), Number(l.XTNDPRCE)])).toEqual([[4, 20]]);
    expect(
      (
        h.gateway.db
          .prepare('SELECT DOCAMNT FROM SOP10100 WHERE SOPNUMBE = ?')
          .get(`WO${order.order_number}`) as {
          DOCAMNT: string;
        }
      ).DOCAMNT,
    ).toMatch(/^20(\.0+)?$/);
    // A repeat of the edit is unchanged now.
    expect(await run('order', withQuantity(order, 4))).toMatchObject({ gp: { outcome: 'existing' } });
  });

  it('when the ship-to street changes while the Order is unposted, then the header is updated', async () => {
    await run('order', order);
    const moved = { ...order, billing: { ...order.billing, address_1: '99 New Street' } };
    const shipTo = moved.shipping.address_1.trim() === '' ? moved.billing : moved.shipping;
    if (shipTo !== moved.billing) moved.shipping = { ...moved.shipping, address_1: '99 New Street' };
    expect(await run('order', moved)).toMatchObject({ gp: { outcome: 'updated' } });
    const header = h.gateway.db
      .prepare('SELECT ADDRESS1 FROM SOP10100 WHERE SOPNUMBE = ?')
      .get(`WO${order.order_number}`) as { ADDRESS1: string };
    expect(header.ADDRESS1).toBe('99 New Street');
  });

  it('when it changes after GP posted the document, then it is dead changed_after_posting with both totals, and GP is untouched', async () => {
    await run('order', order);
    postSandboxDocument(h.gateway.db, 2, `WO${order.order_number}`);
    const result = await run('order', withQuantity(order, 4));
    expect(result).toMatchObject({
      status: 'dead',
      code: 'changed_after_posting',
      details: { sop_type: 2, sop_number: `WO${order.order_number}`, woo: { DOCAMNT: '20.00' } },
    });
    expect(
      result.status === 'dead' && Number((result.details?.['gp'] as Record<string, string>)['DOCAMNT']),
    ).toBe(15);
    expect(h.count('SOP10100')).toBe(0);
    // Unchanged, a posted document is simply existing.
    expect(await run('order', order)).toMatchObject({ status: 'done', gp: { outcome: 'existing' } });
  });
});

describe('cancellations and refunds before the first dispatch', () => {
  it('when an order GP never had is cancelled, then it is done: skipped with not_in_gp, no dead letter, nothing written', async () => {
    const order = wooOrder('pending-then-cancelled-ca');
    const result = await run('order', order);
    expect(result).toEqual({
      id: 'm',
      status: 'done',
      gp: { outcome: 'skipped' },
      warnings: [expect.objectContaining({ code: 'not_in_gp', field: 'order_number' })],
    });
    expect(h.count('SOP10100') + h.count('SOP30200')).toBe(0);
  });

  it('when an order paid then fully refunded arrives once as refunded, then GP gets its sale and then the Return of each refund', async () => {
    const order = wooOrder('full-refund-all-lines-ny');
    expect(order.status).toBe('refunded');
    const sale = await run('order', order, 'o');
    expect(sale).toMatchObject({ status: 'done', gp: { sop_type: 2, outcome: 'created' } });
    for (const refund of wooRefunds('full-refund-all-lines-ny')) {
      expect(await run('refund', refund, `r-${refund.woo_refund_id}`)).toMatchObject({
        status: 'done',
        gp: { sop_type: 4, outcome: 'created' },
      });
    }
    expect(h.count('SOP10100', 'SOPTYPE = 4')).toBe(wooRefunds('full-refund-all-lines-ny').length);
  });

  it('when a refund arrives before its order reached GP, then it waits (retry depends_on_pending) and succeeds once the order is there', async () => {
    const [refund] = wooRefunds('partial-refund-one-line-ca');
    expect(await run('refund', refund)).toMatchObject({ status: 'retry', code: 'depends_on_pending' });
    await run('order', { ...wooOrder('partial-refund-one-line-ca'), status: 'completed' }, 'o');
    expect(await run('refund', refund)).toMatchObject({ status: 'done', gp: { outcome: 'created' } });
  });
});
