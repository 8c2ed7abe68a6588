import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SANDBOX_DDL, SANDBOX_INDEXES, SANDBOX_SCHEMA_VERSION } from './schema.js';
import { SANDBOX_SITES, SEED_CUSTOMERS, SEED_ITEMS } from './seed.js';
import { sandboxErrorRows } from './error-texts.js';

export type SandboxDatabase = Database.Database;

/** Where the sandbox lives unless configured: `.data/sandbox-gp.sqlite` under the working directory. */
export const DEFAULT_SANDBOX_PATH = '.data/sandbox-gp.sqlite';

/** The sandbox's time source, injectable so tests never depend on the wall clock. */
export type SandboxClock = () => Date;

/**
 * Opens the sandbox company database, creating and seeding it on first use. The file persists across
 * restarts; `resetSandbox` throws it away and seeds a fresh one.
 */
export function openSandboxDatabase(
  path: string = DEFAULT_SANDBOX_PATH,
  clock: SandboxClock = () => new Date(),
): SandboxDatabase {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Another process (the e2e stock helper, `sandbox reset`) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  const created =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'SANDBOX_INFO'").get() !==
    undefined;
  if (!created) seed(db, clock().toISOString());
  db.exec(SANDBOX_INDEXES);
  return db;
}

/** Deletes the sandbox file (and its WAL) and creates a freshly seeded one (`gp-bridge sandbox reset`). */
export function resetSandbox(
  path: string = DEFAULT_SANDBOX_PATH,
  clock: SandboxClock = () => new Date(),
): void {
  const file = resolve(path);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  openSandboxDatabase(file, clock).close();
}

function seed(db: SandboxDatabase, now: string): void {
  db.transaction(() => {
    db.exec(SANDBOX_DDL);
    db.prepare('INSERT INTO SANDBOX_INFO (NAME, VALUE) VALUES (?, ?), (?, ?)').run(
      'schema_version',
      SANDBOX_SCHEMA_VERSION,
      'seeded_at',
      now,
    );
    const error = db.prepare(
      'INSERT INTO SANDBOX_ERRORS (ErrorCode, SourceProc, ErrorDesc) VALUES (?, ?, ?)',
    );
    for (const row of sandboxErrorRows()) error.run(...row);
    const item = db.prepare(
      'INSERT INTO IV00101 (ITEMNMBR, ITEMDESC, ITEMTYPE, UOMSCHDL, LISTPRCE, DEX_ROW_TS) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const quantity = db.prepare(
      'INSERT INTO IV00102 (ITEMNMBR, RCRDTYPE, LOCNCODE, QTYONHND, ATYALLOC) VALUES (?, ?, ?, ?, ?)',
    );
    for (const seedItem of SEED_ITEMS) {
      item.run(seedItem.number, seedItem.description, seedItem.type, 'EACH', seedItem.listPrice, now);
      if (seedItem.type !== 1) continue;
      let total = 0;
      for (const site of SANDBOX_SITES) {
        const onHand = seedItem.stock[site] ?? '0';
        total += Number.parseInt(onHand, 10); // seed quantities are whole units
        quantity.run(seedItem.number, 2, site, onHand, '0');
      }
      quantity.run(seedItem.number, 1, '', String(total), '0');
    }
    const customer = db.prepare(
      `INSERT INTO RM00101 (CUSTNMBR, CUSTNAME, SHRTNAME, STMTNAME, ADRSCODE, PRBTADCD, PRSTADCD, STADDRCD, ADDRESS1, CITY, STATE, ZIP, COUNTRY, DEX_ROW_TS)
       VALUES (?, ?, ?, ?, 'PRIMARY', 'PRIMARY', 'PRIMARY', 'PRIMARY', ?, ?, ?, ?, ?, ?)`,
    );
    const address = db.prepare(
      "INSERT INTO RM00102 (CUSTNMBR, ADRSCODE, ShipToName, ADDRESS1, CITY, STATE, ZIP, COUNTRY, DEX_ROW_TS) VALUES (?, 'PRIMARY', ?, ?, ?, ?, ?, ?, ?)",
    );
    const internet = db.prepare(
      "INSERT INTO SY01200 (Master_Type, Master_ID, ADRSCODE, INET1, EmailToAddress, DEX_ROW_TS) VALUES ('CUS', ?, 'PRIMARY', ?, ?, ?)",
    );
    for (const c of SEED_CUSTOMERS) {
      customer.run(
        c.number,
        c.name,
        c.name.slice(0, 15),
        c.name,
        c.address1,
        c.city,
        c.state,
        c.zip,
        c.country,
        now,
      );
      address.run(c.number, c.name, c.address1, c.city, c.state, c.zip, c.country, now);
      internet.run(c.number, c.email, c.email, now);
    }
    db.prepare("INSERT INTO SY00500 (BACHNUMB, BCHSOURC, DEX_ROW_TS) VALUES ('WOO', 'Sales Entry', ?)").run(
      now,
    );
  })();
}
