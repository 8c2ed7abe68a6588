import { Decimal } from 'decimal.js';
import type { SandboxDatabase } from './database.js';

/**
 * IV00102 bookkeeping shared by the SOP procedures and the public stock helper. Site rows are RCRDTYPE 2; the
 * RCRDTYPE 1 row (LOCNCODE '') is the item total GP keeps beside them (FACTS §8). Every change stamps
 * IV00101.DEX_ROW_TS, as GP's zDT_IV00102 triggers do, which is what the inventory feed polls.
 */
type QuantityColumn = 'QTYONHND' | 'ATYALLOC';

export function changeQuantity(
  db: SandboxDatabase,
  item: string,
  site: string,
  column: QuantityColumn,
  delta: Decimal.Value,
  now: string,
): boolean {
  const siteRow = db
    .prepare('SELECT 1 FROM IV00102 WHERE ITEMNMBR = ? AND RCRDTYPE = 2 AND LOCNCODE = ?')
    .get(item, site);
  if (!siteRow) {
    const isItem = db.prepare('SELECT 1 FROM IV00101 WHERE ITEMNMBR = ? AND ITEMTYPE IN (1, 2, 3)').get(item);
    if (!isItem) return false;
    db.prepare('INSERT INTO IV00102 (ITEMNMBR, RCRDTYPE, LOCNCODE) VALUES (?, 2, ?)').run(item, site);
  }
  if (!db.prepare("SELECT 1 FROM IV00102 WHERE ITEMNMBR = ? AND RCRDTYPE = 1 AND LOCNCODE = ''").get(item)) {
    db.prepare("INSERT INTO IV00102 (ITEMNMBR, RCRDTYPE, LOCNCODE) VALUES (?, 1, '')").run(item);
  }
  for (const [type, location] of [
    [2, site],
    [1, ''],
  ] as const) {
    const row = db
      .prepare(`SELECT ${column} AS value FROM IV00102 WHERE ITEMNMBR = ? AND RCRDTYPE = ? AND LOCNCODE = ?`)
      .get(item, type, location) as { value: string };
    const next = new Decimal(row.value).plus(delta).toFixed();
    db.prepare(`UPDATE IV00102 SET ${column} = ? WHERE ITEMNMBR = ? AND RCRDTYPE = ? AND LOCNCODE = ?`).run(
      next,
      item,
      type,
      location,
    );
  }
  db.prepare('UPDATE IV00101 SET DEX_ROW_TS = ? WHERE ITEMNMBR = ?').run(now, item);
  return true;
}
