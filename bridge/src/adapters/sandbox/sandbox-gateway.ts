import type { EConnectDocument } from '../../domain/econnect/document.js';
import type { GpGateway, GpLookups, GpTransaction } from '../../ports/gp-gateway.js';
import { DEFAULT_OVERLAP_MS } from '../inventory-cursor.js';
import { executeDocument } from '../procedure-executor.js';
import { DEFAULT_SIGNATURES } from '../procedure-signature.js';
import {
  DEFAULT_SANDBOX_PATH,
  openSandboxDatabase,
  type SandboxClock,
  type SandboxDatabase,
} from './database.js';
import { KeyMutex } from './key-mutex.js';
import { readSandboxInventory } from './sandbox-inventory.js';
import { sandboxLookups } from './sandbox-lookups.js';
import { sandboxRunner } from './sandbox-procedures.js';

export interface SandboxGatewayOptions {
  /** SQLite file; default `.data/sandbox-gp.sqlite` under the working directory. */
  readonly path?: string;
  readonly clock?: SandboxClock;
  /** Inventory cursor overlap window (see inventory-cursor.ts). */
  readonly overlapMs?: number;
}

export interface SandboxGateway extends GpGateway {
  readonly mode: 'sandbox';
  /** The open database, for the sandbox helpers (stock changes, demo posting) and tests. */
  readonly db: SandboxDatabase;
}

/**
 * The GP gateway on the embedded sandbox company. Same procedure contract as GP (the shared executor runs the
 * same calls), one SQLite transaction per `transaction()` (BEGIN IMMEDIATE … COMMIT / ROLLBACK).
 *
 * Locking: better-sqlite3 is one synchronous connection, and `work` awaits between statements, so two
 * transactions must never interleave on it. Every transaction takes its key's lock (so two copies of one
 * message queue on their key, as with sp_getapplock) and then the connection's lock; reads outside a
 * transaction also wait for the connection, so they never see another transaction's uncommitted rows.
 */
export function createSandboxGateway(options: SandboxGatewayOptions = {}): SandboxGateway {
  const clock = options.clock ?? (() => new Date());
  const overlapMs = options.overlapMs ?? DEFAULT_OVERLAP_MS;
  const db = openSandboxDatabase(options.path ?? DEFAULT_SANDBOX_PATH, clock);
  const keys = new KeyMutex();
  const connection = new KeyMutex();
  const lookups = sandboxLookups(db);
  const runner = sandboxRunner(db, () => clock().toISOString());
  const exclusive = <T>(read: () => Promise<T>): Promise<T> => connection.run('connection', read);

  const outside: GpLookups = {
    findCustomerByEmail: (email) => exclusive(() => lookups.findCustomerByEmail(email)),
    customerExists: (number) => exclusive(() => lookups.customerExists(number)),
    findItems: (numbers) => exclusive(() => lookups.findItems(numbers)),
    findSopDocuments: (query) => exclusive(() => lookups.findSopDocuments(query)),
    batchInUse: (batch) => exclusive(() => lookups.batchInUse(batch)),
    readSopDocument: (type, number) => exclusive(() => lookups.readSopDocument(type, number)),
    readCustomer: (number) => exclusive(() => lookups.readCustomer(number)),
    readItem: (number) => exclusive(() => lookups.readItem(number)),
  };

  return {
    mode: 'sandbox',
    db,
    ...outside,
    transaction<T>(lockKey: string, work: (tx: GpTransaction) => Promise<T>): Promise<T> {
      return keys.run(lockKey, () =>
        connection.run('connection', async () => {
          db.exec('BEGIN IMMEDIATE');
          const tx: GpTransaction = {
            ...lookups,
            execute: (document: EConnectDocument) => executeDocument(document, runner, DEFAULT_SIGNATURES),
            // Every sandbox transaction already has the connection to itself: no other lock can be held.
            lock: () => Promise.resolve(),
          };
          try {
            const result = await work(tx);
            db.exec('COMMIT');
            return result;
          } catch (error) {
            if (db.inTransaction) db.exec('ROLLBACK');
            throw error;
          }
        }),
      );
    },
    readInventory(query) {
      return exclusive(() => Promise.resolve(readSandboxInventory(db, query, clock(), overlapMs)));
    },
    health() {
      return exclusive(() => {
        db.prepare('SELECT 1').get();
        return Promise.resolve({ reachable: true, latencyMs: 0, detail: 'sandbox GP (embedded SQLite)' });
      });
    },
    close() {
      return exclusive(() => {
        if (db.open) db.close();
        return Promise.resolve();
      });
    },
  };
}
