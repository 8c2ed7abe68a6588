import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postSandboxDocument, setSandboxBatchInUse } from '../../src/adapters/sandbox/sandbox-admin.js';
import { createSqlGateway } from '../../src/adapters/sql/sql-gateway.js';
import { processBatch } from '../../src/use-cases/process-batch.js';
import { FakeMssql, sqlError } from '../support/fake-mssql.js';
import { TEST_MAPPING } from '../support/test-mapping.js';
import { batch, message, orderPayload, productPayload, refundPayload } from '../support/payloads.js';
import { openHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  await h.close();
});

const clock = () => new Date('2026-11-29T04:00:00.000Z');
const order = (id: string, overrides: Record<string, unknown> = {}) =>
  message(id, 'order', orderPayload(overrides), 1001);

describe('processBatch: one result per message, each message isolated', () => {
  it('when a payload breaks the contract, then that message is dead invalid_payload naming the path, and the others are processed', async () => {
    const bad = orderPayload() as unknown as { lines: Array<Record<string, unknown>> };
    bad.lines[1] = { ...bad.lines[1], quantity: 'two' };
    const results = await processBatch(batch(message('bad', 'order', bad), order('good')), h.deps);

    expect(results.map((r) => r.id)).toEqual(['bad', 'good']);
    expect(results[0]).toMatchObject({ status: 'dead', code: 'invalid_payload', field: 'lines[1].quantity' });
    expect(results[1]).toMatchObject({ status: 'done', gp: { outcome: 'created' } });
  });

  it('when the kind is unknown, then that message is dead unknown_kind', async () => {
    const [result] = await processBatch(batch(message('x', 'coupon', {})), h.deps);
    expect(result).toMatchObject({ status: 'dead', code: 'unknown_kind', field: 'kind' });
  });

  it('when the mapper refuses the order, then dead with its code and details, and GP is untouched', async () => {
    const lines = [
      {
        woo_item_id: 1,
        product_id: 1,
        sku: 'NOT-IN-GP',
        name: 'x',
        quantity: '1',
        subtotal: '1',
        subtotal_tax: '0',
        total: '1',
        total_tax: '0',
      },
    ];
    const [result] = await processBatch(batch(order('m', { lines })), h.deps);
    expect(result).toMatchObject({ status: 'dead', code: 'unknown_sku', details: { skus: ['NOT-IN-GP'] } });
    expect(h.count('RM00101', "CUSTNMBR = 'WC42'")).toBe(0);
  });

  it('when GP rejects the document, then dead gp_error with GP numbers and texts, and nothing of the message stays in GP', async () => {
    const totals = {
      discount_total: '0',
      discount_tax: '0',
      shipping_total: '7.95',
      shipping_tax: '0',
      cart_tax: '3.50',
      total_tax: '3.50',
      total: '55.77',
    };
    const [result] = await processBatch(batch(order('m', { totals })), h.deps);
    expect(result).toMatchObject({ status: 'dead', code: 'gp_error', field: 'taSopHdrIvcInsert' });
    expect(result?.status === 'dead' && result.details?.['gp_errors']).toEqual([
      {
        number: 235,
        procedure: 'taSopHdrIvcInsert',
        text: expect.stringContaining('DOCAMNT') as unknown as string,
      },
    ]);
    expect(result?.status === 'dead' && result.message).toContain('GP error 235');
    expect(h.count('SOP10200')).toBe(0);
    expect(h.count('RM00101', "CUSTNMBR = 'WC42'")).toBe(0);
  });

  it('when a value is longer than GP allows, then dead field_too_long naming the GP element', async () => {
    const [result] = await processBatch(batch(order('m', { order_number: '12345678901234567890' })), h.deps);
    expect(result).toMatchObject({
      status: 'dead',
      code: 'field_too_long',
      field: 'taSopLineIvcInsert.SOPNUMBE',
      details: { reason: 'too_long', max_length: 21, length: 22 },
    });
  });

  it('when the GP batch is held by a user, then retry batch_in_use and nothing is written', async () => {
    setSandboxBatchInUse(h.gateway.db, 'WOO', true, clock);
    const [result] = await processBatch(batch(order('m')), h.deps);
    expect(result).toEqual({
      id: 'm',
      status: 'retry',
      code: 'batch_in_use',
      message: expect.stringContaining('WOO') as unknown as string,
      retry_after_seconds: 120,
    });
    expect(h.count('SOP10100')).toBe(0);
  });

  it('when the status maps to nothing, then done skipped without touching GP', async () => {
    const [result] = await processBatch(batch(order('m', { status: 'on-hold' })), h.deps);
    expect(result).toMatchObject({ status: 'done', gp: { outcome: 'skipped' } });
    expect(h.count('SOP10100')).toBe(0);
  });

  it('when a product has no SKU, then dead missing_sku', async () => {
    const [result] = await processBatch(batch(message('p', 'product', productPayload({ sku: '' }))), h.deps);
    expect(result).toMatchObject({ status: 'dead', code: 'missing_sku', field: 'sku' });
  });
});

describe('processBatch: GP unavailable', () => {
  it('when SQL Server cannot be reached, then every message is retry gp_unavailable, never dead', async () => {
    const fake = new FakeMssql();
    for (let i = 0; i < 100; i++)
      fake.connectFailures.push(
        sqlError('Failed to connect to gp-sql:1433 - connect ECONNREFUSED', { code: 'ESOCKET' }),
      );
    const gateway = createSqlGateway(
      {
        server: 'gp-sql',
        port: 1433,
        database: 'TWO',
        user: 'u',
        password: 'p',
        encrypt: true,
        trustServerCertificate: false,
        poolMax: 2,
        requestTimeoutMs: 1000,
        retries: 1,
        retryDelayMs: 0,
      },
      { driver: fake },
    );
    const results = await processBatch(
      batch(
        order('o-1'),
        message('c-1', 'customer', orderPayload().customer),
        message('p-1', 'product', productPayload()),
        order('o-2', { order_number: '1002' }),
      ),
      { gateway, mapping: TEST_MAPPING },
    );
    expect(results.map((r) => [r.id, r.status, r.status === 'retry' ? r.code : null])).toEqual([
      ['o-1', 'retry', 'gp_unavailable'],
      ['c-1', 'retry', 'gp_unavailable'],
      ['p-1', 'retry', 'gp_unavailable'],
      ['o-2', 'retry', 'gp_unavailable'],
    ]);
    expect(results[0]).toMatchObject({ retry_after_seconds: 30 });
    // The first message found GP down (first attempt + one retry); the rest did not each wait for it again.
    expect(fake.connectCount).toBe(2);
  });
});

describe('processBatch: cancellations and refunds', () => {
  it('when an order is cancelled, then its document is voided; a repeat reports it voided without writing', async () => {
    await processBatch(batch(order('m-1')), h.deps);
    const [cancel] = await processBatch(batch(order('m-2', { status: 'cancelled' })), h.deps);
    const [again] = await processBatch(batch(order('m-2', { status: 'cancelled' })), h.deps);
    expect(cancel).toMatchObject({
      status: 'done',
      gp: { sop_number: 'WO1001', sop_type: 2, outcome: 'voided' },
    });
    expect(again).toMatchObject({ status: 'done', gp: { sop_number: 'WO1001', outcome: 'voided' } });
    expect(h.count('SOP30200', 'VOIDSTTS = 1')).toBe(1);
  });

  it('when the document is already posted, then the cancellation is dead document_posted', async () => {
    await processBatch(batch(order('m-1')), h.deps);
    postSandboxDocument(h.gateway.db, 2, 'WO1001', clock);
    const [cancel] = await processBatch(batch(order('m-2', { status: 'cancelled' })), h.deps);
    expect(cancel).toMatchObject({ status: 'dead', code: 'document_posted' });
  });

  it('when a refund arrives before its order reached GP, then retry depends_on_pending; after the order, a Return; a repeat is existing', async () => {
    const refund = message('r-1', 'refund', refundPayload(), 501);
    const [early] = await processBatch(batch(refund), h.deps);
    expect(early).toMatchObject({ status: 'retry', code: 'depends_on_pending', retry_after_seconds: 60 });

    await processBatch(batch(order('m-1', { status: 'completed' })), h.deps);
    const [created] = await processBatch(batch(refund), h.deps);
    const [repeat] = await processBatch(batch(refund), h.deps);
    expect(created).toMatchObject({
      status: 'done',
      gp: { customer_number: 'WC42', sop_number: 'WR1001-501', sop_type: 4, outcome: 'created' },
    });
    expect(repeat).toMatchObject({
      status: 'done',
      gp: { sop_number: 'WR1001-501', sop_type: 4, outcome: 'existing' },
    });
    expect(h.count('SOP10100', 'SOPTYPE = 4')).toBe(1);
  });
});
