import { SANDBOX_ERROR } from '../error-texts.js';
import type { SandboxProcedure } from './procedure-args.js';

const ITEM_COLUMNS = [
  'ITEMDESC',
  'ITMSHNAM',
  'ITMGEDSC',
  'ITMCLSCD',
  'UOMSCHDL',
  'USCATVLS_1',
  'USCATVLS_2',
  'USCATVLS_3',
  'USCATVLS_4',
  'USCATVLS_5',
  'USCATVLS_6',
  'NOTETEXT',
] as const;
const ITEM_AMOUNTS = ['ITEMSHWT', 'LISTPRCE', 'CURRCOST', 'STNDCOST'] as const;

/** taUpdateCreateItemRcd → IV00101, FACTS §4.1: create, or update only the elements sent (UpdateIfExists=1). */
export const taUpdateCreateItemRcd: SandboxProcedure = (args, { db, now }) => {
  const missing = args.missingRequired();
  if (missing.length > 0) return missing;
  const number = args.text('ITEMNMBR');
  const existing = db.prepare('SELECT * FROM IV00101 WHERE ITEMNMBR = ?').get(number) as
    Record<string, unknown> | undefined;
  if (existing && args.int('UpdateIfExists') === 0) return [SANDBOX_ERROR.ITEM_EXISTS];
  if (!existing && args.text('ITEMDESC') === '') return [SANDBOX_ERROR.NEW_ITEM_WITHOUT_DESCRIPTION];
  const row: Record<string, string | number> = {
    ITEMNMBR: existing ? String(existing['ITEMNMBR']) : number,
    DEX_ROW_TS: now,
  };
  for (const column of ITEM_COLUMNS)
    row[column] = args.has(column) ? args.text(column) : String(existing?.[column] ?? '');
  for (const column of ITEM_AMOUNTS)
    row[column] = args.has(column) ? args.amount(column) : String(existing?.[column] ?? '0');
  row['ITEMTYPE'] = args.has('ITEMTYPE') ? args.int('ITEMTYPE') : Number(existing?.['ITEMTYPE'] ?? 1);
  const columns = Object.keys(row);
  db.prepare(
    `INSERT OR REPLACE INTO IV00101 (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  ).run(row);
  return [];
};

/** taIVCreateItemPriceListHeader: the sandbox keeps no price lists; it only checks the required elements. */
export const taIVCreateItemPriceListHeader: SandboxProcedure = (args) => args.missingRequired();
