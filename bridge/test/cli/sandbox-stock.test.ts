import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxGateway } from '../../src/adapters/sandbox/sandbox-gateway.js';
import { resetSandbox } from '../../src/adapters/sandbox/database.js';

const BRIDGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(BRIDGE_DIR, 'src/cli.ts');
const TSX = join(BRIDGE_DIR, '../node_modules/.bin/tsx');
const work = mkdtempSync(join(tmpdir(), 'gp-bridge-stock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], {
      cwd: work,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GPSYNC_LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

interface QuantityRow {
  RCRDTYPE: number;
  LOCNCODE: string;
  QTYONHND: string;
  ATYALLOC: string;
}

let path: string;
let env: Record<string, string>;
const SEEDED_AT = '2026-11-29T04:00:00.000Z';

/** Rows of IV00102 for an item, and the item's change stamp. */
function stock(item: string): { rows: QuantityRow[]; ts: string } {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare(
        'SELECT RCRDTYPE, LOCNCODE, QTYONHND, ATYALLOC FROM IV00102 WHERE ITEMNMBR = ? ORDER BY RCRDTYPE, LOCNCODE',
      )
      .all(item) as QuantityRow[];
    const { DEX_ROW_TS: ts } = db.prepare('SELECT DEX_ROW_TS FROM IV00101 WHERE ITEMNMBR = ?').get(item) as {
      DEX_ROW_TS: string;
    };
    return { rows, ts };
  } finally {
    db.close();
  }
}

/** The all-sites row (RCRDTYPE 1) always equals the sum of the site rows (RCRDTYPE 2). */
function expectConsistent(rows: QuantityRow[]): void {
  const sites = rows.filter((r) => r.RCRDTYPE === 2);
  const total = rows.find((r) => r.RCRDTYPE === 1);
  const sum = (column: 'QTYONHND' | 'ATYALLOC') =>
    sites.reduce((acc, r) => acc + Math.round(Number(r[column]) * 100000), 0);
  expect(total).toBeDefined();
  expect(Math.round(Number(total?.QTYONHND) * 100000)).toBe(sum('QTYONHND'));
  expect(Math.round(Number(total?.ATYALLOC) * 100000)).toBe(sum('ATYALLOC'));
}

beforeEach((context) => {
  path = join(work, `${context.task.id}.sqlite`);
  resetSandbox(path, () => new Date(SEEDED_AT));
  env = { GPSYNC_SANDBOX_PATH: path };
});

describe('gp-bridge sandbox stock', () => {
  it('when one item is set at one site, then that site and the all-sites row move together and the item is stamped', async () => {
    const result = await run(['sandbox', 'stock', 'wcgp-mug-001', 'west', '7.5'], env);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('WCGP-MUG-001 at WEST: on hand 35 → 7.5; available over all sites 127.5');
    const { rows, ts } = stock('WCGP-MUG-001');
    expect(rows.find((r) => r.LOCNCODE === 'WEST')?.QTYONHND).toBe('7.5');
    expect(rows.find((r) => r.RCRDTYPE === 1)?.QTYONHND).toBe('127.5');
    expectConsistent(rows);
    expect(ts > SEEDED_AT).toBe(true);
  });

  it('when stock is set, then the next inventory poll returns the item with the new available quantity', async () => {
    const gateway = createSandboxGateway({ path, overlapMs: 0 });
    try {
      let cursor: string | null = null;
      for (;;) {
        const page = await gateway.readInventory({ cursor, limit: 500, sites: 'all' });
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      expect((await gateway.readInventory({ cursor, limit: 500, sites: 'all' })).items).toEqual([]);

      expect((await run(['sandbox', 'stock', 'WCGP-PEN-002', 'MAIN', '-3'], env)).code).toBe(0);

      const page = await gateway.readInventory({ cursor, limit: 500, sites: 'all' });
      expect(page.items.map((i) => [i.itemNumber, i.available])).toEqual([['WCGP-PEN-002', '77']]);
      const main = await gateway.readInventory({ cursor, limit: 500, sites: ['MAIN'] });
      expect(main.items.map((i) => [i.itemNumber, i.available])).toEqual([['WCGP-PEN-002', '-3']]);
    } finally {
      await gateway.close();
    }
  });

  it('when a CSV with a header, quotes and comments is given, then every line is applied in one go', async () => {
    const csv = join(work, 'levels.csv');
    writeFileSync(
      csv,
      'item,site,quantity\n# a stock count\n"WCGP-MUG-001",MAIN,10\nWCGP-PEN-002 , WEST , 0.25\n\nWCGP-MUG-001,NORTH,4\n',
    );

    const result = await run(['sandbox', 'stock', '--csv', csv], env);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 stock level(s) set in one transaction');
    const mug = stock('WCGP-MUG-001').rows;
    expect(mug.map((r) => [r.RCRDTYPE, r.LOCNCODE, r.QTYONHND])).toEqual([
      [1, '', '49'],
      [2, 'MAIN', '10'],
      [2, 'NORTH', '4'],
      [2, 'WEST', '35'],
    ]);
    expectConsistent(mug);
    expect(stock('WCGP-PEN-002').rows.find((r) => r.LOCNCODE === 'WEST')?.QTYONHND).toBe('0.25');
    expectConsistent(stock('WCGP-PEN-002').rows);
  });

  it('when the CSV comes on stdin and one line is wrong, then nothing is written and each problem names its line', async () => {
    const before = stock('WCGP-MUG-001');

    const result = await run(
      ['sandbox', 'stock', '--csv', '-'],
      env,
      'WCGP-MUG-001,MAIN,1\nNO-SUCH-ITEM,MAIN,2\nWCGP-DON-005,MAIN,3\nWCGP-PEN-002,MAIN,1.123456\nWCGP-PEN-002,,1\n',
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 2: sandbox GP has no item NO-SUCH-ITEM');
    expect(result.stderr).toContain('line 3: WCGP-DON-005 is not a stock item');
    expect(result.stderr).toContain('line 4: quantity "1.123456" is not a decimal with at most 5 decimals');
    expect(result.stderr).toContain('line 5: site must be a GP site id');
    expect(stock('WCGP-MUG-001')).toEqual(before);
  });

  it('when a CSV line has the wrong number of fields, then it is refused before anything is read from GP', async () => {
    const result = await run(['sandbox', 'stock', '--csv', '-'], env, 'WCGP-MUG-001,MAIN\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 1: expected 3 fields item,site,quantity');
  });

  it('when arguments are missing or GP is SQL Server, then it refuses with exit 2', async () => {
    expect((await run(['sandbox', 'stock', 'WCGP-MUG-001', 'MAIN'], env)).code).toBe(2);
    const sql = await run(['sandbox', 'stock', 'WCGP-MUG-001', 'MAIN', '1'], {
      GPSYNC_SQL_SERVER: 'gp-sql',
      GPSYNC_SQL_DATABASE: 'TWO',
      GPSYNC_SQL_USER: 'u',
      GPSYNC_SQL_PASSWORD: 'p',
    });
    expect(sql.code).toBe(2);
    expect(sql.stderr).toContain('GP mode is sql; refusing to touch anything');
  });
});
