import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/http/signing.js';
import { SECRET, batchOf, buildApp, customerMessage, signed } from './harness.js';

const BODY = batchOf([customerMessage('s-1')]);

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { code: string }).code;
}

describe.each([
  ['POST', '/v1/messages', BODY],
  ['POST', '/v1/preview', BODY],
  ['GET', '/v1/inventory', undefined],
] as const)('%s %s (security)', (method, path, body) => {
  it('when the request is unsigned, then 401 signature_missing', async () => {
    const { app } = buildApp();
    const res = await app.request(path, {
      method,
      ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}),
    });
    expect(res.status).toBe(401);
    expect(await codeOf(res)).toBe('signature_missing');
  });

  it('when signed with another secret, then 401 signature_invalid', async () => {
    const { app } = buildApp();
    const res = await app.request(
      signed(method, path, body, { secret: 'another-secret-0123456789-abcdefghijk' }),
    );
    expect(res.status).toBe(401);
    expect(await codeOf(res)).toBe('signature_invalid');
  });

  it('when the timestamp is older than the window, then 401 timestamp_out_of_window', async () => {
    const { app } = buildApp();
    const stale = Math.floor(Date.now() / 1000) - 301;
    const res = await app.request(signed(method, path, body, { timestamp: stale }));
    expect(res.status).toBe(401);
    expect(await codeOf(res)).toBe('timestamp_out_of_window');
  });

  it('when the same signed request arrives twice, then the second is 401 replayed_request', async () => {
    const { app } = buildApp();
    // One timestamp for both: identical method, path, body and time give the identical signature.
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await app.request(signed(method, path, body, { timestamp }));
    const again = await app.request(signed(method, path, body, { timestamp }));
    expect(first.status).toBe(200);
    expect(again.status).toBe(401);
    expect(await codeOf(again)).toBe('replayed_request');
  });
});

describe('signature coverage (security)', () => {
  it('when the body is changed after signing, then 401 signature_invalid', async () => {
    const { app } = buildApp();
    const headers = {
      ...signRequest({ secret: SECRET, method: 'POST', pathAndQuery: '/v1/messages', body: BODY }),
      'content-type': 'application/json',
    };
    const res = await app.request('/v1/messages', {
      method: 'POST',
      headers,
      body: BODY.replace('s-1', 's-2'),
    });
    expect(await codeOf(res)).toBe('signature_invalid');
  });

  it('when the query is changed after signing, then 401 signature_invalid', async () => {
    const { app } = buildApp();
    const headers = signRequest({ secret: SECRET, method: 'GET', pathAndQuery: '/v1/inventory?limit=10' });
    const res = await app.request('/v1/inventory?limit=5000', { headers });
    expect(await codeOf(res)).toBe('signature_invalid');
  });

  it('when a signature for one method is sent with another path, then 401 signature_invalid', async () => {
    const { app } = buildApp();
    const headers = {
      ...signRequest({ secret: SECRET, method: 'POST', pathAndQuery: '/v1/preview', body: BODY }),
      'content-type': 'application/json',
    };
    const res = await app.request('/v1/messages', { method: 'POST', headers, body: BODY });
    expect(await codeOf(res)).toBe('signature_invalid');
  });

  it('when the timestamp is in the future beyond a configured window, then 401 timestamp_out_of_window', async () => {
    const now = 1_800_000_000_000;
    const { app } = buildApp({ signatureWindowSeconds: 60, now: () => now });
    const res = await app.request(signed('POST', '/v1/messages', BODY, { timestamp: now / 1000 + 61 }));
    expect(await codeOf(res)).toBe('timestamp_out_of_window');
    const inside = await app.request(signed('POST', '/v1/messages', BODY, { timestamp: now / 1000 + 59 }));
    expect(inside.status).toBe(200);
  });

  it('when the signature header is malformed, then 401 signature_invalid', async () => {
    const { app } = buildApp();
    const res = await app.request('/v1/messages', {
      method: 'POST',
      body: BODY,
      headers: {
        'content-type': 'application/json',
        'X-GPSync-Timestamp': String(Math.floor(Date.now() / 1000)),
        'X-GPSync-Signature': 'sha1=abc',
      },
    });
    expect(await codeOf(res)).toBe('signature_invalid');
  });

  it('when a bad signature is sent first, then the genuine request with the same timestamp is still accepted', async () => {
    const { app } = buildApp();
    const ts = Math.floor(Date.now() / 1000);
    await app.request(
      signed('POST', '/v1/messages', BODY, {
        secret: 'wrong-secret-0123456789-abcdefghijklmn',
        timestamp: ts,
      }),
    );
    const res = await app.request(signed('POST', '/v1/messages', BODY, { timestamp: ts }));
    expect(res.status).toBe(200);
  });

  it('when requests are refused or served, then neither the secret nor the signature appear in the logs', async () => {
    const { app, logs } = buildApp();
    const req = signed('POST', '/v1/messages', BODY);
    const signature = req.headers.get('x-gpsync-signature') ?? '';
    await app.request(req);
    await app.request(
      signed('POST', '/v1/messages', BODY, { secret: 'wrong-secret-0123456789-abcdefghijklmn' }),
    );
    const all = logs.raw.join('\n');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(signature.slice(3));
    expect(logs.lines.length).toBeGreaterThan(0);
  });

  it('when problem responses are returned, then they never echo the secret', async () => {
    const { app } = buildApp();
    const res = await app.request(
      signed('POST', '/v1/messages', BODY, { secret: 'wrong-secret-0123456789-abcdefghijklmn' }),
    );
    expect(await res.text()).not.toContain(SECRET);
  });
});
