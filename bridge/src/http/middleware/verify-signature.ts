import type { Context } from 'hono';
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
 * Why the request's signature is not acceptable, or null when it is (and it is then remembered, so the same
 * signature is refused next time). Order matters: the signature is verified before the replay cache is
 * consulted, so unsigned noise can never fill the cache or evict real entries.
 */
export function signatureProblem(
  c: Context<AppEnv>,
  body: Uint8Array,
  options: SignatureOptions,
): ApiError | null {
  const timestamp = c.req.header(TIMESTAMP_HEADER);
  const header = c.req.header(SIGNATURE_HEADER);
  if (!timestamp || !header) {
    return new ApiError(
      'signature_missing',
      'Send X-GPSync-Timestamp and X-GPSync-Signature (see docs/contract.md).',
    );
  }
  const match = SIGNATURE_PATTERN.exec(header.trim().toLowerCase());
  if (!/^\d{1,12}$/.test(timestamp) || !match?.[1]) {
    return new ApiError(
      'signature_invalid',
      'The signature headers are malformed: expected a unix timestamp and v1=<64 hex>.',
    );
  }
  const nowMs = options.now();
  const skew = Math.abs(Math.floor(nowMs / 1000) - Number(timestamp));
  if (skew > options.windowSeconds) {
    return new ApiError(
      'timestamp_out_of_window',
      `The timestamp is ${skew} s away from the bridge's clock; the window is ±${options.windowSeconds} s. Check both clocks (NTP).`,
    );
  }
  const url = new URL(c.req.url);
  const expected = computeSignature(options.secret, timestamp, c.req.method, url.pathname + url.search, body);
  if (!signaturesEqual(expected, match[1])) {
    return new ApiError(
      'signature_invalid',
      'The signature does not match this request and the shared secret.',
    );
  }
  if (!options.replayCache.remember(match[1], nowMs)) {
    return new ApiError(
      'replayed_request',
      'This exact signed request was already received; sign each request afresh.',
    );
  }
  return null;
}

/**
 * Checks the HMAC signature of the request (docs/contract.md "Signing") and refuses it when it does not hold.
 * Runs after readBody, whose bytes it hashes.
 */
export function verifySignature(options: SignatureOptions) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const problem = signatureProblem(c, c.get('rawBody'), options);
    if (problem) throw problem;
    await next();
  });
}

/**
 * For endpoints that answer everyone but tell signed callers more (`/v1/health`): sets `signed` to whether
 * the request carries a valid signature, and never refuses it. A bodiless GET hashes the empty body.
 */
export function noteSignature(options: SignatureOptions) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const hasHeaders = c.req.header(SIGNATURE_HEADER) !== undefined;
    c.set('signed', hasHeaders && signatureProblem(c, new Uint8Array(0), options) === null);
    await next();
  });
}
