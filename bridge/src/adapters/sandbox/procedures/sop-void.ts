import { SANDBOX_ERROR } from '../error-texts.js';
import type { SandboxDatabase } from '../database.js';
import { moveToHistory } from './sop-header.js';
import { releaseLines } from './sop-line.js';
import type { SandboxProcedure } from './procedure-args.js';

/** A posted document (history, not voided) can no longer be changed through eConnect. */
function findForChange(
  db: SandboxDatabase,
  sopType: number,
  sopNumber: string,
): { header?: Record<string, unknown>; error?: number } {
  const header = db
    .prepare('SELECT * FROM SOP10100 WHERE SOPTYPE = ? AND SOPNUMBE = ?')
    .get(sopType, sopNumber) as Record<string, unknown> | undefined;
  if (header) return { header };
  const posted = db
    .prepare('SELECT VOIDSTTS FROM SOP30200 WHERE SOPTYPE = ? AND SOPNUMBE = ?')
    .get(sopType, sopNumber) as { VOIDSTTS: number } | undefined;
  return {
    error: posted && posted.VOIDSTTS === 0 ? SANDBOX_ERROR.DOCUMENT_POSTED : SANDBOX_ERROR.DOCUMENT_NOT_FOUND,
  };
}

/** taSopVoidDocument: an unposted document goes to history marked voided; its allocation is released. */
export const taSopVoidDocument: SandboxProcedure = (args, { db, now }) => {
  const missing = args.missingRequired();
  if (missing.length > 0) return missing;
  const sopType = args.int('SOPTYPE');
  const sopNumber = args.text('SOPNUMBE');
  const found = findForChange(db, sopType, sopNumber);
  if (!found.header) return [found.error ?? SANDBOX_ERROR.DOCUMENT_NOT_FOUND];
  releaseLines(db, sopType, sopNumber, now);
  moveToHistory(db, found.header, 1, now);
  return [];
};

/** taSopDeleteDocument: an unposted document and its rows are removed; its allocation is released. */
export const taSopDeleteDocument: SandboxProcedure = (args, { db, now }) => {
  const missing = args.missingRequired();
  if (missing.length > 0) return missing;
  const sopType = args.int('SOPTYPE');
  const sopNumber = args.text('SOPNUMBE');
  const found = findForChange(db, sopType, sopNumber);
  if (!found.header) return [found.error ?? SANDBOX_ERROR.DOCUMENT_NOT_FOUND];
  releaseLines(db, sopType, sopNumber, now);
  for (const table of ['SOP10100', 'SOP10105', 'SOP10106', 'SOP10103']) {
    db.prepare(`DELETE FROM ${table} WHERE SOPTYPE = ? AND SOPNUMBE = ?`).run(sopType, sopNumber);
  }
  return [];
};
