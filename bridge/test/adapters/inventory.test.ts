import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../src/adapters/inventory-cursor.js';
import { adjustSandboxStock } from '../../src/adapters/sandbox/sandbox-admin.js';
import { createSandboxGateway, type SandboxGateway } from '../../src/adapters/sandbox/sandbox-gateway.js';
import { createSqlGateway } from '../../src/adapters/sql/sql-gateway.js';
import type { InventoryPage } from '../../src/ports/gp-gateway.js';
import { FakeMssql } from '../support/fake-mssql.js';
import { orderDocument, seededOrder } from '../support/gp-documents.js';

const T0 = Date.parse('2026-11-29T04:00:00.000Z');
const minutes = (n: number) => new Date(T0 + n * 60_000);
let now = minutes(0);
const clock = () => now;
let dir: string;
let gateway: SandboxGateway;

beforeEach(() => {
  now = minutes(0);
  dir = mkdtempSync(join(tmpdir(), 'gp-inventory-'));
  gateway = createSandboxGateway({ path: join(dir, 'gp.sqlite'), clock, overlapMs: 5 * 60_000 });
});
afterEach(async () => {
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
});

async function readAll(
  cursor: string | null,
  limit: number,
): Promise<{ pages: InventoryPage[]; cursor: string }> {
  const pages: InventoryPage[] = [];
  let next = cursor;
  for (;;) {
    const page = await gateway.readInventory({ cursor: next, limit, sites: 'all' });
    pages.push(page);
    next = page.nextCursor;
    if (!page.hasMore) return { pages, cursor: next };
  }
}

describe('inventory feed on the sandbox', () => {
  it('when read from the start in pages, then every stock item comes once, in pages that say whether more follow', async () => {
    now = minutes(10);
    const { pages } = await readAll(null, 10);
    const items = pages.flatMap((p) => p.items.map((i) => i.itemNumber));
    expect(pages.map((p) => [p.items.length, p.hasMore])).toEqual([
      [10, true],
      [10, true],
      [7, false],
    ]);
    expect(new Set(items).size).toBe(27);
    expect(items).not.toContain('WCGP-DON-005'); // a service item carries no stock
  });

  it('when nothing changed since the cursor, then no items and the same cursor back', async () => {
    now = minutes(10);
    const { cursor } = await readAll(null, 100);
    const page = await gateway.readInventory({ cursor, limit: 100, sites: 'all' });
    expect(page).toEqual({ items: [], nextCursor: cursor, hasMore: false });
  });

  it('when stock changes, then the next poll returns that item with available = on hand − allocated', async () => {
    now = minutes(10);
    const { cursor } = await readAll(null, 100);
    now = minutes(11);
    adjustSandboxStock(gateway.db, { item: 'WCGP-MUG-001', site: 'WEST', delta: '5' }, clock);
    await gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder())));

    const page = await gateway.readInventory({ cursor, limit: 100, sites: 'all' });
    const mug = page.items.find((i) => i.itemNumber === 'WCGP-MUG-001');
    expect(page.items.map((i) => i.itemNumber).sort()).toEqual(['WCGP-MUG-001', 'WCGP-PEN-002']);
    expect(mug).toEqual({
      itemNumber: 'WCGP-MUG-001',
      available: '158',
      sites: [{ site: 'ALL', onHand: '160', allocated: '2' }],
      changedAt: minutes(11).toISOString(),
    });

    const main = await gateway.readInventory({ cursor, limit: 100, sites: ['MAIN'] });
    expect(main.items.find((i) => i.itemNumber === 'WCGP-MUG-001')?.available).toBe('118');
  });

  it('when a change is newer than the overlap window, then it is read again on the next poll, and not after the window', async () => {
    now = minutes(10);
    const { cursor } = await readAll(null, 100);
    now = minutes(11);
    adjustSandboxStock(gateway.db, { item: 'WCGP-TOTE-007', site: 'MAIN', onHand: '70' }, clock);
    const first = await gateway.readInventory({ cursor, limit: 100, sites: 'all' });
    expect(decodeCursor(first.nextCursor).ts).toBe(minutes(6).toISOString());
    const again = await gateway.readInventory({ cursor: first.nextCursor, limit: 100, sites: 'all' });
    expect(again.items.map((i) => i.itemNumber)).toEqual(['WCGP-TOTE-007']);
    now = minutes(20);
    const settled = await gateway.readInventory({ cursor: again.nextCursor, limit: 100, sites: 'all' });
    const after = await gateway.readInventory({ cursor: settled.nextCursor, limit: 100, sites: 'all' });
    expect(after.items).toEqual([]);
  });

  it('when the cursor was not issued by the bridge, then it is refused', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(InvalidCursorError);
    expect(decodeCursor(encodeCursor({ ts: '2026-11-29T04:00:00.000Z', item: 'X' }))).toEqual({
      ts: '2026-11-29T04:00:00.000Z',
      item: 'X',
    });
  });
});

describe('inventory feed on SQL Server', () => {
  it('when polled, then IV00101 changes are read by DEX_ROW_TS with typed inputs and quantities stay decimal strings', async () => {
    const fake = new FakeMssql();
    fake.queryHandler = (text) => {
      if (text.includes('FROM IV00101'))
        return [{ item: 'WCGP-MUG-001', ts: '2026-11-29T03:00:00.000', server_now: minutes(0) }];
      if (text.includes('FROM IV00102')) {
        return [
          { item: 'WCGP-MUG-001', site: 'MAIN', on_hand: '120.00000', allocated: '2.50000' },
          { item: 'WCGP-MUG-001', site: 'WEST', on_hand: '35.00000', allocated: '0.00000' },
        ];
      }
      return undefined;
    };
    const sqlGateway = createSqlGateway(
      {
        server: 's',
        port: 1433,
        database: 'TWO',
        user: 'u',
        password: 'p',
        encrypt: true,
        trustServerCertificate: false,
        poolMax: 1,
        requestTimeoutMs: 1000,
      },
      { driver: fake },
    );
    const page = await sqlGateway.readInventory({ cursor: null, limit: 50, sites: ['MAIN', 'WEST'] });
    expect(page.items).toEqual([
      {
        itemNumber: 'WCGP-MUG-001',
        available: '152.5',
        sites: [
          { site: 'MAIN', onHand: '120', allocated: '2.5' },
          { site: 'WEST', onHand: '35', allocated: '0' },
        ],
        changedAt: '2026-11-29T03:00:00.000Z',
      },
    ]);
    expect(decodeCursor(page.nextCursor)).toEqual({ ts: '2026-11-29T03:00:00.000Z', item: 'WCGP-MUG-001' });
    const [changes, quantities] = fake.statements;
    expect(changes?.inputs.map((i) => `${i.name}:${i.type}`)).toEqual([
      'limit:int',
      'ts:datetime',
      'item:char(31)',
    ]);
    expect(changes?.inputs[0]?.value).toBe(51);
    expect(quantities?.text).toContain('RCRDTYPE = 2 AND LOCNCODE IN (@s0, @s1)');
    expect(quantities?.inputs.map((i) => `${i.name}:${i.type}=${String(i.value)}`)).toEqual([
      'i0:char(31)=WCGP-MUG-001',
      's0:char(11)=MAIN',
      's1:char(11)=WEST',
    ]);
  });
});
