import { Decimal } from 'decimal.js';
import {
  DEFAULT_SANDBOX_PATH,
  openSandboxDatabase,
  type SandboxClock,
  type SandboxDatabase,
} from './database.js';
import { changeQuantity } from './stock.js';

/**
 * `gp-bridge sandbox stock`: what a stock count or a receipt does in GP, so stock changes can be shown and
 * tested end to end without SQL. Sets the on-hand quantity of items at sites; the site row (RCRDTYPE 2) and
 * the all-sites row (RCRDTYPE 1) move by the same difference and the item's DEX_ROW_TS is stamped, as GP's
 * triggers do, so the inventory feed returns the item on its next poll. A list is checked as a whole first and
 * written in one transaction: one bad line writes nothing.
 */
export interface StockLevel {
  readonly item: string;
  readonly site: string;
  /** Decimal string, up to 5 decimals (GP's numeric(19,5)). */
  readonly onHand: string;
  /** Where it came from, for messages ("line 12"). */
  readonly source?: string;
}

export interface StockLevelResult {
  readonly item: string;
  readonly site: string;
  readonly before: string;
  readonly after: string;
  /** On hand − allocated over all sites, after the change. */
  readonly available: string;
}

export class StockLevelError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`stock not changed, ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'StockLevelError';
  }
}

const QUANTITY = /^-?\d{1,14}(\.\d{1,5})?$/;
const SITE_LENGTH = 10; // IV00102.LOCNCODE char(11): 10 characters and GP's terminator
const ITEM_LENGTH = 30; // IV00101.ITEMNMBR char(31)

export function setSandboxStockLevels(
  target: string | SandboxDatabase,
  levels: readonly StockLevel[],
  clock: SandboxClock = () => new Date(),
): StockLevelResult[] {
  const db = typeof target === 'string' ? openSandboxDatabase(target || DEFAULT_SANDBOX_PATH, clock) : target;
  try {
    return db.transaction(() => apply(db, levels, clock().toISOString())).immediate();
  } finally {
    if (typeof target === 'string') db.close();
  }
}

function apply(db: SandboxDatabase, levels: readonly StockLevel[], now: string): StockLevelResult[] {
  const findItem = db.prepare('SELECT ITEMNMBR, ITEMTYPE FROM IV00101 WHERE ITEMNMBR = ?');
  const problems: string[] = [];
  const resolved = levels.map((level, index) => {
    const where = level.source ?? `entry ${index + 1}`;
    const item = level.item.trim();
    const site = level.site.trim().toUpperCase();
    const row = findItem.get(item) as { ITEMNMBR: string; ITEMTYPE: number } | undefined;
    if (item === '' || item.length > ITEM_LENGTH)
      problems.push(`${where}: item number must be 1 to ${ITEM_LENGTH} characters`);
    else if (!row) problems.push(`${where}: sandbox GP has no item ${item}`);
    else if (row.ITEMTYPE > 3)
      problems.push(`${where}: ${row.ITEMNMBR} is not a stock item (item type ${row.ITEMTYPE})`);
    if (site === '' || site.length > SITE_LENGTH || site === 'ALL')
      problems.push(
        `${where}: site must be a GP site id of 1 to ${SITE_LENGTH} characters (not "${level.site}")`,
      );
    if (!QUANTITY.test(level.onHand.trim()))
      problems.push(`${where}: quantity "${level.onHand}" is not a decimal with at most 5 decimals`);
    return { item: row?.ITEMNMBR ?? item, site, onHand: level.onHand.trim() };
  });
  if (problems.length > 0) throw new StockLevelError(problems);

  const siteQuantity = db.prepare(
    'SELECT QTYONHND FROM IV00102 WHERE ITEMNMBR = ? AND RCRDTYPE = 2 AND LOCNCODE = ?',
  );
  const totals = db.prepare(
    "SELECT QTYONHND, ATYALLOC FROM IV00102 WHERE ITEMNMBR = ? AND RCRDTYPE = 1 AND LOCNCODE = ''",
  );
  return resolved.map((level) => {
    const current = siteQuantity.get(level.item, level.site) as { QTYONHND: string } | undefined;
    const before = new Decimal(current?.QTYONHND ?? '0');
    changeQuantity(db, level.item, level.site, 'QTYONHND', new Decimal(level.onHand).minus(before), now);
    const total = totals.get(level.item) as { QTYONHND: string; ATYALLOC: string };
    return {
      item: level.item,
      site: level.site,
      before: before.toFixed(),
      after: new Decimal(level.onHand).toFixed(),
      available: new Decimal(total.QTYONHND).minus(total.ATYALLOC).toFixed(),
    };
  });
}

/**
 * Reads `item,site,quantity` lines (the bulk form of `gp-bridge sandbox stock`). A first line naming the
 * columns is skipped, as are blank lines and `#` comments; fields may be double-quoted.
 */
export function parseStockCsv(text: string): { levels: StockLevel[]; problems: string[] } {
  const levels: StockLevel[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const where = `line ${index + 1}`;
    if (line === '' || line.startsWith('#')) return;
    const fields = splitCsvLine(line);
    if (index === 0 && /^item/i.test(fields[0] ?? '') && !QUANTITY.test(fields[2] ?? '')) return;
    if (fields.length !== 3) {
      problems.push(`${where}: expected 3 fields item,site,quantity`);
      return;
    }
    const [item = '', site = '', onHand = ''] = fields;
    levels.push({ item, site, onHand, source: where });
  });
  return { levels, problems };
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}
