import sql from 'mssql';
import type { GpErrorDetail } from '../../ports/gp-gateway.js';
import { GpValidationError } from '../../ports/gp-validation-error.js';
import type { ProcedureCall } from '../procedure-call.js';
import type { ProcedureOutcome, ProcedureRunner } from '../procedure-executor.js';
import type { SqlPool, SqlTransaction } from './sql-driver.js';
import { toSqlType, toSqlValue } from './sql-types.js';

/**
 * Runs one eConnect procedure inside the transaction: `EXEC <proc> @I_v… = typed value …,
 * @O_iErrorState OUTPUT, @oErrString OUTPUT` through mssql's RPC call, never a built SQL string.
 */
export function sqlRunner(transaction: SqlTransaction, errorTexts: ErrorTexts): ProcedureRunner {
  return {
    async run(call: ProcedureCall): Promise<ProcedureOutcome> {
      const request = transaction.request();
      for (const parameter of call.parameters) {
        if (parameter.type.kind === 'numeric')
          assertExactInDriver(`${call.procedure}.${parameter.element}`, parameter.value);
        request.input(parameter.name, toSqlType(parameter.type), toSqlValue(parameter.type, parameter.value));
      }
      request.output('O_iErrorState', sql.Int);
      request.output('oErrString', sql.VarChar(255));
      const result = await request.execute(call.procedure);
      const state = result.output?.['O_iErrorState'];
      const text = result.output?.['oErrString'];
      return {
        errorState: typeof state === 'number' ? state : 0,
        errorString: typeof text === 'string' ? text : '',
      };
    },
    describeErrors: (procedure, numbers) => errorTexts.describe(procedure, numbers),
  };
}

export interface ErrorTexts {
  describe(procedure: string, numbers: readonly number[]): Promise<GpErrorDetail[]>;
}

/**
 * Error texts from DYNAMICS..taErrorCode (FACTS §7), cached. `overrides` (GPSYNC_ERROR_TEXT) win, for custom
 * numbers or a login that cannot read the system database; when neither knows a number, its text says so.
 */
export function sqlErrorTexts(
  pool: () => Promise<SqlPool>,
  systemDatabase: string,
  overrides: ReadonlyMap<number, string>,
): ErrorTexts {
  if (!/^[A-Za-z0-9_]+$/.test(systemDatabase))
    throw new Error('system database name must be letters, digits or _');
  const cache = new Map<number, string>(overrides);
  const query = `SELECT TOP 1 RTRIM(ErrorDesc) AS text FROM [${systemDatabase}]..taErrorCode WHERE ErrorCode = @code`;
  const lookup = async (number: number): Promise<string> => {
    const known = cache.get(number);
    if (known !== undefined) return known;
    try {
      const result = await (await pool()).request().input('code', sql.Int, number).query(query);
      const text = result.recordset?.[0]?.['text'];
      if (typeof text === 'string') {
        cache.set(number, text);
        return text;
      }
      return `eConnect error ${number} (not listed in ${systemDatabase}..taErrorCode)`;
    } catch {
      return `eConnect error ${number} (its text could not be read from ${systemDatabase}..taErrorCode)`;
    }
  };
  return {
    async describe(procedure, numbers) {
      const details: GpErrorDetail[] = [];
      for (const number of numbers) details.push({ number, procedure, text: await lookup(number) });
      return details;
    },
  };
}

/**
 * tedious sends numeric parameters from a JS number (it parses the string we pass), which carries 15
 * significant digits exactly. GP amounts (numeric(19,5)) stay far below that, but a value beyond it would be
 * rounded silently, so it is refused instead.
 */
export function assertExactInDriver(field: string, value: string): void {
  const digits = value.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  const significant = value.includes('.') ? digits.replace(/0+$/, '') : digits;
  if (significant.length > 15) {
    throw new GpValidationError(
      'bad_value',
      `${field} = ${value} has more significant digits than the SQL driver carries exactly (15)`,
      field,
    );
  }
}
