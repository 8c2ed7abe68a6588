import { afterEach, describe, expect, it } from 'vitest';
import { MessageBatchResponseSchema } from '../../src/contracts/index.js';
import { signRequest } from '../../src/http/signing.js';
import { createLogger } from '../../src/logging/logger.js';
import { listen, type RunningServer } from '../../src/server.js';
import { SECRET, batchOf, buildApp, customerMessage } from './harness.js';

const silent = createLogger('silent');
let running: RunningServer | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('the bridge on a real socket', () => {
  it('when a signed batch is POSTed with fetch to 127.0.0.1, then it answers results and refuses the same bytes replayed', async () => {
    const { app } = buildApp();
    running = await listen(app, { host: '127.0.0.1', port: 0 }, silent);
    const body = batchOf([customerMessage('net-1'), customerMessage('net-2')]);
    const headers = {
      ...signRequest({ secret: SECRET, method: 'POST', pathAndQuery: '/v1/messages', body }),
      'content-type': 'application/json',
    };

    const res = await fetch(`${running.url}/v1/messages`, { method: 'POST', headers, body });
    const replay = await fetch(`${running.url}/v1/messages`, { method: 'POST', headers, body });

    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(res.status).toBe(200);
    expect(MessageBatchResponseSchema.parse(await res.json()).results.map((r) => r.id)).toEqual([
      'net-1',
      'net-2',
    ]);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { code: string }).code).toBe('replayed_request');
  });

  it('when a body over the limit is streamed, then 413 comes back over the wire', async () => {
    const { app } = buildApp({ bodyLimitBytes: 64 * 1024 });
    running = await listen(app, { host: '127.0.0.1', port: 0 }, silent);
    const body = 'x'.repeat(200 * 1024);

    const res = await fetch(`${running.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

    expect(res.status).toBe(413);
  });

  it('when the server is closed while a batch is in flight, then that batch still gets its answer', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const { app } = buildApp({
      processBatch: async (batch) => {
        started();
        await gate;
        return batch.messages.map((m) => ({ id: m.id, status: 'done' as const, gp: {}, warnings: [] }));
      },
    });
    const server = await listen(app, { host: '127.0.0.1', port: 0 }, silent);
    const body = batchOf([customerMessage('slow-1')]);
    const headers = {
      ...signRequest({ secret: SECRET, method: 'POST', pathAndQuery: '/v1/messages', body }),
      'content-type': 'application/json',
    };

    const pending = fetch(`${server.url}/v1/messages`, { method: 'POST', headers, body });
    await inFlight;
    const closed = server.close();
    release();
    const res = await pending;
    await closed;

    expect(res.status).toBe(200);
    await expect(fetch(`${server.url}/v1/health`)).rejects.toThrow();
  });
});
