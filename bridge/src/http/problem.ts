import type { RequestErrorCode } from '../contracts/index.js';

/**
 * The one error envelope of the HTTP API: RFC 9457 problem details (`application/problem+json`) plus our
 * machine `code` and the `requestId` the logs carry, so a support question can be matched to its log lines.
 */
export interface ProblemFieldError {
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: RequestErrorCode;
  readonly requestId: string;
  readonly errors?: readonly ProblemFieldError[];
}

/** Every request error code and its HTTP status, in one place (unkey `errors/http.ts`). */
const STATUS_BY_CODE: Record<RequestErrorCode, { status: number; title: string }> = {
  invalid_json: { status: 400, title: 'The body is not valid JSON' },
  validation_failed: { status: 400, title: 'The request does not match the contract' },
  unsupported_schema_version: { status: 400, title: 'This bridge does not speak that schema version' },
  unsupported_media_type: { status: 415, title: 'The body must be application/json' },
  payload_too_large: { status: 413, title: 'The body is larger than the configured limit' },
  signature_missing: { status: 401, title: 'The request is not signed' },
  signature_invalid: { status: 401, title: 'The signature does not match' },
  timestamp_out_of_window: { status: 401, title: 'The signature timestamp is outside the allowed window' },
  replayed_request: { status: 401, title: 'This signed request was already received' },
  not_found: { status: 404, title: 'No such endpoint' },
  method_not_allowed: { status: 405, title: 'The endpoint does not accept this method' },
  gp_unavailable: { status: 503, title: 'GP could not be reached' },
  internal_error: { status: 500, title: 'The bridge failed unexpectedly' },
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function statusOf(code: RequestErrorCode): number {
  return STATUS_BY_CODE[code].status;
}

/**
 * Thrown anywhere in a request; `onError` turns it into the envelope. Handlers never build error responses
 * themselves, so every error has the same shape.
 */
export class ApiError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    readonly detail: string,
    readonly errors?: readonly ProblemFieldError[],
    /** Sent as `Retry-After` (seconds) with a 503, so the client knows when to come back. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  get status(): number {
    return statusOf(this.code);
  }
}

export function toProblem(error: ApiError, requestId: string): Problem {
  const { status, title } = STATUS_BY_CODE[error.code];
  return {
    type: `urn:gp-sync:problem:${error.code}`,
    title,
    status,
    detail: error.detail,
    code: error.code,
    requestId,
    ...(error.errors ? { errors: error.errors } : {}),
  };
}
