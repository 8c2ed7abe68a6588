import { describe, expect, it } from 'vitest';
import { MessageBatchResponseSchema } from '../../src/contracts/index.js';
import { GpExecutionError } from '../../src/ports/gp-gateway.js';
import { signRequest } from '../../src/http/signing.js';
import { SECRET, batchOf, buildApp, customerMessage, signed } from './harness.js';

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as {
    code: string;
    status: number;
    requestId: string;
    errors?: { path: string; message: string }[];
  };
}

describe('POST /v1/messages (errors)', () => {
  it('when the body is not JSON, then 400 invalid_json in the problem envelope with the request id', async () => {
    const { app } = buildApp();

    const res = await app.request(signed('POST', '/v1/messages', '{"schema_version": 1, "messages": ['));

    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(problem).toMatchObject({
      type: 'urn:gp-sync:problem:invalid_json',
      code: 'invalid_json',
      status: 400,
    });
    expect(problem.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('when the body is not UTF-8, then 400 invalid_json', async () => {
    const { app } = buildApp();
    const bytes = new Uint8Array([0x7b, 0xff, 0x7d]);
    const headers = signRequest({
      secret: SECRET,
      method: 'POST',
      pathAndQuery: '/v1/messages',
      body: bytes,
    });

    const res = await app.request('/v1/messages', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: bytes,
    });

    expect(res.status).toBe(400);
    expect((await problemOf(res)).code).toBe('invalid_json');
  });

  it('when fields have wrong types or are missing, then 400 validation_failed lists every path', async () => {
    const { app } = buildApp();
    const body = JSON.stringify({
      schema_version: 1,
      profile: { version: 'v' },
      messages: [{ id: 7, kind: 'order', source: { entity_id: 'x' }, payload: {} }, { kind: 'order' }],
    });

    const res = await app.request(signed('POST', '/v1/messages', body));

    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(problem.code).toBe('validation_failed');
    const paths = problem.errors?.map((e) => e.path) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'messages[0].id',
        'messages[0].source.entity_id',
        'messages[1].id',
        'messages[1].payload',
      ]),
    );
  });

  it('when the batch is empty and the schema version missing, then 400 validation_failed names both', async () => {
    const { app } = buildApp();
    const res = await app.request(
      signed('POST', '/v1/messages', JSON.stringify({ profile: { version: 'v' }, messages: [] })),
    );

    const problem = await problemOf(res);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['schema_version', 'messages']),
    );
  });

  it('when the body is larger than the limit, then 413 payload_too_large', async () => {
    const { app } = buildApp({ bodyLimitBytes: 2048 });
    const big = batchOf([customerMessage('big', { schema_version: 1, note: 'x'.repeat(4000) })]);

    const res = await app.request(signed('POST', '/v1/messages', big));

    expect(res.status).toBe(413);
    expect((await problemOf(res)).code).toBe('payload_too_large');
  });

  it('when a streamed body without Content-Length passes the limit, then 413 payload_too_large', async () => {
    const { app } = buildApp({ bodyLimitBytes: 2048 });
    const chunk = new TextEncoder().encode('x'.repeat(1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const req = new Request('http://bridge.test/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);

    const res = await app.request(req);

    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(10);
  });

  it('when GP is unavailable for the whole batch, then every message is retry gp_unavailable, never dead', async () => {
    const { app } = buildApp({
      processBatch: async () => {
        throw new GpExecutionError('unavailable', 'Failed to connect to gp-sql:1433');
      },
    });

    const res = await app.request(
      signed('POST', '/v1/messages', batchOf([customerMessage('u-1'), customerMessage('u-2')])),
    );

    expect(res.status).toBe(200);
    const { results } = MessageBatchResponseSchema.parse(await res.json());
    expect(results).toHaveLength(2);
    for (const result of results) expect(result).toMatchObject({ status: 'retry', code: 'gp_unavailable' });
  });

  it('when the use case fails unexpectedly, then 500 internal_error without internals in the body', async () => {
    const { app, logs } = buildApp({
      processBatch: async () => {
        throw new Error('SELECT * FROM secret_table failed');
      },
    });

    const res = await app.request(signed('POST', '/v1/messages', batchOf([customerMessage('x')])));

    expect(res.status).toBe(500);
    const text = await res.clone().text();
    expect(text).not.toContain('secret_table');
    expect((await problemOf(res)).code).toBe('internal_error');
    expect(logs.lines.some((l) => l.level === 50 && l.msg === 'unhandled error')).toBe(true);
  });

  it('when the use case returns results out of order, then the bridge refuses to send them (500)', async () => {
    const { app } = buildApp({
      processBatch: async (batch) =>
        [...batch.messages].reverse().map((m) => ({ id: m.id, status: 'done', gp: {}, warnings: [] })),
    });

    const res = await app.request(
      signed('POST', '/v1/messages', batchOf([customerMessage('1'), customerMessage('2')])),
    );

    expect(res.status).toBe(500);
  });
});

describe('routing errors', () => {
  it('when the path does not exist, then 404 not_found', async () => {
    const { app } = buildApp();
    const res = await app.request('/v2/whatever');
    expect(res.status).toBe(404);
    expect((await problemOf(res)).code).toBe('not_found');
  });

  it('when a known path gets the wrong method, then 405 method_not_allowed with Allow', async () => {
    const { app } = buildApp();
    const res = await app.request('/v1/messages', { method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect((await problemOf(res)).code).toBe('method_not_allowed');
  });

  it('when the inventory limit is out of bounds, then 400 validation_failed naming limit', async () => {
    const { app } = buildApp();
    for (const limit of ['0', '5001', 'ten']) {
      const res = await app.request(signed('GET', `/v1/inventory?limit=${limit}`));
      expect(res.status).toBe(400);
      expect((await problemOf(res)).errors?.[0]?.path).toBe('limit');
    }
  });
});
