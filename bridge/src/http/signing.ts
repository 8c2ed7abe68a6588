import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Request signing, contract v1 (docs/contract.md "Signing"). The PHP plugin implements the same function;
 * change both or neither.
 *
 *   string_to_sign = timestamp + "\n" + METHOD + "\n" + path_and_query + "\n" + hex(sha256(body))
 *   X-GPSync-Signature: v1=hex(hmac_sha256(secret, string_to_sign))
 *
 * Hashing the body (rather than signing it inline) keeps the string to sign small and byte-exact whatever the
 * body's size or encoding; the body is hashed as the raw bytes sent, never re-serialised JSON.
 */
export const TIMESTAMP_HEADER = 'x-gpsync-timestamp';
export const SIGNATURE_HEADER = 'x-gpsync-signature';
export const SIGNATURE_SCHEME = 'v1';

export function sha256Hex(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}

export function stringToSign(
  timestamp: string,
  method: string,
  pathAndQuery: string,
  body: Uint8Array | string,
): string {
  return `${timestamp}\n${method.toUpperCase()}\n${pathAndQuery}\n${sha256Hex(body)}`;
}

export function computeSignature(
  secret: string,
  timestamp: string,
  method: string,
  pathAndQuery: string,
  body: Uint8Array | string,
): string {
  return createHmac('sha256', secret)
    .update(stringToSign(timestamp, method, pathAndQuery, body))
    .digest('hex');
}

export interface SignRequestInput {
  readonly secret: string;
  readonly method: string;
  /** Path plus query string exactly as sent (`/v1/inventory?cursor=0&limit=100`). */
  readonly pathAndQuery: string;
  readonly body?: Uint8Array | string;
  /** Unix seconds; defaults to now. */
  readonly timestamp?: number;
}

/** Headers that sign a request: for tests, the bench, the CLI and any Node client of the bridge. */
export function signRequest(input: SignRequestInput): Record<string, string> {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = computeSignature(
    input.secret,
    timestamp,
    input.method,
    input.pathAndQuery,
    input.body ?? '',
  );
  return {
    'X-GPSync-Timestamp': timestamp,
    'X-GPSync-Signature': `${SIGNATURE_SCHEME}=${signature}`,
  };
}

/** Constant-time comparison of two hex signatures; different lengths are simply unequal. */
export function signaturesEqual(expectedHex: string, givenHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const given = Buffer.from(givenHex, 'hex');
  if (expected.length !== given.length || given.length === 0) return false;
  return timingSafeEqual(expected, given);
}
