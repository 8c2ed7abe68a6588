import { Decimal } from 'decimal.js';
import { SANDBOX_ERROR } from '../error-texts.js';
import type { SandboxDatabase } from '../database.js';
import { customerExists, documentExists } from './sop-line.js';
import type { ProcedureArgs, SandboxProcedure } from './procedure-args.js';

/** SY00500 source of SOP batches. */
export const SALES_BATCH_SOURCE = 'Sales Entry';

/**
 * taSopHdrIvcInsert → SOP10100, FACTS §5.1 and §6. Runs after its lines, so it checks the document as a whole:
 * customer exists, number not used in work or history (2221), batch not held by a user or posting (SY00500),
 * SUBTOTAL = Σ line XTNDPRCE and no line of another SOPTYPE under this number (67), every line in the
 * header's currency (9370), DOCAMNT = SUBTOTAL + FREIGHT + MISCAMNT + TAXAMNT + FRTTXAMT + MSCTXAMT − TRDISAMT
 * (235). Adds the document to its batch (creating the batch as GP does on first use). ORIGTYPE/ORIGNUMB are
 * stored as given and move nothing: eConnect's header insert does not transfer the Order (the mapper deletes
 * the Order in the same document), so neither does the sandbox.
 */
export const taSopHdrIvcInsert: SandboxProcedure = (args, { db, now }) => {
  const missing = args.missingRequired();
  if (missing.length > 0) return missing;
  const sopType = args.int('SOPTYPE');
  const sopNumber = args.text('SOPNUMBE');
  const batch = args.text('BACHNUMB');
  if (!customerExists(db, args.text('CUSTNMBR'))) return [SANDBOX_ERROR.CUSTOMER_NOT_FOUND];
  if (documentExists(db, sopType, sopNumber)) return [SANDBOX_ERROR.DUPLICATE_DOCUMENT];
  if (batchInUse(db, batch)) return [SANDBOX_ERROR.BATCH_IN_USE];

  const errors: number[] = [];
  const lines = db
    .prepare('SELECT SOPTYPE, XTNDPRCE, CURNCYID FROM SOP10200 WHERE SOPNUMBE = ?')
    .all(sopNumber) as Array<{
    SOPTYPE: number;
    XTNDPRCE: string;
    CURNCYID: string;
  }>;
  const ownLines = lines.filter((l) => l.SOPTYPE === sopType);
  const strayLines = lines.filter((l) => l.SOPTYPE !== sopType && !documentExists(db, l.SOPTYPE, sopNumber));
  const lineSum = ownLines.reduce((sum, l) => sum.plus(l.XTNDPRCE), new Decimal(0));
  const subtotal = args.int('DEFPRICING') === 1 ? lineSum : new Decimal(args.amount('SUBTOTAL'));
  if (!subtotal.equals(lineSum) || strayLines.length > 0) errors.push(SANDBOX_ERROR.SUBTOTAL_MISMATCH);
  const currency = args.text('CURNCYID');
  if (ownLines.some((l) => l.CURNCYID !== currency)) errors.push(SANDBOX_ERROR.CURRENCY_MISMATCH);
  const components = subtotal
    .plus(args.amount('FREIGHT'))
    .plus(args.amount('MISCAMNT'))
    .plus(args.amount('TAXAMNT'))
    .plus(args.amount('FRTTXAMT'))
    .plus(args.amount('MSCTXAMT'))
    .minus(args.amount('TRDISAMT'));
  const documentAmount = new Decimal(args.amount('DOCAMNT'));
  if (!components.equals(documentAmount)) errors.push(SANDBOX_ERROR.DOCUMENT_AMOUNT_MISMATCH);
  if (errors.length > 0) return errors;

  insertHeader(db, args, now, subtotal, documentAmount);
  addToBatch(db, batch, documentAmount, now);
  return [];
};

/** Is a GP user or a posting process holding the batch? (SY00500 BCHSTTUS <> 0 or MKDTOPST = 1). */
export function batchInUse(db: SandboxDatabase, batch: string): boolean {
  return (
    db
      .prepare(
        'SELECT 1 FROM SY00500 WHERE BACHNUMB = ? AND BCHSOURC = ? AND (BCHSTTUS <> 0 OR MKDTOPST = 1)',
      )
      .get(batch, SALES_BATCH_SOURCE) !== undefined
  );
}

function insertHeader(
  db: SandboxDatabase,
  args: ProcedureArgs,
  now: string,
  subtotal: Decimal,
  documentAmount: Decimal,
): void {
  const customer = db
    .prepare('SELECT CUSTNMBR, CUSTNAME FROM RM00101 WHERE CUSTNMBR = ?')
    .get(args.text('CUSTNMBR')) as { CUSTNMBR: string; CUSTNAME: string };
  const row = {
    SOPTYPE: args.int('SOPTYPE'),
    SOPNUMBE: args.text('SOPNUMBE'),
    DOCID: args.text('DOCID'),
    BACHNUMB: args.text('BACHNUMB'),
    ORIGTYPE: args.int('ORIGTYPE'),
    ORIGNUMB: args.text('ORIGNUMB'),
    DOCDATE: args.text('DOCDATE'),
    CUSTNMBR: customer.CUSTNMBR,
    CUSTNAME: args.text('CUSTNAME') || customer.CUSTNAME,
    CSTPONBR: args.text('CSTPONBR'),
    LOCNCODE: args.text('LOCNCODE'),
    SHIPMTHD: args.text('SHIPMTHD'),
    PRSTADCD: args.text('PRSTADCD'),
    PRBTADCD: args.text('PRBTADCD'),
    ShipToName: args.text('ShipToName'),
    ADDRESS1: args.text('ADDRESS1'),
    ADDRESS2: args.text('ADDRESS2'),
    ADDRESS3: args.text('ADDRESS3'),
    CITY: args.text('CITY'),
    STATE: args.text('STATE'),
    ZIPCODE: args.text('ZIPCODE'),
    COUNTRY: args.text('COUNTRY'),
    SUBTOTAL: subtotal.toFixed(),
    TRDISAMT: args.amount('TRDISAMT'),
    FRTAMNT: args.amount('FREIGHT'),
    MISCAMNT: args.amount('MISCAMNT'),
    TAXAMNT: args.amount('TAXAMNT'),
    FRTTXAMT: args.amount('FRTTXAMT'),
    MSCTXAMT: args.amount('MSCTXAMT'),
    DOCAMNT: documentAmount.toFixed(),
    PYMTRCVD: args.amount('PYMTRCVD'),
    CURNCYID: args.text('CURNCYID'),
    COMMENT_1: args.text('COMMENT_1'),
    NOTETEXT: args.text('NOTETEXT'),
    DEX_ROW_TS: now,
  };
  const columns = Object.keys(row);
  db.prepare(
    `INSERT INTO SOP10100 (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  ).run(row);
}

function addToBatch(db: SandboxDatabase, batch: string, amount: Decimal, now: string): void {
  const row = db
    .prepare('SELECT BCHTOTAL FROM SY00500 WHERE BACHNUMB = ? AND BCHSOURC = ?')
    .get(batch, SALES_BATCH_SOURCE) as { BCHTOTAL: string } | undefined;
  if (!row) {
    db.prepare(
      'INSERT INTO SY00500 (BACHNUMB, BCHSOURC, NUMOFTRX, BCHTOTAL, DEX_ROW_TS) VALUES (?, ?, 1, ?, ?)',
    ).run(batch, SALES_BATCH_SOURCE, amount.toFixed(), now);
    return;
  }
  db.prepare(
    'UPDATE SY00500 SET NUMOFTRX = NUMOFTRX + 1, BCHTOTAL = ?, DEX_ROW_TS = ? WHERE BACHNUMB = ? AND BCHSOURC = ?',
  ).run(new Decimal(row.BCHTOTAL).plus(amount).toFixed(), now, batch, SALES_BATCH_SOURCE);
}

/** Moves a work header to SOP30200 (posted, or voided when `voided` = 1). */
export function moveToHistory(
  db: SandboxDatabase,
  header: Record<string, unknown>,
  voided: 0 | 1,
  now: string,
): void {
  db.prepare(
    `INSERT INTO SOP30200 (SOPTYPE, SOPNUMBE, DOCID, BACHNUMB, DOCDATE, CUSTNMBR, CSTPONBR, DOCAMNT, VOIDSTTS, POSTEDDT, DEX_ROW_TS)
     VALUES (@SOPTYPE, @SOPNUMBE, @DOCID, @BACHNUMB, @DOCDATE, @CUSTNMBR, @CSTPONBR, @DOCAMNT, @VOIDSTTS, @POSTEDDT, @DEX_ROW_TS)`,
  ).run({ ...pick(header), VOIDSTTS: voided, POSTEDDT: now.slice(0, 10), DEX_ROW_TS: now });
  db.prepare('DELETE FROM SOP10100 WHERE SOPTYPE = ? AND SOPNUMBE = ?').run(
    header['SOPTYPE'],
    header['SOPNUMBE'],
  );
}

function pick(header: Record<string, unknown>): Record<string, unknown> {
  const { SOPTYPE, SOPNUMBE, DOCID, BACHNUMB, DOCDATE, CUSTNMBR, CSTPONBR, DOCAMNT } = header;
  return { SOPTYPE, SOPNUMBE, DOCID, BACHNUMB, DOCDATE, CUSTNMBR, CSTPONBR, DOCAMNT };
}
