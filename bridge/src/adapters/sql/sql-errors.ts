import { GpExecutionError, type GpFailureKind } from '../../ports/gp-gateway.js';

/** mssql/tedious error codes meaning "could not reach or lost the server" (never the document's fault). */
const UNAVAILABLE_CODES = new Set([
  'ESOCKET',
  'ECONNCLOSED',
  'ECONNRESET',
  'ENOTOPEN',
  'EINSTLOOKUP',
  'ELOGIN',
  'ENOCONN',
  'EALREADYCONNECTING',
  'ECONNREFUSED',
  'ENOTFOUND',
]);
const TIMEOUT_CODES = new Set(['ETIMEOUT', 'ECANCEL', 'ETIMEDOUT']);
/** SQL Server numbers: 1205 deadlock victim; 1222 lock request timeout; -2 client timeout. */
const DEADLOCK_NUMBERS = new Set([1205]);
const TIMEOUT_NUMBERS = new Set([1222, -2]);

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/**
 * Turns whatever mssql threw into a GpExecutionError. Connection and timeout failures and deadlocks are
 * retryable kinds, so a message never dead-letters because GP was down (SPEC §4). Any other SQL error (missing
 * permission, missing procedure) is a `business` error carrying SQL Server's number and text for the admin.
 */
export function classifySqlError(error: unknown): GpExecutionError {
  if (error instanceof GpExecutionError) return error;
  const original = field(error, 'originalError');
  const code = String(field(error, 'code') ?? field(original, 'code') ?? '');
  const rawNumber =
    field(error, 'number') ?? field(field(original, 'info'), 'number') ?? field(original, 'number');
  const number = typeof rawNumber === 'number' ? rawNumber : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const kind: GpFailureKind =
    number !== undefined && DEADLOCK_NUMBERS.has(number)
      ? 'deadlock'
      : (number !== undefined && TIMEOUT_NUMBERS.has(number)) || TIMEOUT_CODES.has(code)
        ? 'timeout'
        : UNAVAILABLE_CODES.has(code)
          ? 'unavailable'
          : 'business';
  const errors =
    kind === 'business' && number !== undefined
      ? [{ number, procedure: String(field(error, 'procName') ?? ''), text: message }]
      : [];
  return new GpExecutionError(kind, `GP SQL Server: ${message}`, errors, undefined, { cause: error });
}

/** Failures worth an immediate in-process retry of the whole transaction. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof GpExecutionError &&
    (error.kind === 'unavailable' || error.kind === 'timeout' || error.kind === 'deadlock')
  );
}
