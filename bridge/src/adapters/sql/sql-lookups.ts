import { Decimal } from 'decimal.js';
import sql from 'mssql';
import type { SopDocumentRef } from '../../domain/mapping-types.js';
import type { GpLookups } from '../../ports/gp-gateway.js';
import type { SqlRequest } from './sql-driver.js';

export const SALES_BATCH_SOURCE = 'Sales Entry';

export const CUSTOMER_BY_EMAIL_SQL = `SELECT TOP 1 RTRIM(s.Master_ID) AS customer FROM SY01200 s JOIN RM00101 c ON c.CUSTNMBR = s.Master_ID
WHERE s.Master_Type = 'CUS' AND (LOWER(RTRIM(s.INET1)) = @email OR LOWER(RTRIM(CAST(s.EmailToAddress AS varchar(max)))) = @email)
ORDER BY s.Master_ID`;
export const CUSTOMER_EXISTS_SQL = 'SELECT 1 AS found FROM RM00101 WHERE CUSTNMBR = @customer';
export const BATCH_IN_USE_SQL =
  'SELECT 1 AS found FROM SY00500 WHERE BACHNUMB = @batch AND BCHSOURC = @source AND (BCHSTTUS <> 0 OR MKDTOPST = 1)';

const SOP_COLUMNS =
  'SOPTYPE, RTRIM(SOPNUMBE) AS SOPNUMBE, RTRIM(CUSTNMBR) AS CUSTNMBR, RTRIM(CSTPONBR) AS CSTPONBR, CAST(DOCAMNT AS varchar(40)) AS DOCAMNT, VOIDSTTS';

/** GP key lengths (parameter = column length): a longer value cannot exist in GP, and must not be truncated into a match. */
const CUSTNMBR_LENGTH = 15;
const ITEMNMBR_LENGTH = 30;
const CSTPONBR_LENGTH = 20;
const SOPNUMBE_LENGTH = 21;

/**
 * The read side of FACTS §8 with typed parameters. `request` gives a request on the pool or, inside a
 * transaction, on the transaction, so a look-up in the transaction sees what it wrote and holds its locks.
 */
export function sqlLookups(request: () => Promise<SqlRequest>): GpLookups {
  const rows = async (build: (r: SqlRequest) => SqlRequest, text: string) =>
    ((await build(await request()).query(text)).recordset ?? []) as Array<Record<string, unknown>>;

  return {
    async findCustomerByEmail(email) {
      const normalised = email.trim().toLowerCase();
      if (normalised === '' || normalised.length > 200) return null;
      const found = await rows((r) => r.input('email', sql.VarChar(200), normalised), CUSTOMER_BY_EMAIL_SQL);
      const customer = found[0]?.['customer'];
      return typeof customer === 'string' ? customer : null;
    },
    async customerExists(customerNumber) {
      if (customerNumber.length > CUSTNMBR_LENGTH) return false;
      return (
        (
          await rows(
            (r) => r.input('customer', sql.Char(CUSTNMBR_LENGTH), customerNumber),
            CUSTOMER_EXISTS_SQL,
          )
        ).length > 0
      );
    },
    async findItems(itemNumbers) {
      const wanted = [...new Set(itemNumbers.filter((n) => n !== '' && n.length <= ITEMNMBR_LENGTH))];
      const found = new Set<string>();
      for (let start = 0; start < wanted.length; start += 500) {
        const chunk = wanted.slice(start, start + 500);
        // Parameter names are generated (@i0, @i1 …); every value is a typed input.
        const names = chunk.map((_, i) => `@i${i}`).join(', ');
        const result = await rows(
          (r) => chunk.reduce((req, item, i) => req.input(`i${i}`, sql.Char(ITEMNMBR_LENGTH), item), r),
          `SELECT RTRIM(ITEMNMBR) AS item FROM IV00101 WHERE ITEMNMBR IN (${names})`,
        );
        for (const row of result) found.add(String(row['item']));
      }
      return found;
    },
    async findSopDocuments(query) {
      let where: string;
      let bind: (r: SqlRequest) => SqlRequest;
      if (query.customerPo !== undefined) {
        if (query.customerPo.length > CSTPONBR_LENGTH) return [];
        const customer = query.customerNumber;
        where = customer !== undefined ? 'CSTPONBR = @po AND CUSTNMBR = @customer' : 'CSTPONBR = @po';
        bind = (r) => {
          r.input('po', sql.Char(CSTPONBR_LENGTH), query.customerPo);
          return customer !== undefined ? r.input('customer', sql.Char(CUSTNMBR_LENGTH), customer) : r;
        };
      } else if (query.sopType !== undefined && query.sopNumber !== undefined) {
        if (query.sopNumber.length > SOPNUMBE_LENGTH) return [];
        where = 'SOPTYPE = @type AND SOPNUMBE = @number';
        bind = (r) =>
          r
            .input('type', sql.SmallInt, query.sopType)
            .input('number', sql.Char(SOPNUMBE_LENGTH), query.sopNumber);
      } else {
        return [];
      }
      const text = `SELECT ${SOP_COLUMNS}, 0 AS posted FROM SOP10100 WHERE ${where} UNION ALL SELECT ${SOP_COLUMNS}, 1 AS posted FROM SOP30200 WHERE ${where}`;
      return (await rows(bind, text)).map(toSopDocument);
    },
    async batchInUse(batchId) {
      return (
        (
          await rows(
            (r) => r.input('batch', sql.Char(15), batchId).input('source', sql.Char(15), SALES_BATCH_SOURCE),
            BATCH_IN_USE_SQL,
          )
        ).length > 0
      );
    },
  };
}

function toSopDocument(row: Record<string, unknown>): SopDocumentRef {
  const voided = Number(row['VOIDSTTS'] ?? 0) !== 0;
  return {
    sopType: Number(row['SOPTYPE']),
    sopNumber: String(row['SOPNUMBE']),
    customerNumber: String(row['CUSTNMBR']),
    customerPo: String(row['CSTPONBR']),
    documentAmount: new Decimal(String(row['DOCAMNT'] ?? '0')).toFixed(),
    posted: Number(row['posted']) === 1 && !voided,
    voided,
  };
}
