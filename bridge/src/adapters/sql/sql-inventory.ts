import { Decimal } from 'decimal.js';
import sql from 'mssql';
import type { InventoryPage, InventoryRow } from '../../ports/gp-gateway.js';
import { decodeCursor, encodeCursor, nextCursor } from '../inventory-cursor.js';
import type { SqlRequest } from './sql-driver.js';

export const CHANGED_ITEMS_SQL = `SELECT TOP (@limit) RTRIM(ITEMNMBR) AS item, CONVERT(varchar(23), DEX_ROW_TS, 126) AS ts, GETUTCDATE() AS server_now
FROM IV00101 WHERE ITEMTYPE IN (1, 2, 3) AND (DEX_ROW_TS > @ts OR (DEX_ROW_TS = @ts AND ITEMNMBR > @item))
ORDER BY DEX_ROW_TS, ITEMNMBR`;

/**
 * Stock changes since the cursor (FACTS §8): items whose IV00101.DEX_ROW_TS moved (GP's zDT_IV00102 triggers
 * stamp it on every quantity change), then their IV00102 rows, available = QTYONHND − ATYALLOC. Quantities
 * are read as text so they never pass through a JS number. The overlap horizon uses the server's clock, the
 * clock that wrote DEX_ROW_TS.
 */
export async function readSqlInventory(
  request: () => Promise<SqlRequest>,
  query: { cursor: string | null; limit: number; sites: readonly string[] | 'all' },
  overlapMs: number,
): Promise<InventoryPage> {
  const from = decodeCursor(query.cursor);
  const changed = ((
    await (
      await request()
    )
      .input('limit', sql.Int, query.limit + 1)
      .input('ts', sql.DateTime, new Date(from.ts))
      .input('item', sql.Char(31), from.item)
      .query(CHANGED_ITEMS_SQL)
  ).recordset ?? []) as Array<{ item: string; ts: string; server_now: Date }>;
  const hasMore = changed.length > query.limit;
  const page = changed.slice(0, query.limit);
  if (page.length === 0) return { items: [], nextCursor: query.cursor ?? encodeCursor(from), hasMore: false };

  const quantities = await readQuantities(
    request,
    page.map((r) => r.item),
    query.sites,
  );
  const items = page.map((row): InventoryRow => {
    const sites = quantities.filter((q) => q.item === row.item);
    const available = sites.reduce((sum, s) => sum.plus(s.onHand).minus(s.allocated), new Decimal(0));
    return {
      itemNumber: row.item,
      available: available.toFixed(),
      sites: sites.map((s) => ({
        site: s.site === '' ? 'ALL' : s.site,
        onHand: s.onHand,
        allocated: s.allocated,
      })),
      changedAt: `${row.ts}Z`,
    };
  });
  const last = page.at(-1);
  const serverNow = page[0]?.server_now instanceof Date ? page[0].server_now : new Date();
  const next = nextCursor(
    from,
    last ? { ts: new Date(`${last.ts}Z`).toISOString(), item: last.item } : null,
    hasMore,
    serverNow,
    overlapMs,
  );
  return { items, nextCursor: encodeCursor(next), hasMore };
}

async function readQuantities(
  request: () => Promise<SqlRequest>,
  items: readonly string[],
  sites: readonly string[] | 'all',
) {
  let r = await request();
  items.forEach((item, i) => {
    r = r.input(`i${i}`, sql.Char(31), item);
  });
  const itemList = items.map((_, i) => `@i${i}`).join(', ');
  let siteFilter = 'RCRDTYPE = 1';
  if (sites !== 'all') {
    sites.forEach((site, i) => {
      r = r.input(`s${i}`, sql.Char(11), site);
    });
    siteFilter =
      sites.length > 0
        ? `RCRDTYPE = 2 AND LOCNCODE IN (${sites.map((_, i) => `@s${i}`).join(', ')})`
        : '1 = 0';
  }
  const text = `SELECT RTRIM(ITEMNMBR) AS item, RTRIM(LOCNCODE) AS site, CAST(QTYONHND AS varchar(40)) AS on_hand, CAST(ATYALLOC AS varchar(40)) AS allocated
FROM IV00102 WHERE ITEMNMBR IN (${itemList}) AND ${siteFilter}`;
  const rows = ((await r.query(text)).recordset ?? []) as Array<{
    item: string;
    site: string;
    on_hand: string;
    allocated: string;
  }>;
  return rows.map((row) => ({
    item: row.item,
    site: row.site,
    onHand: new Decimal(row.on_hand).toFixed(),
    allocated: new Decimal(row.allocated).toFixed(),
  }));
}
