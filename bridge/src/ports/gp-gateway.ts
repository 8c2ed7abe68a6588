import type { EConnectDocument } from '../domain/econnect/document.js';
import type { SopDocumentRef, StoredRecord, StoredSopDocument } from '../domain/mapping-types.js';

/**
 * The port to a GP company database. Two adapters implement it: `sql` (SQL Server through mssql, eConnect
 * procedures) and `sandbox` (an embedded better-sqlite3 database with the same procedure contract).
 * The use cases see only this interface.
 */
export interface InventoryRow {
  readonly itemNumber: string;
  /** Available = on hand − allocated, summed over the requested sites, as a decimal string. */
  readonly available: string;
  /** Per-site figures, for the sites asked for. */
  readonly sites: ReadonlyArray<{
    readonly site: string;
    readonly onHand: string;
    readonly allocated: string;
  }>;
  /** GP change time (UTC ISO) that put the row in this page. */
  readonly changedAt: string;
}

export interface InventoryPage {
  readonly items: readonly InventoryRow[];
  /** Opaque cursor for the next call; equals the request cursor when nothing changed. */
  readonly nextCursor: string;
  readonly hasMore: boolean;
}

export interface GpLookups {
  /** GP customer number whose internet address (SY01200, Master_Type CUS) has this e-mail, case-insensitive. */
  findCustomerByEmail(email: string): Promise<string | null>;
  customerExists(customerNumber: string): Promise<boolean>;
  /** Which of these item numbers GP has (IV00101); returned as GP stores them (trimmed). */
  findItems(itemNumbers: readonly string[]): Promise<Set<string>>;
  /** SOP documents in work and history with this customer PO (and customer, when given), or this number/type. */
  findSopDocuments(query: {
    customerPo?: string;
    customerNumber?: string;
    sopType?: number;
    sopNumber?: string;
  }): Promise<SopDocumentRef[]>;
  /** Is a GP user or posting process holding this SOP batch (SY00500 BCHSTTUS / MKDTOPST)? */
  batchInUse(batchId: string): Promise<boolean>;
  /**
   * The SOP document as GP stores it (work SOP10100/SOP10200, else history SOP30200/SOP30300), keyed by eConnect
   * element names, to tell whether an order changed after it reached GP. Null when GP has no such document.
   */
  readSopDocument(sopType: number, sopNumber: string): Promise<StoredSopDocument | null>;
  /** The customer (RM00101), its addresses (RM00102) and internet addresses (SY01200), by element name. */
  readCustomer(customerNumber: string): Promise<StoredRecord | null>;
  /** The item (IV00101), by element name. */
  readItem(itemNumber: string): Promise<StoredRecord | null>;
}

export interface GpTransaction extends GpLookups {
  /**
   * Runs the document's nodes as eConnect procedure calls in document order inside this transaction. Throws
   * GpExecutionError on the first error state; the caller's transaction is then rolled back whole.
   */
  execute(document: EConnectDocument): Promise<void>;
  /**
   * Takes one more exclusive lock for the rest of this transaction (an order also writes its customer, so it
   * holds `order:<n>` and then `customer:<email>`). Locks are always taken order → customer, never the other
   * way, so two transactions cannot wait on each other.
   */
  lock(lockKey: string): Promise<void>;
}

export interface GpHealth {
  readonly reachable: boolean;
  readonly latencyMs: number;
  readonly detail?: string;
}

export interface GpGateway extends GpLookups {
  readonly mode: 'sandbox' | 'sql';
  /**
   * Runs `work` in one SQL transaction holding an exclusive application lock on `lockKey` (sp_getapplock in
   * SQL Server), so two concurrent copies of a message serialise: the second sees what the first committed.
   * Commits when `work` resolves, rolls back when it throws.
   */
  transaction<T>(lockKey: string, work: (tx: GpTransaction) => Promise<T>): Promise<T>;
  readInventory(query: {
    cursor: string | null;
    limit: number;
    sites: readonly string[] | 'all';
  }): Promise<InventoryPage>;
  health(): Promise<GpHealth>;
  close(): Promise<void>;
}

/** One eConnect error: the number from @oErrString and its text (DYNAMICS..taErrorCode or the sandbox's list). */
export interface GpErrorDetail {
  readonly number: number;
  readonly procedure: string;
  readonly text: string;
}

export type GpFailureKind =
  'unavailable' | 'timeout' | 'deadlock' | 'batch_in_use' | 'business' | 'validation';

/**
 * Thrown by adapters. `kind` decides the message result: unavailable/timeout/deadlock/batch_in_use are retried
 * (never dead-lettered), business and validation are dead letters carrying GP's numbers and text.
 */
export class GpExecutionError extends Error {
  constructor(
    readonly kind: GpFailureKind,
    message: string,
    readonly errors: readonly GpErrorDetail[] = [],
    /** Node and element at fault, when known (`taSopLineIvcInsert.ITEMNMBR`). */
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GpExecutionError';
  }

  get retryable(): boolean {
    return (
      this.kind === 'unavailable' ||
      this.kind === 'timeout' ||
      this.kind === 'deadlock' ||
      this.kind === 'batch_in_use'
    );
  }
}
