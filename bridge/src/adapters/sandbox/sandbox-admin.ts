import { Decimal } from 'decimal.js';
import {
  DEFAULT_SANDBOX_PATH,
  openSandboxDatabase,
  type SandboxClock,
  type SandboxDatabase,
} from './database.js';
import { moveToHistory, SALES_BATCH_SOURCE } from './procedures/sop-header.js';
import { changeQuantity } from './stock.js';

/**
 * Things a GP user would do in GP itself, for demos, e2e and tests: receive or count stock, post a document,
 * open a batch. Each runs in its own transaction and stamps DEX_ROW_TS as GP's triggers would.
 */
type Target = string | SandboxDatabase;

function withDatabase<T>(
  target: Target,
  clock: SandboxClock,
  action: (db: SandboxDatabase, now: string) => T,
): T {
  const db = typeof target === 'string' ? openSandboxDatabase(target || DEFAULT_SANDBOX_PATH, clock) : target;
  try {
    return db.transaction(() => action(db, clock().toISOString())).immediate();
  } finally {
    if (typeof target === 'string') db.close();
  }
}

export interface StockChange {
  readonly item: string;
  readonly site: string;
  /** Set on hand to this quantity … */
  readonly onHand?: string;
  /** … or add this (negative to remove). */
  readonly delta?: string;
}

/** Changes on-hand stock of an item at a site; returns the new on-hand figure for that site. */
export function adjustSandboxStock(
  target: Target,
  change: StockChange,
  clock: SandboxClock = () => new Date(),
): string {
  return withDatabase(target, clock, (db, now) => {
    const current = db
      .prepare('SELECT QTYONHND FROM IV00102 WHERE ITEMNMBR = ? AND RCRDTYPE = 2 AND LOCNCODE = ?')
      .get(change.item, change.site) as { QTYONHND: string } | undefined;
    const before = new Decimal(current?.QTYONHND ?? '0');
    const delta =
      change.onHand !== undefined
        ? new Decimal(change.onHand).minus(before)
        : new Decimal(change.delta ?? '0');
    if (!changeQuantity(db, change.item, change.site, 'QTYONHND', delta, now)) {
      throw new Error(`sandbox GP has no stock item ${change.item}`);
    }
    return before.plus(delta).toFixed();
  });
}

/** Posts an unposted document (moves it to SOP30200), as GP's posting would. */
export function postSandboxDocument(
  target: Target,
  sopType: number,
  sopNumber: string,
  clock: SandboxClock = () => new Date(),
): void {
  withDatabase(target, clock, (db, now) => {
    const header = db
      .prepare('SELECT * FROM SOP10100 WHERE SOPTYPE = ? AND SOPNUMBE = ?')
      .get(sopType, sopNumber) as Record<string, unknown> | undefined;
    if (!header) throw new Error(`sandbox GP has no unposted document ${sopType}/${sopNumber}`);
    moveToHistory(db, header, 0, now);
  });
}

/** Marks a SOP batch as opened by a user (BCHSTTUS) or not, to show `batch_in_use`. */
export function setSandboxBatchInUse(
  target: Target,
  batch: string,
  inUse: boolean,
  clock: SandboxClock = () => new Date(),
): void {
  withDatabase(target, clock, (db, now) => {
    db.prepare(
      `INSERT INTO SY00500 (BACHNUMB, BCHSOURC, BCHSTTUS, DEX_ROW_TS) VALUES (?, ?, ?, ?)
       ON CONFLICT (BACHNUMB, BCHSOURC) DO UPDATE SET BCHSTTUS = excluded.BCHSTTUS, DEX_ROW_TS = excluded.DEX_ROW_TS`,
    ).run(batch, SALES_BATCH_SOURCE, inUse ? 1 : 0, now);
  });
}
