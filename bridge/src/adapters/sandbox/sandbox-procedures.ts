import { GpValidationError } from '../../ports/gp-validation-error.js';
import type { GpErrorDetail } from '../../ports/gp-gateway.js';
import type { ProcedureCall } from '../procedure-call.js';
import type { ProcedureOutcome, ProcedureRunner } from '../procedure-executor.js';
import type { SandboxDatabase } from './database.js';
import { ProcedureArgs } from './procedures/procedure-args.js';
import { SANDBOX_PROCEDURE_TABLE } from './procedures/index.js';

/**
 * Runs procedure calls against the sandbox the way SQL Server runs eConnect's: the JS procedure of that name
 * gets the same `@I_v…` inputs, and reports errors as `@O_iErrorState` + a space-separated `@oErrString`.
 */
export function sandboxRunner(db: SandboxDatabase, now: () => string): ProcedureRunner {
  return {
    run(call: ProcedureCall): Promise<ProcedureOutcome> {
      const procedure = SANDBOX_PROCEDURE_TABLE[call.procedure];
      if (!procedure) {
        // SQL Server would answer error 2812 "Could not find stored procedure"; the sandbox says what it lacks.
        return Promise.reject(
          new GpValidationError(
            'missing_procedure',
            `the sandbox GP has no procedure ${call.procedure}`,
            call.procedure,
          ),
        );
      }
      const errors = procedure(new ProcedureArgs(call.procedure, call), { db, now: now() });
      const errorString = errors.map((n) => ` ${n}`).join('');
      return Promise.resolve({ errorState: errors[0] ?? 0, errorString });
    },
    describeErrors(procedure: string, numbers: readonly number[]): Promise<GpErrorDetail[]> {
      const text = db.prepare('SELECT ErrorDesc FROM SANDBOX_ERRORS WHERE ErrorCode = ?');
      return Promise.resolve(
        numbers.map((number) => {
          const row = text.get(number) as { ErrorDesc: string } | undefined;
          return { number, procedure, text: row?.ErrorDesc ?? `Unknown error ${number}` };
        }),
      );
    },
  };
}
