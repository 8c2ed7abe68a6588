import { Decimal } from 'decimal.js';
import { SANDBOX_ERROR } from '../error-texts.js';
import { changeQuantity } from '../stock.js';
import type { ProcedureArgs, SandboxProcedure, SandboxProcedureContext } from './procedure-args.js';

/** Default site when a line names none (GP takes it from the item / IV setup). */
export const SANDBOX_DEFAULT_SITE = 'MAIN';

/** Does GP already hold this document number for this type, in work or in history? */
export function documentExists(
  db: SandboxProcedureContext['db'],
  sopType: number,
  sopNumber: string,
): boolean {
  return (
    db.prepare('SELECT 1 FROM SOP10100 WHERE SOPTYPE = ? AND SOPNUMBE = ?').get(sopType, sopNumber) !==
      undefined ||
    db.prepare('SELECT 1 FROM SOP30200 WHERE SOPTYPE = ? AND SOPNUMBE = ?').get(sopType, sopNumber) !==
      undefined
  );
}

export function customerExists(db: SandboxProcedureContext['db'], customer: string): boolean {
  return db.prepare('SELECT 1 FROM RM00101 WHERE CUSTNMBR = ?').get(customer) !== undefined;
}

/**
 * taSopLineIvcInsert → SOP10200, FACTS §5.2. Lines run before their header (schema order), so the checks that
 * need the whole document (67, 235, currency) are the header's; a line checks itself: customer, item (unless
 * non-inventory), duplicate document or line, and UNITPRCE × QUANTITY = XTNDPRCE (722). Orders and invoices
 * allocate stock (ATYALLOC) at the line's site, as GP does on entry.
 */
export const taSopLineIvcInsert: SandboxProcedure = (args, ctx) => {
  const missing = args.missingRequired();
  if (missing.length > 0) return missing;
  const { db, now } = ctx;
  const sopType = args.int('SOPTYPE');
  const sopNumber = args.text('SOPNUMBE');
  if (sopType < 1 || sopType > 6) return [SANDBOX_ERROR.LINE_WITHOUT_DOCUMENT_TYPE];
  if (!customerExists(db, args.text('CUSTNMBR'))) return [SANDBOX_ERROR.CUSTOMER_NOT_FOUND];
  if (documentExists(db, sopType, sopNumber)) return [SANDBOX_ERROR.DUPLICATE_DOCUMENT];

  const nonInventory = args.int('NONINVEN') === 1;
  const item = db
    .prepare('SELECT ITEMNMBR, ITEMDESC, ITEMTYPE FROM IV00101 WHERE ITEMNMBR = ?')
    .get(args.text('ITEMNMBR')) as { ITEMNMBR: string; ITEMDESC: string; ITEMTYPE: number } | undefined;
  if (!item && !nonInventory) return [SANDBOX_ERROR.ITEM_NOT_FOUND];

  const quantity = new Decimal(args.amount('QUANTITY'));
  const unitPrice = new Decimal(args.amount('UNITPRCE'));
  const extended =
    args.int('DEFEXTPRICE') === 1 ? unitPrice.times(quantity) : new Decimal(args.amount('XTNDPRCE'));
  if (!sameCents(unitPrice.times(quantity), extended)) return [SANDBOX_ERROR.EXTENDED_PRICE_MISMATCH];

  const sequence = lineSequence(args, ctx, sopType, sopNumber);
  if (
    db
      .prepare('SELECT 1 FROM SOP10200 WHERE SOPTYPE = ? AND SOPNUMBE = ? AND LNITMSEQ = ?')
      .get(sopType, sopNumber, sequence)
  ) {
    return [SANDBOX_ERROR.DUPLICATE_LINE];
  }
  const site = args.text('LOCNCODE') || SANDBOX_DEFAULT_SITE;
  const allocates =
    !nonInventory && (sopType === 2 || sopType === 3) && item !== undefined && item.ITEMTYPE <= 3;
  db.prepare(
    `INSERT INTO SOP10200 (SOPTYPE, SOPNUMBE, LNITMSEQ, ITEMNMBR, ITEMDESC, NONINVEN, UOFM, LOCNCODE, QUANTITY, ATYALLOC, UNITPRCE, XTNDPRCE, TAXAMNT, CURNCYID, DEX_ROW_TS)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    sopType,
    sopNumber,
    sequence,
    item?.ITEMNMBR ?? args.text('ITEMNMBR'),
    args.text('ITEMDESC') || item?.ITEMDESC || '',
    nonInventory ? 1 : 0,
    args.text('UOFM'),
    site,
    quantity.toFixed(),
    allocates ? quantity.toFixed() : '0',
    unitPrice.toFixed(),
    extended.toFixed(),
    args.amount('TAXAMNT'),
    args.text('CURNCYID'),
    now,
  );
  if (allocates && item) changeQuantity(db, item.ITEMNMBR, site, 'ATYALLOC', quantity, now);
  return [];
};

/** GP's price checks tolerate sub-cent differences of 5-decimal unit prices (FACTS §6: tolerance unverified). */
function sameCents(a: Decimal, b: Decimal): boolean {
  return a.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).equals(b.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
}

function lineSequence(
  args: ProcedureArgs,
  { db }: SandboxProcedureContext,
  sopType: number,
  sopNumber: string,
): number {
  const given = args.int('LNITMSEQ');
  if (given > 0) return given;
  const row = db
    .prepare('SELECT MAX(LNITMSEQ) AS last FROM SOP10200 WHERE SOPTYPE = ? AND SOPNUMBE = ?')
    .get(sopType, sopNumber) as { last: number | null };
  return (row.last ?? 0) + 16384;
}

/** Gives back what a document's lines allocated, and removes the lines (void, delete, transfer). */
export function releaseLines(
  db: SandboxProcedureContext['db'],
  sopType: number,
  sopNumber: string,
  now: string,
): void {
  const lines = db
    .prepare(
      "SELECT ITEMNMBR, LOCNCODE, ATYALLOC FROM SOP10200 WHERE SOPTYPE = ? AND SOPNUMBE = ? AND ATYALLOC <> '0'",
    )
    .all(sopType, sopNumber) as Array<{
    ITEMNMBR: string;
    LOCNCODE: string;
    ATYALLOC: string;
  }>;
  for (const line of lines)
    changeQuantity(db, line.ITEMNMBR, line.LOCNCODE, 'ATYALLOC', new Decimal(line.ATYALLOC).negated(), now);
  db.prepare('DELETE FROM SOP10200 WHERE SOPTYPE = ? AND SOPNUMBE = ?').run(sopType, sopNumber);
}
