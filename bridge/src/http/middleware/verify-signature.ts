import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { ApiError } from '../problem.js';
import type { ReplayCache } from '../replay-cache.js';
import {
  computeSignature,
  SIGNATURE_HEADER,
  SIGNATURE_SCHEME,
  signaturesEqual,
  TIMESTAMP_HEADER,
} from '../signing.js';

export interface SignatureOptions {
  readonly secret: string;
  readonly windowSeconds: number;
  readonly replayCache: ReplayCache;
  readonly now: () => number;
}

const SIGNATURE_PATTERN = new RegExp(`^${SIGNATURE_SCHEME}=([0-9a-f]{64})$`);

/**
 * Checks the HMAC signature of the request (docs/contract.md "Signing"). Order matters: the signature is
 * verified before the replay cache is consulted, so unsigned noise can never fill the cache or evict real
 * entries. Runs after readBody, whose bytes it hashes.
 */
export function verifySignature(options: SignatureOptions) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const timestamp = c.req.header(TIMESTAMP_HEADER);
    const header = c.req.header(SIGNATURE_HEADER);
    if (!timestamp || !header) {
      throw new ApiError(
        'signature_missing',
        'Send X-GPSync-Timestamp and X-GPSync-Signature (see docs/contract.md).',
      );
    }
    const match = SIGNATURE_PATTERN.exec(header.trim().toLowerCase());
    if (!/^\d{1,12}$/.test(timestamp) || !match?.[1]) {
      throw new ApiError(
        'signature_invalid',
        'The signature headers are malformed: expected a unix timestamp and v1=<64 hex>.',
      );
    }
    const nowMs = options.now();
    const skew = Math.abs(Math.floor(nowMs / 1000) - Number(timestamp));
    if (skew > options.windowSeconds) {
      throw new ApiError(
        'timestamp_out_of_window',
        `The timestamp is ${skew} s away from the bridge's clock; the window is ±${options.windowSeconds} s. Check both clocks (NTP).`,
      );
    }
    const url = new URL(c.req.url);
    const expected = computeSignature(
      options.secret,
      timestamp,
      c.req.method,
      url.pathname + url.search,
      c.get('rawBody'),
    );
    if (!signaturesEqual(expected, match[1])) {
      throw new ApiError(
        'signature_invalid',
        'The signature does not match this request and the shared secret.',
      );
    }
    if (!options.replayCache.remember(match[1], nowMs)) {
      throw new ApiError(
        'replayed_request',
        'This exact signed request was already received; sign each request afresh.',
      );
    }
    await next();
  });
}
