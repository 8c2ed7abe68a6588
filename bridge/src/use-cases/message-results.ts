import type {
  DeadResult,
  DoneResult,
  GpIds,
  MessageDeadCode,
  MessageRetryCode,
  RetryResult,
} from '../contracts/index.js';
import type { MappingFailure, MappingWarning } from '../domain/mapping-types.js';
import { GpExecutionError, type GpFailureKind } from '../ports/gp-gateway.js';
import { GpValidationError } from '../ports/gp-validation-error.js';

/** Suggested delays: GP down is worth a longer wait than a deadlock (SPEC §4). */
export const RETRY_AFTER_SECONDS: Record<MessageRetryCode, number> = {
  gp_unavailable: 30,
  gp_timeout: 15,
  gp_deadlock: 5,
  batch_in_use: 120,
  depends_on_pending: 60,
};

const RETRY_CODE: Partial<Record<GpFailureKind, MessageRetryCode>> = {
  unavailable: 'gp_unavailable',
  timeout: 'gp_timeout',
  deadlock: 'gp_deadlock',
  batch_in_use: 'batch_in_use',
};

export function done(id: string, gp: GpIds, warnings: readonly MappingWarning[] = []): DoneResult {
  return {
    id,
    status: 'done',
    gp,
    warnings: warnings.map((w) => ({
      code: w.code,
      message: w.message,
      ...(w.field !== undefined ? { field: w.field } : {}),
    })),
  };
}

export function retry(id: string, code: MessageRetryCode, message: string): RetryResult {
  return { id, status: 'retry', code, message, retry_after_seconds: RETRY_AFTER_SECONDS[code] };
}

export function dead(
  id: string,
  code: MessageDeadCode,
  message: string,
  field?: string,
  details?: Record<string, unknown>,
): DeadResult {
  return {
    id,
    status: 'dead',
    code,
    message,
    ...(field !== undefined ? { field } : {}),
    ...(details !== undefined ? { details } : {}),
  };
}

export function fromMappingFailure(id: string, failure: MappingFailure): DeadResult {
  return dead(id, failure.code, failure.message, failure.field, failure.details);
}

/**
 * A GP failure as a message result: unavailable/timeout/deadlock/batch in use are `retry` (GP being down never
 * dead-letters a message), validation is `field_too_long` / `unsupported_characters` / `gp_validation`, and an
 * eConnect business error is `gp_error` with GP's numbers and texts.
 */
export function fromGpError(id: string, error: GpExecutionError): DeadResult | RetryResult {
  const retryCode = RETRY_CODE[error.kind];
  if (retryCode) return retry(id, retryCode, error.message);
  const errors = error.errors.map((e) => ({ number: e.number, procedure: e.procedure, text: e.text }));
  if (error.kind === 'validation') {
    const reason = error instanceof GpValidationError ? error.reason : 'bad_value';
    const code: MessageDeadCode =
      reason === 'too_long'
        ? 'field_too_long'
        : reason === 'code_page'
          ? 'unsupported_characters'
          : 'gp_validation';
    return dead(id, code, error.message, error.field, {
      reason,
      ...(error instanceof GpValidationError ? error.details : {}),
    });
  }
  return dead(id, 'gp_error', error.message, error.field, { gp_errors: errors });
}
