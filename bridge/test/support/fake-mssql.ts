import type sql from 'mssql';
import { defaultSignatureOf } from '../../src/adapters/procedure-signature.js';
import type {
  SqlDriver,
  SqlPool,
  SqlRequest,
  SqlResult,
  SqlTransaction,
  SqlType,
} from '../../src/adapters/sql/sql-driver.js';
import type { ParameterType } from '../../src/domain/econnect/parameter-types.js';

/**
 * A fake mssql for testing the sql adapter at the procedure-call level (no SQL Server can run here). It records
 * every statement with its typed inputs ("char(15)", "numeric(19,5)" …), procedure calls with their outputs,
 * and begin/commit/rollback per transaction; procedures and queries answer through handlers the test sets.
 */
export interface RecordedInput {
  readonly name: string;
  readonly type: string;
  readonly value: unknown;
}

export interface RecordedStatement {
  readonly kind: 'query' | 'execute';
  /** SQL text, or the procedure name. */
  readonly text: string;
  readonly inputs: RecordedInput[];
  readonly outputs: Array<{ readonly name: string; readonly type: string }>;
  /** Transaction number (1, 2 …) or null on the pool. */
  readonly transaction: number | null;
}

export interface SysParameterRow {
  readonly name: string;
  readonly type_name: string;
  readonly max_length: number;
  readonly precision: number;
  readonly scale: number;
}

export type ProcedureHandler = (
  inputs: ReadonlyMap<string, unknown>,
) => { state: number; errors?: string } | Error;
export type QueryHandler = (
  text: string,
  inputs: ReadonlyMap<string, unknown>,
) => ReadonlyArray<Record<string, unknown>> | Error | undefined;

export function describeSqlType(type: SqlType): string {
  if (typeof type === 'function') return (type as unknown as { declaration: string }).declaration;
  const t = type as sql.ISqlType & { length?: number; precision?: number; scale?: number };
  const declaration = (t.type as unknown as { declaration: string }).declaration;
  if (t.precision !== undefined) return `${declaration}(${t.precision},${t.scale ?? 0})`;
  if (t.length !== undefined) return `${declaration}(${t.length === 65535 ? 'max' : t.length})`;
  return declaration;
}

/** sys.parameters rows for a procedure as the committed default table describes it. */
export function sysParametersFor(
  procedure: string,
  change: (element: string, type: ParameterType) => ParameterType | null = (_, t) => t,
): SysParameterRow[] {
  const signature = defaultSignatureOf(procedure);
  if (!signature) return [];
  const rows: SysParameterRow[] = [];
  for (const [element, original] of signature) {
    const type = change(element, original);
    if (!type) continue;
    const typeName = type.kind === 'text' ? 'text' : type.kind;
    const maxLength = type.kind === 'char' || type.kind === 'varchar' ? (type.length ?? -1) : 0;
    rows.push({
      name: `@I_v${element}`,
      type_name: typeName,
      max_length: maxLength,
      precision: type.precision ?? 0,
      scale: type.scale ?? 0,
    });
  }
  rows.push({ name: '@O_iErrorState', type_name: 'int', max_length: 4, precision: 10, scale: 0 });
  rows.push({ name: '@oErrString', type_name: 'varchar', max_length: 255, precision: 0, scale: 0 });
  return rows;
}

export class FakeMssql implements SqlDriver {
  readonly statements: RecordedStatement[] = [];
  readonly events: string[] = [];
  readonly procedures = new Map<string, ProcedureHandler>();
  readonly sysParameters = new Map<string, SysParameterRow[]>();
  readonly errorTexts = new Map<number, string>();
  queryHandler: QueryHandler = () => undefined;
  /** Errors thrown by the next connect() calls, in order. */
  readonly connectFailures: Error[] = [];
  connectCount = 0;
  private transactions = 0;

  connect(): Promise<SqlPool> {
    this.connectCount += 1;
    this.events.push('connect');
    const failure = this.connectFailures.shift();
    if (failure) return Promise.reject(failure);
    return Promise.resolve({
      request: () => this.request(null),
      transaction: () => this.transaction(),
      close: () => {
        this.events.push('close');
        return Promise.resolve();
      },
    });
  }

  /** Procedure calls made, in order, by name. */
  executed(): string[] {
    return this.statements.filter((s) => s.kind === 'execute').map((s) => s.text);
  }

  private transaction(): SqlTransaction {
    const id = ++this.transactions;
    return {
      begin: () => {
        this.events.push(`begin#${id}`);
        return Promise.resolve();
      },
      commit: () => {
        this.events.push(`commit#${id}`);
        return Promise.resolve();
      },
      rollback: () => {
        this.events.push(`rollback#${id}`);
        return Promise.resolve();
      },
      request: () => this.request(id),
    };
  }

  private request(transaction: number | null): SqlRequest {
    const inputs: RecordedInput[] = [];
    const outputs: Array<{ name: string; type: string }> = [];
    const values = () => new Map(inputs.map((i) => [i.name, i.value] as const));
    const request: SqlRequest = {
      input: (name, type, value) => {
        inputs.push({ name, type: describeSqlType(type), value });
        return request;
      },
      output: (name, type) => {
        outputs.push({ name, type: describeSqlType(type) });
        return request;
      },
      query: (text) => {
        this.statements.push({ kind: 'query', text, inputs, outputs, transaction });
        return this.answerQuery(text, values());
      },
      execute: (procedure) => {
        this.statements.push({ kind: 'execute', text: procedure, inputs, outputs, transaction });
        const handler = this.procedures.get(procedure);
        const outcome = handler ? handler(values()) : { state: 0 };
        if (outcome instanceof Error) return Promise.reject(outcome);
        return Promise.resolve({
          output: { O_iErrorState: outcome.state, oErrString: outcome.errors ?? '' },
        });
      },
    };
    return request;
  }

  private answerQuery(text: string, inputs: ReadonlyMap<string, unknown>): Promise<SqlResult> {
    const custom = this.queryHandler(text, inputs);
    if (custom instanceof Error) return Promise.reject(custom);
    if (custom) return Promise.resolve({ recordset: custom });
    if (text.includes('sys.parameters')) {
      const procedure = String(inputs.get('proc'));
      const rows: ReadonlyArray<Record<string, unknown>> = (
        this.sysParameters.get(procedure) ?? sysParametersFor(procedure)
      ).map((r) => ({ ...r }));
      return Promise.resolve({ recordset: rows });
    }
    if (text.includes('sp_getapplock')) return Promise.resolve({ recordset: [{ result: 0 }] });
    if (text.includes('taErrorCode')) {
      const text = this.errorTexts.get(Number(inputs.get('code')));
      return Promise.resolve({ recordset: text === undefined ? [] : [{ text }] });
    }
    return Promise.resolve({ recordset: [] });
  }
}

/** An mssql-shaped error (code / number as tedious sets them). */
export function sqlError(message: string, fields: { code?: string; number?: number }): Error {
  return Object.assign(new Error(message), fields);
}
