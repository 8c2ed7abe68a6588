import type { SopDocumentRef, StoredRecord, StoredSopDocument } from '../../domain/mapping-types.js';
import type { GpLookups } from '../../ports/gp-gateway.js';
import type { SandboxDatabase } from './database.js';
import { batchInUse, SALES_BATCH_SOURCE } from './procedures/sop-header.js';

/** The read side (FACTS §8) on the sandbox: the same questions the sql adapter asks GP's tables. */
export function sandboxLookups(db: SandboxDatabase): GpLookups {
  return {
    findCustomerByEmail(email) {
      // GP's collation is case-insensitive; the sandbox compares lower-cased, trimmed text.
      const row = db
        .prepare(
          `SELECT s.Master_ID AS customer FROM SY01200 s JOIN RM00101 c ON c.CUSTNMBR = s.Master_ID
           WHERE s.Master_Type = 'CUS' AND (LOWER(TRIM(s.INET1)) = LOWER(TRIM(?)) OR LOWER(TRIM(COALESCE(s.EmailToAddress, ''))) = LOWER(TRIM(?)))
           ORDER BY s.Master_ID LIMIT 1`,
        )
        .get(email, email) as { customer: string } | undefined;
      return Promise.resolve(row ? row.customer.trimEnd() : null);
    },
    customerExists(customerNumber) {
      return Promise.resolve(
        db.prepare('SELECT 1 FROM RM00101 WHERE CUSTNMBR = ?').get(customerNumber) !== undefined,
      );
    },
    findItems(itemNumbers) {
      const found = new Set<string>();
      const statement = db.prepare('SELECT ITEMNMBR FROM IV00101 WHERE ITEMNMBR = ?');
      for (const number of itemNumbers) {
        const row = statement.get(number) as { ITEMNMBR: string } | undefined;
        if (row) found.add(row.ITEMNMBR.trimEnd());
      }
      return Promise.resolve(found);
    },
    findSopDocuments(query) {
      const conditions: string[] = [];
      const values: Array<string | number> = [];
      if (query.customerPo !== undefined) {
        conditions.push('CSTPONBR = ?');
        values.push(query.customerPo);
        if (query.customerNumber !== undefined) {
          conditions.push('CUSTNMBR = ?');
          values.push(query.customerNumber);
        }
      } else if (query.sopType !== undefined && query.sopNumber !== undefined) {
        conditions.push('SOPTYPE = ? AND SOPNUMBE = ?');
        values.push(query.sopType, query.sopNumber);
      } else {
        return Promise.resolve([]);
      }
      const where = conditions.join(' AND ');
      const rows = db
        .prepare(
          `SELECT SOPTYPE, SOPNUMBE, CUSTNMBR, CSTPONBR, DOCAMNT, 0 AS posted, VOIDSTTS FROM SOP10100 WHERE ${where}
           UNION ALL
           SELECT SOPTYPE, SOPNUMBE, CUSTNMBR, CSTPONBR, DOCAMNT, 1 AS posted, VOIDSTTS FROM SOP30200 WHERE ${where}
           ORDER BY SOPTYPE, SOPNUMBE`,
        )
        .all(...values, ...values) as Array<{
        SOPTYPE: number;
        SOPNUMBE: string;
        CUSTNMBR: string;
        CSTPONBR: string;
        DOCAMNT: string;
        posted: number;
        VOIDSTTS: number;
      }>;
      return Promise.resolve(
        rows.map((r): SopDocumentRef => ({
          sopType: r.SOPTYPE,
          sopNumber: r.SOPNUMBE.trimEnd(),
          customerNumber: r.CUSTNMBR.trimEnd(),
          customerPo: r.CSTPONBR.trimEnd(),
          documentAmount: r.DOCAMNT,
          // A voided document sits in history too, but it was never posted.
          posted: r.posted === 1 && r.VOIDSTTS === 0,
          voided: r.VOIDSTTS !== 0,
        })),
      );
    },
    batchInUse(batchId) {
      return Promise.resolve(batchInUse(db, batchId));
    },
    readSopDocument(sopType, sopNumber) {
      return Promise.resolve(readSopDocument(db, sopType, sopNumber));
    },
    readCustomer(customerNumber) {
      return Promise.resolve(readCustomer(db, customerNumber));
    },
    readItem(itemNumber) {
      const row = db.prepare('SELECT * FROM IV00101 WHERE ITEMNMBR = ?').get(itemNumber) as Row | undefined;
      return Promise.resolve(row ? { fields: elements(row, {}, ['ITEMNMBR', 'DEX_ROW_TS']) } : null);
    },
  };
}

type Row = Record<string, unknown>;

/** A row as eConnect element → text: columns renamed where GP's column and element names differ. */
function elements(
  row: Row,
  renamed: Readonly<Record<string, string>>,
  skipped: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [column, value] of Object.entries(row)) {
    if (skipped.includes(column) || value === null || value === undefined) continue;
    const element = Object.hasOwn(renamed, column) ? renamed[column]! : column;
    out[element] = String(value).trimEnd();
  }
  return out;
}

const CUSTOMER_COLUMNS = { ZIP: 'ZIPCODE', PHONE1: 'PHNUMBR1', PHONE2: 'PHNUMBR2', PHONE3: 'PHNUMBR3' };
const KEY_AND_STAMP = ['CUSTNMBR', 'DEX_ROW_TS'];

function readCustomer(db: SandboxDatabase, customerNumber: string): StoredRecord | null {
  const row = db.prepare('SELECT * FROM RM00101 WHERE CUSTNMBR = ?').get(customerNumber) as Row | undefined;
  if (!row) return null;
  const addresses = (db.prepare('SELECT * FROM RM00102 WHERE CUSTNMBR = ?').all(customerNumber) as Row[]).map(
    (r) =>
      [String(r['ADRSCODE']).trim().toUpperCase(), elements(r, CUSTOMER_COLUMNS, KEY_AND_STAMP)] as const,
  );
  const internet = (
    db
      .prepare("SELECT * FROM SY01200 WHERE Master_Type = 'CUS' AND Master_ID = ?")
      .all(customerNumber) as Row[]
  ).map((r) => [String(r['ADRSCODE']).trim().toUpperCase(), elements(r, {}, ['DEX_ROW_TS'])] as const);
  return {
    // The customer row's SHRTNAME/STMTNAME default from the name when not sent: compared only when sent.
    fields: elements(row, CUSTOMER_COLUMNS, KEY_AND_STAMP),
    addresses: new Map(addresses),
    internet: new Map(internet),
  };
}

const SOP_HEADER_COLUMNS = { FRTAMNT: 'FREIGHT' };

function readSopDocument(db: SandboxDatabase, sopType: number, sopNumber: string): StoredSopDocument | null {
  const work = db
    .prepare('SELECT * FROM SOP10100 WHERE SOPTYPE = ? AND SOPNUMBE = ?')
    .get(sopType, sopNumber) as Row | undefined;
  if (work) {
    const lines = db
      .prepare(
        'SELECT LNITMSEQ, ITEMNMBR, QUANTITY, UNITPRCE, XTNDPRCE FROM SOP10200 WHERE SOPTYPE = ? AND SOPNUMBE = ? AND CMPNTSEQ = 0 ORDER BY LNITMSEQ',
      )
      .all(sopType, sopNumber) as Row[];
    return {
      sopType,
      sopNumber: String(work['SOPNUMBE']).trimEnd(),
      posted: false,
      voided: Number(work['VOIDSTTS']) !== 0,
      header: elements(work, SOP_HEADER_COLUMNS, ['DEX_ROW_TS']),
      lines: lines.map((l) => elements(l, {}, [])),
    };
  }
  const history = db
    .prepare('SELECT * FROM SOP30200 WHERE SOPTYPE = ? AND SOPNUMBE = ?')
    .get(sopType, sopNumber) as Row | undefined;
  if (!history) return null;
  // The sandbox's history keeps the document amount, not the lines: posted documents compare on DOCAMNT.
  const voided = Number(history['VOIDSTTS']) !== 0;
  return {
    sopType,
    sopNumber: String(history['SOPNUMBE']).trimEnd(),
    posted: !voided,
    voided,
    header: elements(history, {}, ['DEX_ROW_TS', 'POSTEDDT']),
  };
}

export { SALES_BATCH_SOURCE };
