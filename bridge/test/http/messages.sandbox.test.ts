import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { MessageBatchResponseSchema } from '../../src/contracts/index.js';
import { BridgeMetrics } from '../../src/http/metrics.js';
import { createLogger } from '../../src/logging/logger.js';
import { GpExecutionError, type GpGateway } from '../../src/ports/gp-gateway.js';
import * as domain from '../../src/domain/index.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import { previewBatch, processBatch } from '../../src/use-cases/index.js';
import { SECRET, batchOf, customerMessage, signed } from './harness.js';

/**
 * The HTTP layer over the real use cases, domain mappers and sandbox GP (a temp file per test): what the plugin
 * gets back for real orders, bad messages and an unreachable GP.
 */
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../fixtures/woocommerce-9.4/${name}`, import.meta.url)), 'utf8'),
  ) as Record<string, unknown>;

const orderMessage = (id: string, payload: Record<string, unknown>) => ({
  id,
  kind: 'order',
  source: { site: 'https://shop.test', entity_id: Number(payload.woo_order_id), version: 1 },
  payload,
});

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

function sandboxApp(wrap: (gateway: GpGateway) => GpGateway = (g) => g) {
  const dir = mkdtempSync(join(tmpdir(), 'gp-http-'));
  const metrics = new BridgeMetrics();
  const logger = createLogger('silent');
  const runtime: Runtime = openRuntime(
    { mode: 'sandbox', sandboxPath: join(dir, 'gp.sqlite') },
    logger,
    metrics,
  );
  cleanup.push(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const gateway = wrap(runtime.gateway);
  const app = createApp({
    version: 'test',
    secret: SECRET,
    gateway,
    processBatch: runtime.processBatch,
    previewBatch: runtime.previewBatch,
    logger,
    metrics,
  });
  return { app, runtime, metrics };
}

describe('POST /v1/messages on the sandbox GP', () => {
  it('when real WooCommerce orders arrive with a bad and an unknown-kind message between them, then the orders are done with GP numbers and only the bad ones are dead', async () => {
    const { app } = sandboxApp();
    const body = batchOf([
      orderMessage('o-74', fixture('single-line-simple-ca.order.json')),
      { ...customerMessage('k-1'), kind: 'coupon' },
      customerMessage('bad-1', { schema_version: 1, woo_customer_id: 'forty-two', email: 'x@example.com' }),
      orderMessage('o-75', fixture('multi-line-mixed-tax-classes-ca.order.json')),
    ]);

    const res = await app.request(signed('POST', '/v1/messages', body));

    expect(res.status).toBe(200);
    const { results } = MessageBatchResponseSchema.parse(await res.json());
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['o-74', 'done'],
      ['k-1', 'dead'],
      ['bad-1', 'dead'],
      ['o-75', 'done'],
    ]);
    expect(results[0]).toMatchObject({ gp: { sop_type: 3, outcome: 'created' } });
    expect(results[1]).toMatchObject({ code: 'unknown_kind' });
    expect(results[2]).toMatchObject({ code: 'invalid_payload', field: 'woo_customer_id' });
    expect(results[3]).toMatchObject({ gp: { sop_type: 2, outcome: 'created' } });
  });

  it('when the same order is delivered again, then it is done with the same GP number and outcome existing', async () => {
    const { app } = sandboxApp();
    const body = () => batchOf([orderMessage('o-75', fixture('multi-line-mixed-tax-classes-ca.order.json'))]);

    const now = Math.floor(Date.now() / 1000);
    const send = async (timestamp: number) =>
      MessageBatchResponseSchema.parse(
        await (await app.request(signed('POST', '/v1/messages', body(), { timestamp }))).json(),
      );

    const first = await send(now);
    const again = await send(now + 1); // signed afresh, as the plugin's retry is: not a replay

    const sopNumber = first.results[0]?.status === 'done' ? first.results[0].gp.sop_number : undefined;
    expect(sopNumber).toBeTruthy();
    expect(again.results[0]).toMatchObject({
      status: 'done',
      gp: { sop_number: sopNumber, outcome: 'existing' },
    });
  });

  it('when GP is unreachable, then every message of the batch is retry gp_unavailable, none is dead, and health says degraded', async () => {
    const { runtime } = sandboxApp();
    const unavailable = async (): Promise<never> => {
      throw new GpExecutionError('unavailable', 'Failed to connect to gp-sql:1433 - ECONNREFUSED');
    };
    // The real gateway with every GP call failing as the sql adapter fails when SQL Server is down.
    const down: GpGateway = {
      ...runtime.gateway,
      mode: 'sql',
      transaction: unavailable,
      findCustomerByEmail: unavailable,
      customerExists: unavailable,
      findItems: unavailable,
      findSopDocuments: unavailable,
      batchInUse: unavailable,
      readInventory: unavailable,
      health: unavailable,
    };
    const deps = { gateway: down, mapping: domain };
    const app = createApp({
      version: 'test',
      secret: SECRET,
      gateway: down,
      processBatch: (batch) => processBatch(batch, deps),
      previewBatch: (batch) => previewBatch(batch, deps),
      logger: createLogger('silent'),
      metrics: new BridgeMetrics(),
    });
    const body = batchOf([
      customerMessage('c-1'),
      orderMessage('o-74', fixture('single-line-simple-ca.order.json')),
      orderMessage('o-75', fixture('multi-line-mixed-tax-classes-ca.order.json')),
    ]);

    const res = await app.request(signed('POST', '/v1/messages', body));
    const health = await app.request('/v1/health');

    expect(res.status).toBe(200);
    const { results } = MessageBatchResponseSchema.parse(await res.json());
    expect(results.map((r) => [r.id, r.status, r.status === 'done' ? '' : r.code])).toEqual([
      ['c-1', 'retry', 'gp_unavailable'],
      ['o-74', 'retry', 'gp_unavailable'],
      ['o-75', 'retry', 'gp_unavailable'],
    ]);
    expect(await health.json()).toMatchObject({ status: 'degraded', mode: 'sql', gp: { reachable: false } });
  });
});

describe('POST /v1/preview and GET /v1/inventory on the sandbox GP', () => {
  it('when an order is previewed, then its XML and validation come back and GP holds no new document', async () => {
    const { app, runtime } = sandboxApp();
    const before = await runtime.gateway.findSopDocuments({ customerPo: '75' });

    const res = await app.request(
      signed(
        'POST',
        '/v1/preview',
        batchOf([orderMessage('o-75', fixture('multi-line-mixed-tax-classes-ca.order.json'))]),
      ),
    );

    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      results: Array<{ id: string; valid: boolean; documents: Array<{ xml: string; valid: boolean }> }>;
    };
    expect(body.results[0]?.valid).toBe(true);
    expect(
      body.results[0]?.documents.some(
        (d) => d.xml.includes('<SOPTransactionType>') && d.xml.includes('<CSTPONBR>75</CSTPONBR>'),
      ),
    ).toBe(true);
    expect(before).toEqual([]);
    expect(await runtime.gateway.findSopDocuments({ customerPo: '75' })).toEqual([]);
  });

  it('when inventory is read for one site with a small limit, then rows come in pages with a cursor', async () => {
    const { app } = sandboxApp();

    const first = await app.request(signed('GET', '/v1/inventory?limit=5&sites=MAIN'));
    const page = (await first.json()) as {
      items: Array<{ item_number: string; sites: Array<{ site: string }> }>;
      next_cursor: string;
      has_more: boolean;
    };

    expect(first.status).toBe(200);
    expect(page.items).toHaveLength(5);
    expect(page.has_more).toBe(true);
    expect(page.items.every((item) => item.sites.every((s) => s.site === 'MAIN'))).toBe(true);
    const next = await app.request(
      signed('GET', `/v1/inventory?limit=5&sites=MAIN&cursor=${encodeURIComponent(page.next_cursor)}`),
    );
    const second = (await next.json()) as { items: Array<{ item_number: string }> };
    expect(second.items.map((i) => i.item_number)).not.toContain(page.items[0]?.item_number);
  });

  it('when the inventory cursor was not issued by the bridge, then 400 validation_failed names cursor', async () => {
    const { app } = sandboxApp();

    const res = await app.request(signed('GET', '/v1/inventory?cursor=not-a-cursor'));

    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'cursor' }] });
  });
});
