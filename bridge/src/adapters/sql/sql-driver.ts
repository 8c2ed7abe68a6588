import sql from 'mssql';

/**
 * The slice of `mssql` the sql adapter uses. The real driver is mssql itself; tests pass a fake that records
 * every input (with its SQL type), output, query, procedure call, commit and rollback (test/support/fake-mssql.ts),
 * because no SQL Server can run here.
 */
export type SqlType = sql.ISqlType | sql.ISqlTypeFactoryWithNoParams;

export interface SqlResult {
  readonly recordset?: ReadonlyArray<Record<string, unknown>>;
  readonly output?: Readonly<Record<string, unknown>>;
}

export interface SqlRequest {
  input(name: string, type: SqlType, value: unknown): SqlRequest;
  output(name: string, type: SqlType): SqlRequest;
  query(text: string): Promise<SqlResult>;
  execute(procedure: string): Promise<SqlResult>;
}

export interface SqlTransaction {
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  request(): SqlRequest;
}

export interface SqlPool {
  request(): SqlRequest;
  transaction(): SqlTransaction;
  close(): Promise<void>;
}

export interface SqlDriver {
  /** Opens the one pool of the gateway. */
  connect(config: sql.config): Promise<SqlPool>;
}

export const MSSQL_DRIVER: SqlDriver = {
  async connect(config) {
    const pool = new sql.ConnectionPool(config);
    await pool.connect();
    return {
      request: () => pool.request() as unknown as SqlRequest,
      transaction: () => {
        const transaction = pool.transaction();
        return {
          begin: async () => {
            await transaction.begin();
          },
          commit: () => transaction.commit(),
          rollback: () => transaction.rollback(),
          request: () => transaction.request() as unknown as SqlRequest,
        };
      },
      close: () => pool.close(),
    };
  },
};
