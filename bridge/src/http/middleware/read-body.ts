import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { ApiError } from '../problem.js';

/**
 * Reads the raw body once, refusing it past `limitBytes` without buffering the rest: a declared
 * Content-Length over the limit is refused before reading, and a chunked body is counted as it streams.
 * The signature is computed over these exact bytes, and JSON is parsed from them, so both see the same body.
 */
export function readBody(limitBytes: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const declared = Number(c.req.header('content-length') ?? '0');
    if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
    c.set('rawBody', await readLimited(c.req.raw, limitBytes));
    await next();
  });
}

function tooLarge(limitBytes: number): ApiError {
  return new ApiError(
    'payload_too_large',
    `The body is larger than ${limitBytes} bytes (GPSYNC_BODY_LIMIT_BYTES).`,
  );
}

async function readLimited(request: Request, limitBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
