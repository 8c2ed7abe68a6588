import { describe, expect, it } from 'vitest';
import { MessageBatchResponseSchema } from '../../src/contracts/index.js';
import { batchOf, buildApp, customerMessage, signed } from './harness.js';

describe('POST /v1/messages (happy)', () => {
  it('when a signed batch of valid messages arrives, then each gets one result, in request order', async () => {
    const { app } = buildApp();
    const body = batchOf(
      [customerMessage('m-1'), customerMessage('m-2'), customerMessage('m-3')],
      'hash-abc',
    );

    const res = await app.request(signed('POST', '/v1/messages', body));

    expect(res.status).toBe(200);
    const parsed = MessageBatchResponseSchema.parse(await res.json());
    expect(parsed.profile_version).toBe('hash-abc');
    expect(parsed.results.map((r) => [r.id, r.status])).toEqual([
      ['m-1', 'done'],
      ['m-2', 'done'],
      ['m-3', 'done'],
    ]);
  });

  it('when a message has an unknown kind, then that message is dead and the batch still answers 200', async () => {
    const { app } = buildApp();
    const body = batchOf([customerMessage('ok-1'), { ...customerMessage('odd-1'), kind: 'coupon' }]);

    const res = await app.request(signed('POST', '/v1/messages', body));

    expect(res.status).toBe(200);
    const { results } = MessageBatchResponseSchema.parse(await res.json());
    expect(results[0]?.status).toBe('done');
    expect(results[1]).toMatchObject({ id: 'odd-1', status: 'dead', code: 'unknown_kind' });
  });

  it('when one message payload is broken, then only that message is dead and its neighbours are done', async () => {
    const { app } = buildApp();
    const broken = customerMessage('bad-1', { schema_version: 1, email: 'not-an-email' });
    const body = batchOf([customerMessage('a'), broken, customerMessage('b')]);

    const res = await app.request(signed('POST', '/v1/messages', body));

    const { results } = MessageBatchResponseSchema.parse(await res.json());
    expect(results.map((r) => r.status)).toEqual(['done', 'dead', 'done']);
    expect(results[1]).toMatchObject({ code: 'invalid_payload' });
  });

  it('when messages are answered, then each result is logged with requestId and messageId but no payload', async () => {
    const { app, logs } = buildApp();
    const res = await app.request(signed('POST', '/v1/messages', batchOf([customerMessage('m-log')])));
    const requestId = res.headers.get('x-request-id');

    const line = logs.lines.find((l) => l.msg === 'message result');
    expect(line).toMatchObject({ requestId, messageId: 'm-log', status: 'done' });
    expect(logs.raw.join('\n')).not.toContain('ada@example.com');
  });
});

describe('POST /v1/preview (happy)', () => {
  it('when a batch is previewed, then the preview results come back and GP is never written', async () => {
    let processed = 0;
    const { app } = buildApp({
      processBatch: async () => {
        processed += 1;
        return [];
      },
      previewBatch: async (batch) =>
        batch.messages.map((m) => ({ id: m.id, valid: true, documents: [{ xml: '<eConnect/>' }] })),
    });

    const res = await app.request(signed('POST', '/v1/preview', batchOf([customerMessage('p-1')])));

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      profile_version: 'profile-v1',
      results: [{ id: 'p-1', valid: true, documents: [{ xml: '<eConnect/>' }] }],
    });
    expect(processed).toBe(0);
  });
});
