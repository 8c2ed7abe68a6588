import type { MessageDeadCode } from '../contracts/index.js';
import type { MappingFailure } from './mapping-types.js';

/**
 * Thrown inside the mappers when a rule refuses the payload. Each public mapper catches it at its edge and
 * returns it as a `MappingFailure`, so callers only ever see results, while the rules deep inside (lengths,
 * code page, keys) can stop mapping at the first problem without threading results through every helper.
 */
export class MappingError extends Error {
  constructor(
    readonly code: MessageDeadCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'MappingError';
  }

  toFailure(): MappingFailure {
    return {
      ok: false,
      code: this.code,
      message: this.message,
      ...(this.field !== undefined ? { field: this.field } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
    };
  }
}

/** Runs a mapper body and turns a MappingError into a failure result; other errors are bugs and propagate. */
export function asResult<T>(body: () => T): T | MappingFailure {
  try {
    return body();
  } catch (error) {
    if (error instanceof MappingError) return error.toFailure();
    throw error;
  }
}
