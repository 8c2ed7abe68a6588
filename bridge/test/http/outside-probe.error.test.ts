import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import { MessageBatchResponseSchema } from '../../src/contracts/index.js';
import { instrumentGateway } from '../../src/http/instrument-gateway.js';
import { BridgeMetrics } from '../../src/http/metrics.js';
import { createLogger } from '../../src/logging/logger.js';
import { GpExecutionError, type GpGateway } from '../../src/ports/gp-gateway.js';
import { openRuntime } from '../../src/runtime.js';
import {
  CUSTOMER_PAYLOAD,
  CapturedLogs,
  batchOf,
  buildApp,
  customerMessage,
  fakeGateway,
  signed,
} from './harness.js';

/**
 * The defects an outside adversarial probe found in the HTTP layer (issue 10, defects 2–7), each reproduced as
 * the probe sent it. Each test failed before its fix; the message in each `expect` names what it guards.
 */
const SQL_HOST = 'gp-sql.internal.example:1433';

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

describe('defect 2: internal exception text never reaches the client', () => {
  it('when a message fails with an unexpected TypeError, then its result is generic and the log has the text under the requestId', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-probe-'));
    const logs = new CapturedLogs();
    const logger = createLogger('debug', logs);
    const metrics = new BridgeMetrics();
    const runtime = openRuntime({ mode: 'sandbox', sandboxPath: join(dir, 'gp.sqlite') }, logger, metrics);
    cleanup.push(async () => {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    });
    // A bug deep in a use case, as the probe triggered with shipping method "constructor".
    for (const method of ['transaction', 'findCustomerByEmail'] as const) {
      vi.spyOn(runtime.gateway, method).mockRejectedValue(new TypeError('value.trim is not a function'));
    }
    const app = createApp({
      version: 'test',
      secret: 'test-secret-0123456789-abcdefghijklmnop',
      gateway: runtime.gateway,
      processBatch: runtime.processBatch,
      previewBatch: runtime.previewBatch,
      logger,
      metrics,
    });
    const body = batchOf([customerMessage('bug-1')]);
    const sign = (path: string) =>
      signed('POST', path, body, { secret: 'test-secret-0123456789-abcdefghijklmnop' });

    const res = await app.request(sign('/v1/messages'));
    const preview = await app.request(sign('/v1/preview'));

    const text = JSON.stringify(await res.clone().json()) + JSON.stringify(await preview.json());
    expect(text, 'exception text in a response').not.toContain('trim');
    const [result] = MessageBatchResponseSchema.parse(await res.json()).results;
    expect(result).toMatchObject({ id: 'bug-1', status: 'dead', code: 'gp_error' });
    expect(result?.status === 'dead' && result.message).toContain('bridge failed unexpectedly');
    const logged = logs.lines.find((line) => line.msg === 'unexpected error on a message');
    expect(logged, 'the error is logged').toBeDefined();
    expect(JSON.stringify(logged)).toContain('value.trim is not a function');
    expect(logged?.requestId, 'the log line carries the requestId the client got').toBe(
      res.headers.get('x-request-id'),
    );
  });
});

describe('defect 3: an unknown schema_version is named as such', () => {
  it.each(['/v1/messages', '/v1/preview'])(
    'when the batch envelope says schema_version 2 on %s, then 400 unsupported_schema_version',
    async (path) => {
      const { app } = buildApp();
      const body = JSON.stringify({
        schema_version: 2,
        profile: { version: 'v' },
        messages: [customerMessage('v2')],
      });

      const res = await app.request(signed('POST', path, body));

      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ code: 'unsupported_schema_version' });
    },
  );

  it('when one payload says schema_version 2, then that message is dead unsupported_schema_version and its neighbour is done', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-probe-'));
    const runtime = openRuntime(
      { mode: 'sandbox', sandboxPath: join(dir, 'gp.sqlite') },
      createLogger('silent'),
      new BridgeMetrics(),
    );
    cleanup.push(async () => {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const { app } = buildApp({ processBatch: runtime.processBatch, gateway: runtime.gateway });
    const body = batchOf([
      customerMessage('v2', { ...CUSTOMER_PAYLOAD, schema_version: 2 }),
      customerMessage('v1', { ...CUSTOMER_PAYLOAD, email: 'grace@example.com' }),
    ]);

    const res = await app.request(signed('POST', '/v1/messages', body));

    const results = MessageBatchResponseSchema.parse(await res.json()).results;
    expect(results[0]).toMatchObject({
      status: 'dead',
      code: 'unsupported_schema_version',
      field: 'schema_version',
    });
    expect(results[1]).toMatchObject({ status: 'done' });
  });
});

describe('defect 4: unsigned health tells the status, not where GP lives', () => {
  const downGateway = () =>
    fakeGateway({
      health: async () => ({
        reachable: false,
        latencyMs: 3,
        detail: `GP SQL Server: Failed to connect to ${SQL_HOST} - ECONNREFUSED`,
      }),
    });

  it('when GP is down and the caller is unsigned, then health is degraded without the host, and the log has it', async () => {
    const { app, logs } = buildApp({ gateway: downGateway() });

    const res = await app.request('/v1/health');

    const body = await json(res);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'degraded', gp: { reachable: false } });
    expect(JSON.stringify(body), 'host in an unsigned answer').not.toContain('gp-sql');
    expect(logs.raw.join('\n')).toContain(SQL_HOST);
  });

  it('when the health probe throws and the caller is unsigned, then the exception text is not in the answer', async () => {
    const { app } = buildApp({
      gateway: fakeGateway({
        health: async () => {
          throw new Error(`connect ECONNREFUSED ${SQL_HOST}`);
        },
      }),
    });

    const body = await json(await app.request('/v1/health'));

    expect(body).toMatchObject({ status: 'degraded', gp: { reachable: false } });
    expect(JSON.stringify(body)).not.toContain('ECONNREFUSED');
  });

  it('when the caller signs the health request, then it gets the detail', async () => {
    const { app } = buildApp({ gateway: downGateway() });

    const body = await json(await app.request(signed('GET', '/v1/health')));

    expect(body).toMatchObject({ gp: { reachable: false, detail: expect.stringContaining(SQL_HOST) } });
  });

  it('when the caller signs with the wrong secret, then health still answers, without the detail', async () => {
    const { app } = buildApp({ gateway: downGateway() });

    const res = await app.request(
      signed('GET', '/v1/health', undefined, { secret: 'wrong-secret-0123456789-abcdefghijklmn' }),
    );

    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).not.toContain('gp-sql');
  });
});

describe('defect 5: a failed health probe is timed as an error', () => {
  it.each([
    ['answers unreachable', async () => ({ reachable: false, latencyMs: 1, detail: 'down' })],
    [
      'throws',
      async () => {
        throw new GpExecutionError('unavailable', 'down');
      },
    ],
  ])(
    'when the gateway %s, then gpsync_gp_operation_seconds counts it under outcome="error"',
    async (_, health) => {
      const metrics = new BridgeMetrics();
      const gateway = instrumentGateway({ ...fakeGateway({ health }) } as unknown as GpGateway, metrics);

      await gateway.health().catch(() => undefined);

      const text = metrics.render();
      expect(text).toContain('gpsync_gp_operation_seconds_count{operation="health",outcome="error"} 1');
      expect(text).not.toContain('outcome="ok"');
    },
  );

  it('when the gateway answers reachable, then it counts under outcome="ok"', async () => {
    const metrics = new BridgeMetrics();
    const gateway = instrumentGateway({ ...fakeGateway() } as unknown as GpGateway, metrics);

    await gateway.health();

    expect(metrics.render()).toContain(
      'gpsync_gp_operation_seconds_count{operation="health",outcome="ok"} 1',
    );
  });
});

describe('defect 6: inventory while GP is down is a retryable 503', () => {
  it.each(['unavailable', 'timeout', 'deadlock'] as const)(
    'when GP is %s, then 503 gp_unavailable with Retry-After, no host in the body, and the cause in the log',
    async (kind) => {
      const { app, logs } = buildApp({
        gateway: fakeGateway({
          readInventory: async () => {
            throw new GpExecutionError(kind, `GP SQL Server: Failed to connect to ${SQL_HOST}`);
          },
        }),
      });

      const res = await app.request(signed('GET', '/v1/inventory?limit=10'));

      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await json(res);
      expect(body).toMatchObject({ code: 'gp_unavailable', status: 503 });
      expect(JSON.stringify(body)).not.toContain('gp-sql');
      expect(logs.raw.join('\n')).toContain(SQL_HOST);
    },
  );

  it('when inventory fails with a bug, then it is still 500 internal_error', async () => {
    const { app } = buildApp({
      gateway: fakeGateway({
        readInventory: async () => {
          throw new TypeError('rows is undefined');
        },
      }),
    });

    const res = await app.request(signed('GET', '/v1/inventory'));

    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('rows is undefined');
  });
});

describe('defect 7: only application/json bodies are read', () => {
  const body = batchOf([customerMessage('t-1')]);
  const withType = (path: string, type: string | null): Request => {
    const request = signed('POST', path, body);
    const headers = new Headers(request.headers);
    if (type === null) headers.delete('content-type');
    else headers.set('content-type', type);
    return new Request(request.url, { method: 'POST', headers, body });
  };

  it.each([
    ['/v1/messages', 'text/plain'],
    ['/v1/messages', 'text/plain;charset=UTF-8'],
    ['/v1/messages', 'application/x-www-form-urlencoded'],
    ['/v1/messages', 'application/jsonp'],
    ['/v1/messages', null],
    ['/v1/preview', 'text/plain'],
  ])(
    'when %s gets a body of type %s, then 415 unsupported_media_type and nothing runs',
    async (path, type) => {
      const processBatch = vi.fn();
      const previewBatch = vi.fn();
      const { app } = buildApp({ processBatch, previewBatch });

      const res = await app.request(withType(path, type));

      expect(res.status).toBe(415);
      expect(await json(res)).toMatchObject({ code: 'unsupported_media_type' });
      expect(processBatch).not.toHaveBeenCalled();
      expect(previewBatch).not.toHaveBeenCalled();
    },
  );

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])(
    'when the body is %s, then it is processed',
    async (type) => {
      const { app } = buildApp();

      const res = await app.request(withType('/v1/messages', type));

      expect(res.status).toBe(200);
    },
  );
});
