import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import sql from 'mssql';
import pRetry from 'p-retry';
import { GpExecutionError, type GpGateway, type GpTransaction } from '../../ports/gp-gateway.js';
import { DEFAULT_OVERLAP_MS } from '../inventory-cursor.js';
import { executeDocument } from '../procedure-executor.js';
import { toMssqlConfig, type SqlGatewayConfig } from './sql-config.js';
import { MSSQL_DRIVER, type SqlDriver, type SqlPool, type SqlTransaction } from './sql-driver.js';
import { classifySqlError, isTransient } from './sql-errors.js';
import { readSqlInventory } from './sql-inventory.js';
import { sqlLookups } from './sql-lookups.js';
import { sqlErrorTexts, sqlRunner } from './sql-procedures.js';
import { sqlSignatures } from './sql-signatures.js';

export const APPLOCK_SQL = `DECLARE @result int;
EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = @timeout;
SELECT @result AS result;`;

export interface SqlGatewayOptions {
  readonly driver?: SqlDriver;
  /** Texts for eConnect error numbers that win over DYNAMICS..taErrorCode (GPSYNC_ERROR_TEXT). */
  readonly errorTexts?: ReadonlyMap<number, string>;
  readonly overlapMs?: number;
}

/**
 * The GP gateway on SQL Server: one mssql pool for the gateway's life (connected on first use, so the bridge
 * starts while GP is down and reports `gp_unavailable` until it is back), eConnect procedures through the
 * shared executor, every statement with typed parameters.
 */
export function createSqlGateway(config: SqlGatewayConfig, options: SqlGatewayOptions = {}): GpGateway {
  const driver = options.driver ?? MSSQL_DRIVER;
  let connecting: Promise<SqlPool> | null = null;
  const pool = (): Promise<SqlPool> => {
    if (!connecting) {
      connecting = driver.connect(toMssqlConfig(config));
      connecting.catch(() => {
        connecting = null; // try again on the next call
      });
    }
    return connecting.catch((error: unknown) => {
      throw classifySqlError(error);
    });
  };
  const signatures = sqlSignatures(pool);
  const texts = sqlErrorTexts(pool, config.systemDatabase ?? 'DYNAMICS', options.errorTexts ?? new Map());
  const outside = sqlLookups(async () => (await pool()).request());
  const guard = <T>(work: () => Promise<T>): Promise<T> =>
    work().catch((error: unknown) => {
      throw classifySqlError(error);
    });

  async function attempt<T>(lockKey: string, work: (tx: GpTransaction) => Promise<T>): Promise<T> {
    let transaction: SqlTransaction | null = null;
    let begun = false;
    try {
      transaction = (await pool()).transaction();
      await transaction.begin();
      begun = true;
      const tx = transaction;
      await acquireLock(tx, lockKey, config.lockTimeoutMs ?? 10_000);
      const runner = sqlRunner(tx, texts);
      const inside: GpTransaction = {
        ...sqlLookups(() => Promise.resolve(tx.request())),
        execute: (document) => executeDocument(document, runner, signatures),
        lock: (key) => acquireLock(tx, key, config.lockTimeoutMs ?? 10_000),
      };
      const result = await work(inside);
      await tx.commit();
      return result;
    } catch (error) {
      if (transaction && begun) {
        // A failed rollback (connection already gone) changes nothing: SQL Server rolls back a dropped session.
        await transaction.rollback().catch(() => undefined);
      }
      throw classifySqlError(error);
    }
  }

  return {
    mode: 'sql',
    findCustomerByEmail: (email) => guard(() => outside.findCustomerByEmail(email)),
    customerExists: (number) => guard(() => outside.customerExists(number)),
    findItems: (numbers) => guard(() => outside.findItems(numbers)),
    findSopDocuments: (query) => guard(() => outside.findSopDocuments(query)),
    batchInUse: (batch) => guard(() => outside.batchInUse(batch)),
    readSopDocument: (type, number) => guard(() => outside.readSopDocument(type, number)),
    readCustomer: (number) => guard(() => outside.readCustomer(number)),
    readItem: (number) => guard(() => outside.readItem(number)),
    transaction<T>(lockKey: string, work: (tx: GpTransaction) => Promise<T>): Promise<T> {
      // The whole transaction is retried on transient failures: `work` looks GP up again inside the new
      // transaction, so a retry after a commit whose answer was lost finds the committed rows, not a gap.
      return pRetry(() => attempt(lockKey, work), {
        retries: config.retries ?? 2,
        minTimeout: config.retryDelayMs ?? 250,
        factor: 2,
        shouldRetry: ({ error }) => isTransient(error),
      });
    },
    readInventory: (query) =>
      guard(() =>
        readSqlInventory(
          async () => (await pool()).request(),
          query,
          options.overlapMs ?? DEFAULT_OVERLAP_MS,
        ),
      ),
    async health() {
      const started = performance.now();
      try {
        await (await pool()).request().query('SELECT 1 AS ok');
        return { reachable: true, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return {
          reachable: false,
          latencyMs: Math.round(performance.now() - started),
          detail: classifySqlError(error).message,
        };
      }
    },
    async close() {
      const open = connecting;
      connecting = null;
      if (open) await (await open.catch(() => null))?.close();
    },
  };
}

/**
 * sp_getapplock in the transaction (FACTS-independent SQL Server feature): two copies of one message serialise
 * here, and the lock is released by COMMIT or ROLLBACK. Resource names are limited to 255 characters, so long
 * keys are hashed.
 */
async function acquireLock(transaction: SqlTransaction, lockKey: string, timeoutMs: number): Promise<void> {
  const resource =
    lockKey.length <= 200
      ? `gpsync:${lockKey}`
      : `gpsync:sha256:${createHash('sha256').update(lockKey).digest('hex')}`;
  const result = await transaction
    .request()
    .input('resource', sql.NVarChar(255), resource)
    .input('timeout', sql.Int, timeoutMs)
    .query(APPLOCK_SQL);
  const code = Number(result.recordset?.[0]?.['result']);
  if (code >= 0) return;
  // -1 timeout, -2 cancelled, -3 chosen as deadlock victim, -999 parameter/call error.
  const kind = code === -3 ? 'deadlock' : code === -999 ? 'business' : 'timeout';
  throw new GpExecutionError(
    kind,
    `could not take the application lock for ${lockKey} (sp_getapplock returned ${code}); another request is writing the same entity`,
  );
}
