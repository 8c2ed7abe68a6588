import { Decimal } from 'decimal.js';
import sql from 'mssql';
import type { SopDocumentRef, StoredRecord, StoredSopDocument } from '../../domain/mapping-types.js';
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
    async readSopDocument(sopType, sopNumber) {
      if (sopNumber.length > SOPNUMBE_LENGTH) return null;
      const bind = (r: SqlRequest) =>
        r.input('type', sql.SmallInt, sopType).input('number', sql.Char(SOPNUMBE_LENGTH), sopNumber);
      for (const [headerTable, lineTable, posted] of [
        ['SOP10100', 'SOP10200', false],
        ['SOP30200', 'SOP30300', true],
      ] as const) {
        const header = (await rows(bind, storedSopHeaderSql(headerTable)))[0];
        if (!header) continue;
        const lines = await rows(bind, storedSopLinesSql(lineTable));
        const voided = Number(header['VOIDSTTS'] ?? 0) !== 0;
        const { VOIDSTTS: _status, ...fields } = trimmed(header);
        return {
          sopType,
          sopNumber: String(header['SOPNUMBE'] ?? sopNumber).trimEnd(),
          posted: posted && !voided,
          voided,
          header: fields,
          lines: lines.map(trimmed),
        } satisfies StoredSopDocument;
      }
      return null;
    },
    async readCustomer(customerNumber) {
      if (customerNumber.length > CUSTNMBR_LENGTH) return null;
      const bind = (r: SqlRequest) => r.input('customer', sql.Char(CUSTNMBR_LENGTH), customerNumber);
      const customer = (await rows(bind, STORED_CUSTOMER_SQL))[0];
      if (!customer) return null;
      const byCode = (list: Array<Record<string, unknown>>) =>
        new Map(
          list.map(
            (r) =>
              [
                String(r['ADRSCODE'] ?? '')
                  .trim()
                  .toUpperCase(),
                trimmed(r),
              ] as const,
          ),
        );
      return {
        fields: trimmed(customer),
        addresses: byCode(await rows(bind, STORED_ADDRESSES_SQL)),
        internet: byCode(await rows(bind, STORED_INTERNET_SQL)),
      } satisfies StoredRecord;
    },
    async readItem(itemNumber) {
      if (itemNumber.length > ITEMNMBR_LENGTH) return null;
      const item = (
        await rows((r) => r.input('item', sql.Char(ITEMNMBR_LENGTH), itemNumber), STORED_ITEM_SQL)
      )[0];
      return item ? { fields: trimmed(item) } : null;
    },
  };
}

/** Row values as right-trimmed text (GP char columns are padded), nulls left out. */
function trimmed(row: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && value !== undefined) out[key] = String(value).trimEnd();
  }
  return out;
}

const money = (column: string, element = column) => `CAST(${column} AS varchar(40)) AS ${element}`;

/** Header of a SOP document in work or history, with columns named as the eConnect elements that set them. */
export function storedSopHeaderSql(table: 'SOP10100' | 'SOP30200'): string {
  return `SELECT SOPNUMBE, VOIDSTTS, ${[
    money('SUBTOTAL'),
    money('FRTAMNT', 'FREIGHT'),
    money('MISCAMNT'),
    money('TRDISAMT'),
    money('TAXAMNT'),
    money('FRTTXAMT'),
    money('MSCTXAMT'),
    money('DOCAMNT'),
  ].join(
    ', ',
  )}, ShipToName, ADDRESS1, ADDRESS2, ADDRESS3, CITY, STATE, ZIPCODE, COUNTRY FROM ${table} WHERE SOPTYPE = @type AND SOPNUMBE = @number`;
}

export function storedSopLinesSql(table: 'SOP10200' | 'SOP30300'): string {
  return `SELECT LNITMSEQ, ITEMNMBR, ${money('QUANTITY')}, ${money('UNITPRCE')}, ${money('XTNDPRCE')} FROM ${table} WHERE SOPTYPE = @type AND SOPNUMBE = @number AND CMPNTSEQ = 0 ORDER BY LNITMSEQ`;
}

const ADDRESS_COLUMNS =
  'ADRSCODE, CNTCPRSN, ADDRESS1, ADDRESS2, ADDRESS3, CITY, STATE, ZIP AS ZIPCODE, COUNTRY, CCode, PHONE1 AS PHNUMBR1, SHIPMTHD, TAXSCHID';
export const STORED_CUSTOMER_SQL = `SELECT CUSTNAME, CUSTCLAS, PRBTADCD, PRSTADCD, STADDRCD, ${ADDRESS_COLUMNS}, CURNCYID, PRCLEVEL, SLPRSNID, SALSTERR, USERDEF1, USERDEF2, COMMENT1, COMMENT2, HOLD, INACTIVE FROM RM00101 WHERE CUSTNMBR = @customer`;
export const STORED_ADDRESSES_SQL = `SELECT ShipToName, ${ADDRESS_COLUMNS}, LOCNCODE FROM RM00102 WHERE CUSTNMBR = @customer`;
export const STORED_INTERNET_SQL = `SELECT Master_Type, RTRIM(Master_ID) AS Master_ID, ADRSCODE, INET1, CAST(EmailToAddress AS varchar(max)) AS EmailToAddress FROM SY01200 WHERE Master_Type = 'CUS' AND Master_ID = @customer`;
/** The list price lives per currency in IV00105 (FACTS §4); eConnect's LISTPRCE sets the functional one. */
export const STORED_ITEM_SQL = `SELECT ITEMDESC, ITMSHNAM, ITMGEDSC, ITMCLSCD, ITEMTYPE, UOMSCHDL, ${money('ITEMSHWT')}, (SELECT TOP 1 CAST(LISTPRCE AS varchar(40)) FROM IV00105 WHERE IV00105.ITEMNMBR = IV00101.ITEMNMBR ORDER BY CURNCYID) AS LISTPRCE, ${money('CURRCOST')}, ${money('STNDCOST')}, USCATVLS_1, USCATVLS_2, USCATVLS_3, USCATVLS_4, USCATVLS_5, USCATVLS_6 FROM IV00101 WHERE ITEMNMBR = @item`;

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
