import type { SopDocumentRef } from '../../domain/mapping-types.js';
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
  };
}

export { SALES_BATCH_SOURCE };
