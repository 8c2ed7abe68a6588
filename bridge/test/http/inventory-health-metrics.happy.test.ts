import { describe, expect, it } from 'vitest';
import { InventoryResponseSchema } from '../../src/http/routes/inventory.route.js';
import { batchOf, buildApp, customerMessage, fakeGateway, signed } from './harness.js';

describe('GET /v1/inventory (happy)', () => {
  it('when asked with a cursor, limit and sites, then the gateway gets them parsed and rows come back in contract form', async () => {
    let seen: unknown;
    const gateway = fakeGateway();
    const { app } = buildApp({
      gateway: {
        ...gateway,
        readInventory: async (query) => {
          seen = query;
          return gateway.readInventory(query);
        },
      },
    });

    const res = await app.request(signed('GET', '/v1/inventory?cursor=c1&limit=10&sites=WAREHOUSE,%20MAIN'));

    expect(res.status).toBe(200);
    expect(seen).toEqual({ cursor: 'c1', limit: 10, sites: ['WAREHOUSE', 'MAIN'] });
    const body = InventoryResponseSchema.parse(await res.json());
    expect(body.items[0]).toEqual({
      item_number: 'HOODIE-BLUE',
      available: '7.00000',
      sites: [{ site: 'WAREHOUSE', on_hand: '9.00000', allocated: '2.00000' }],
      changed_at: '2026-11-01T10:00:00.000Z',
    });
    expect(body.next_cursor).toBe('cursor-2');
  });

  it('when no cursor or sites are given, then the first page over all sites with the default limit is read', async () => {
    let seen: unknown;
    const gateway = fakeGateway();
    const { app } = buildApp({
      gateway: { ...gateway, readInventory: async (q) => ((seen = q), gateway.readInventory(q)) },
    });

    await app.request(signed('GET', '/v1/inventory'));

    expect(seen).toEqual({ cursor: null, limit: 500, sites: 'all' });
  });
});

describe('GET /v1/health (happy)', () => {
  it('when GP answers, then health is ok with version, mode and latency, without a signature', async () => {
    const { app } = buildApp();

    const res = await app.request('/v1/health');

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      version: '0.1.0-test',
      mode: 'sandbox',
      gp: { reachable: true, latency_ms: 1.5 },
    });
  });

  it('when GP does not answer, then health still answers 200 but says degraded and unreachable (why: signed only)', async () => {
    const { app } = buildApp({
      gateway: fakeGateway({
        health: async () => {
          throw new Error('connect ECONNREFUSED 10.0.0.5:1433');
        },
      }),
    });

    const res = await app.request(signed('GET', '/v1/health'));

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'degraded',
      gp: { reachable: false, detail: 'connect ECONNREFUSED 10.0.0.5:1433' },
    });
  });
});

describe('GET /metrics (happy)', () => {
  it('when requests and messages were handled, then Prometheus text counts them by route, status and result', async () => {
    const { app, metrics } = buildApp();
    await app.request(
      signed(
        'POST',
        '/v1/messages',
        batchOf([customerMessage('a'), { ...customerMessage('b'), kind: 'nope' }]),
      ),
    );
    await app.request('/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    metrics.gpLatency.observe(0.02, { operation: 'transaction', outcome: 'ok' });

    const res = await app.request('/metrics');
    const text = await res.text();

    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(text).toContain('gpsync_http_requests_total{method="POST",route="/v1/messages",status="200"} 1');
    expect(text).toContain('gpsync_http_requests_total{method="POST",route="/v1/messages",status="401"} 1');
    expect(text).toContain('gpsync_messages_total{code="",kind="customer",status="done"} 1');
    expect(text).toContain('gpsync_messages_total{code="unknown_kind",kind="other",status="dead"} 1');
    expect(text).toContain(
      'gpsync_gp_operation_seconds_bucket{operation="transaction",outcome="ok",le="0.025"} 1',
    );
    expect(text).toContain(
      'gpsync_gp_operation_seconds_bucket{operation="transaction",outcome="ok",le="0.01"} 0',
    );
    expect(text).toMatch(/^gpsync_process_resident_memory_bytes \d+$/m);
  });
});
