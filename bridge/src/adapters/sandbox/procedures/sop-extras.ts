import { SANDBOX_ERROR } from '../error-texts.js';
import { customerExists } from './sop-line.js';
import type { SandboxProcedure } from './procedure-args.js';

/** taSopLineIvcTaxInsert → SOP10105 (tax detail rows), FACTS §5.3. */
export const taSopLineIvcTaxInsert: SandboxProcedure = (args, { db, now }) => {
  const missing = args.missingRequired();
  if (missing.length > 0) return missing;
  if (!customerExists(db, args.text('CUSTNMBR'))) return [SANDBOX_ERROR.CUSTOMER_NOT_FOUND];
  db.prepare(
    `INSERT OR REPLACE INTO SOP10105 (SOPTYPE, SOPNUMBE, LNITMSEQ, TAXDTLID, TAXTYPE, SALESAMT, STAXAMNT, FRTTXAMT, MSCTXAMT, DEX_ROW_TS)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    args.int('SOPTYPE'),
    args.text('SOPNUMBE'),
    args.int('LNITMSEQ'),
    args.text('TAXDTLID'),
    args.int('TAXTYPE'),
    args.amount('SALESAMT'),
    args.amount('STAXAMNT'),
    args.amount('FRTTXAMT'),
    args.amount('MSCTXAMT'),
    now,
  );
  return [];
};

const USER_DEFINED = [
  'USRDAT01',
  'USRDAT02',
  'USRTAB01',
  'USRTAB09',
  'USRTAB03',
  'USERDEF1',
  'USERDEF2',
  'USRDEF03',
  'USRDEF04',
  'USRDEF05',
] as const;

/** taSopUserDefined → SOP10106 (user-defined fields of the document), FACTS §5.4. */
export const taSopUserDefined: SandboxProcedure = (args, { db }) => {
  const missing = args.missingRequired();
  if (missing.length > 0) return missing;
  const row: Record<string, string | number | null> = {
    SOPTYPE: args.int('SOPTYPE'),
    SOPNUMBE: args.text('SOPNUMBE'),
  };
  for (const column of USER_DEFINED)
    row[column] = column.startsWith('USRDAT') ? args.text(column) || null : args.text(column);
  const columns = Object.keys(row);
  db.prepare(
    `INSERT OR REPLACE INTO SOP10106 (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  ).run(row);
  return [];
};

/** taCreateSopPaymentInsertRecord → SOP10103 (deposits and payments on the document), FACTS §5.5. */
export const taCreateSopPaymentInsertRecord: SandboxProcedure = (args, { db, now }) => {
  const missing = args.missingRequired();
  if (missing.length > 0) return missing;
  if (!customerExists(db, args.text('CUSTNMBR'))) return [SANDBOX_ERROR.CUSTOMER_NOT_FOUND];
  const sopType = args.int('SOPTYPE');
  const sopNumber = args.text('SOPNUMBE');
  const last = db
    .prepare('SELECT MAX(SEQNUMBR) AS last FROM SOP10103 WHERE SOPTYPE = ? AND SOPNUMBE = ?')
    .get(sopType, sopNumber) as { last: number | null };
  const sequence = args.int('SEQNUMBR') > 0 ? args.int('SEQNUMBR') : (last.last ?? 0) + 16384;
  db.prepare(
    `INSERT INTO SOP10103 (SOPTYPE, SOPNUMBE, SEQNUMBR, CUSTNMBR, PYMTTYPE, DOCAMNT, CHEKBKID, DOCNUMBR, DOCDATE, DEX_ROW_TS)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    sopType,
    sopNumber,
    sequence,
    args.text('CUSTNMBR'),
    args.int('PYMTTYPE'),
    args.amount('DOCAMNT'),
    args.text('CHEKBKID'),
    args.text('DOCNUMBR'),
    args.text('DOCDATE') || null,
    now,
  );
  return [];
};
