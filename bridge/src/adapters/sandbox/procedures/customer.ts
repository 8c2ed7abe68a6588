import { SANDBOX_ERROR } from '../error-texts.js';
import type { SandboxProcedure } from './procedure-args.js';

/** taUpdateCreateCustomerRcd → RM00101 (+ RM00102 row for ADRSCODE when CreateAddress=1), FACTS §3.1. */
export const taUpdateCreateCustomerRcd: SandboxProcedure = (args, { db, now }) => {
  const missing = args.missingRequired();
  if (missing.length > 0) return missing;
  const number = args.text('CUSTNMBR');
  if (number !== number.toUpperCase()) return [SANDBOX_ERROR.CUSTOMER_NUMBER_LOWER_CASE];
  const existing = db.prepare('SELECT * FROM RM00101 WHERE CUSTNMBR = ?').get(number) as
    Record<string, unknown> | undefined;
  if (existing && args.int('UpdateIfExists') === 0) return [SANDBOX_ERROR.CUSTOMER_EXISTS];
  if (!existing && args.text('ADRSCODE') === '') return [SANDBOX_ERROR.NEW_CUSTOMER_WITHOUT_ADDRESS];

  // Update keeps what was not sent (eConnect leaves omitted elements alone on update).
  const pick = (element: string, column = element): string =>
    args.has(element) ? args.text(element) : String(existing?.[column] ?? '');
  const name = pick('CUSTNAME');
  const row = {
    CUSTNMBR: number,
    CUSTNAME: name,
    SHRTNAME: args.has('SHRTNAME')
      ? args.text('SHRTNAME')
      : String(existing?.['SHRTNAME'] ?? name.slice(0, 15)),
    STMTNAME: args.has('STMTNAME') ? args.text('STMTNAME') : String(existing?.['STMTNAME'] ?? name),
    CUSTCLAS: pick('CUSTCLAS'),
    ADRSCODE: pick('ADRSCODE'),
    PRBTADCD: pick('PRBTADCD'),
    PRSTADCD: pick('PRSTADCD'),
    STADDRCD: pick('STADDRCD'),
    CNTCPRSN: pick('CNTCPRSN'),
    ADDRESS1: pick('ADDRESS1'),
    ADDRESS2: pick('ADDRESS2'),
    ADDRESS3: pick('ADDRESS3'),
    CITY: pick('CITY'),
    STATE: pick('STATE'),
    ZIP: pick('ZIPCODE', 'ZIP'),
    COUNTRY: pick('COUNTRY'),
    CCode: pick('CCode'),
    PHONE1: pick('PHNUMBR1', 'PHONE1'),
    TAXSCHID: pick('TAXSCHID'),
    SHIPMTHD: pick('SHIPMTHD'),
    CURNCYID: pick('CURNCYID'),
    PRCLEVEL: pick('PRCLEVEL'),
    SLPRSNID: pick('SLPRSNID'),
    SALSTERR: pick('SALSTERR'),
    USERDEF1: pick('USERDEF1'),
    USERDEF2: pick('USERDEF2'),
    COMMENT1: pick('COMMENT1'),
    COMMENT2: pick('COMMENT2'),
    NOTETEXT: pick('NOTETEXT'),
    HOLD: args.has('HOLD') ? args.int('HOLD') : Number(existing?.['HOLD'] ?? 0),
    INACTIVE: args.has('INACTIVE') ? args.int('INACTIVE') : Number(existing?.['INACTIVE'] ?? 0),
    DEX_ROW_TS: now,
  };
  const columns = Object.keys(row);
  db.prepare(
    `INSERT OR REPLACE INTO RM00101 (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  ).run(row);

  if (args.int('CreateAddress') === 1 && row.ADRSCODE !== '') {
    db.prepare(
      `INSERT INTO RM00102 (CUSTNMBR, ADRSCODE, ShipToName, CNTCPRSN, ADDRESS1, ADDRESS2, ADDRESS3, CITY, STATE, ZIP, COUNTRY, CCode, PHONE1, SHIPMTHD, TAXSCHID, DEX_ROW_TS)
       VALUES (@CUSTNMBR, @ADRSCODE, @CUSTNAME, @CNTCPRSN, @ADDRESS1, @ADDRESS2, @ADDRESS3, @CITY, @STATE, @ZIP, @COUNTRY, @CCode, @PHONE1, @SHIPMTHD, @TAXSCHID, @DEX_ROW_TS)
       ON CONFLICT (CUSTNMBR, ADRSCODE) DO UPDATE SET CNTCPRSN = excluded.CNTCPRSN, ADDRESS1 = excluded.ADDRESS1, ADDRESS2 = excluded.ADDRESS2,
         ADDRESS3 = excluded.ADDRESS3, CITY = excluded.CITY, STATE = excluded.STATE, ZIP = excluded.ZIP, COUNTRY = excluded.COUNTRY,
         CCode = excluded.CCode, PHONE1 = excluded.PHONE1, DEX_ROW_TS = excluded.DEX_ROW_TS`,
    ).run(row);
  }
  return [];
};

/** taCreateCustomerAddress → RM00102, FACTS §3.2. Touches RM00101.DEX_ROW_TS as GP's zDT_RM00102 triggers do. */
export const taCreateCustomerAddress: SandboxProcedure = (args, { db, now }) => {
  const missing = args.missingRequired();
  if (missing.length > 0) return missing;
  const customer = args.text('CUSTNMBR');
  if (!db.prepare('SELECT 1 FROM RM00101 WHERE CUSTNMBR = ?').get(customer))
    return [SANDBOX_ERROR.ADDRESS_CUSTOMER_NOT_FOUND];
  const row = {
    CUSTNMBR: customer,
    ADRSCODE: args.text('ADRSCODE'),
    ShipToName: args.text('ShipToName'),
    CNTCPRSN: args.text('CNTCPRSN'),
    ADDRESS1: args.text('ADDRESS1'),
    ADDRESS2: args.text('ADDRESS2'),
    ADDRESS3: args.text('ADDRESS3'),
    CITY: args.text('CITY'),
    STATE: args.text('STATE'),
    ZIP: args.text('ZIPCODE'),
    COUNTRY: args.text('COUNTRY'),
    CCode: args.text('CCode'),
    PHONE1: args.text('PHNUMBR1'),
    PHONE2: args.text('PHNUMBR2'),
    PHONE3: args.text('PHNUMBR3'),
    FAX: args.text('FAX'),
    SHIPMTHD: args.text('SHIPMTHD'),
    TAXSCHID: args.text('TAXSCHID'),
    LOCNCODE: args.text('LOCNCODE'),
    DEX_ROW_TS: now,
  };
  const columns = Object.keys(row);
  db.prepare(
    `INSERT OR REPLACE INTO RM00102 (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  ).run(row);
  db.prepare('UPDATE RM00101 SET DEX_ROW_TS = ? WHERE CUSTNMBR = ?').run(now, customer);
  return [];
};

/** taCreateInternetAddresses → SY01200 (the e-mail a customer is found by), FACTS §3.3. */
export const taCreateInternetAddresses: SandboxProcedure = (args, { db, now }) => {
  const missing = args.missingRequired();
  if (missing.length > 0) return missing;
  db.prepare(
    `INSERT INTO SY01200 (Master_Type, Master_ID, ADRSCODE, INET1, EmailToAddress, DEX_ROW_TS) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (Master_Type, Master_ID, ADRSCODE) DO UPDATE SET INET1 = excluded.INET1, EmailToAddress = excluded.EmailToAddress, DEX_ROW_TS = excluded.DEX_ROW_TS`,
  ).run(
    args.text('Master_Type'),
    args.text('Master_ID'),
    args.text('ADRSCODE'),
    args.text('INET1'),
    args.has('EmailToAddress') ? args.text('EmailToAddress') : null,
    now,
  );
  return [];
};
