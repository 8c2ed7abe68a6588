import { Decimal } from 'decimal.js';
import type { InventoryPage, InventoryRow } from '../../ports/gp-gateway.js';
import { decodeCursor, encodeCursor, nextCursor } from '../inventory-cursor.js';
import type { SandboxDatabase } from './database.js';

export interface InventoryQuery {
  readonly cursor: string | null;
  readonly limit: number;
  readonly sites: readonly string[] | 'all';
}

/**
 * Stock changes since the cursor: items whose IV00101.DEX_ROW_TS moved (stock changes stamp it), with
 * available = on hand − allocated from IV00102, RCRDTYPE 1 for all sites or RCRDTYPE 2 summed over the sites
 * asked for (FACTS §8).
 */
export function readSandboxInventory(
  db: SandboxDatabase,
  query: InventoryQuery,
  now: Date,
  overlapMs: number,
): InventoryPage {
  const from = decodeCursor(query.cursor);
  const rows = db
    .prepare(
      `SELECT ITEMNMBR, DEX_ROW_TS FROM IV00101 WHERE ITEMTYPE IN (1, 2, 3) AND (DEX_ROW_TS > ? OR (DEX_ROW_TS = ? AND ITEMNMBR > ?))
       ORDER BY DEX_ROW_TS, ITEMNMBR LIMIT ?`,
    )
    .all(from.ts, from.ts, from.item, query.limit + 1) as Array<{ ITEMNMBR: string; DEX_ROW_TS: string }>;
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const quantities =
    query.sites === 'all'
      ? db.prepare('SELECT LOCNCODE, QTYONHND, ATYALLOC FROM IV00102 WHERE ITEMNMBR = ? AND RCRDTYPE = 1')
      : db.prepare(
          `SELECT LOCNCODE, QTYONHND, ATYALLOC FROM IV00102 WHERE ITEMNMBR = ? AND RCRDTYPE = 2 AND LOCNCODE IN (${query.sites.map(() => '?').join(', ') || "''"})`,
        );
  const items = page.map((row): InventoryRow => {
    const siteRows = quantities.all(row.ITEMNMBR, ...(query.sites === 'all' ? [] : query.sites)) as Array<{
      LOCNCODE: string;
      QTYONHND: string;
      ATYALLOC: string;
    }>;
    const available = siteRows.reduce((sum, s) => sum.plus(s.QTYONHND).minus(s.ATYALLOC), new Decimal(0));
    return {
      itemNumber: row.ITEMNMBR.trimEnd(),
      available: available.toFixed(),
      sites: siteRows.map((s) => ({
        site: s.LOCNCODE === '' ? 'ALL' : s.LOCNCODE,
        onHand: s.QTYONHND,
        allocated: s.ATYALLOC,
      })),
      changedAt: row.DEX_ROW_TS,
    };
  });
  const lastRow = page.at(-1);
  const last = lastRow ? { ts: lastRow.DEX_ROW_TS, item: lastRow.ITEMNMBR } : null;
  return {
    items,
    nextCursor:
      query.cursor !== null && last === null
        ? query.cursor
        : encodeCursor(nextCursor(from, last, hasMore, now, overlapMs)),
    hasMore,
  };
}
