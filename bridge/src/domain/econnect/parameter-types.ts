import { CATALOGUE } from './catalogue.generated.js';

/**
 * SQL types of the eConnect procedure parameters the bridge sends (FACTS §2-§5, from the procedures' own
 * signatures). `length` is the most characters GP accepts: the parameter length, not the column length
 * (char(64) parameter ↔ char(65) column). At start the `sql` gateway replaces this table with the target
 * database's real parameter list (sys.parameters), because versions differ; this table is the default and what
 * the sandbox enforces.
 */
export type SqlKind = 'char' | 'varchar' | 'text' | 'numeric' | 'int' | 'smallint' | 'tinyint' | 'datetime';

export interface ParameterType {
  readonly kind: SqlKind;
  /** Characters, for char/varchar. */
  readonly length?: number;
  /** numeric(precision, scale). */
  readonly precision?: number;
  readonly scale?: number;
}

const char = (length: number): ParameterType => ({ kind: 'char', length });
const varchar = (length: number): ParameterType => ({ kind: 'varchar', length });
const money: ParameterType = { kind: 'numeric', precision: 19, scale: 5 };
const percent: ParameterType = { kind: 'numeric', precision: 19, scale: 2 };

/** Lengths shared by the customer, address and SOP ship-to elements. */
const ADDRESS: Record<string, ParameterType> = {
  CUSTNMBR: char(15),
  ADRSCODE: char(15),
  CUSTNAME: char(64),
  ShipToName: char(64),
  CNTCPRSN: char(60),
  ADDRESS1: char(60),
  ADDRESS2: char(60),
  ADDRESS3: char(60),
  COUNTRY: char(60),
  CITY: char(35),
  STATE: char(29),
  ZIPCODE: char(10),
  CCode: char(6),
  PHNUMBR1: char(21),
  PHNUMBR2: char(21),
  PHNUMBR3: char(21),
  FAX: char(21),
  PHONE1: char(21),
  PHONE2: char(21),
  PHONE3: char(21),
  FAXNUMBR: char(21),
  UPSZONE: char(3),
  SHIPMTHD: char(15),
  TAXSCHID: char(15),
  SLPRSNID: char(15),
  SALSTERR: char(15),
  LOCNCODE: char(10),
};

const USRDEFND: Record<string, ParameterType> = {
  USRDEFND1: char(50),
  USRDEFND2: char(50),
  USRDEFND3: char(50),
  USRDEFND4: varchar(8000),
  USRDEFND5: varchar(8000),
};

const TABLE: Record<string, Record<string, ParameterType>> = {
  taUpdateCreateCustomerRcd: {
    ...ADDRESS,
    ...USRDEFND,
    SHRTNAME: char(15),
    STMTNAME: char(64),
    CUSTCLAS: char(15),
    PRSTADCD: char(15),
    PRBTADCD: char(15),
    STADDRCD: char(15),
    USERDEF1: char(20),
    USERDEF2: char(20),
    COMMENT1: char(30),
    COMMENT2: char(30),
    PYMTRMID: char(20),
    PRCLEVEL: char(10),
    NOTETEXT: varchar(8000),
    CURNCYID: char(15),
    TAXEXMT1: char(25),
    TAXEXMT2: char(25),
    TXRGNNUM: char(25),
    ToEmail_Recipient: char(80),
    CcEmail_Recipient: char(80),
    BccEmail_Recipient: char(80),
    CHEKBKID: char(15),
    INTEGRATIONID: char(30),
    GPSFOINTEGRATIONID: char(30),
    CUSTDISC: percent,
    HOLD: { kind: 'tinyint' },
    INACTIVE: { kind: 'tinyint' },
    UseCustomerClass: { kind: 'tinyint' },
    CreateAddress: { kind: 'tinyint' },
    UpdateIfExists: { kind: 'tinyint' },
  },
  taCreateCustomerAddress: {
    ...ADDRESS,
    ...USRDEFND,
    USERDEF1: char(20),
    USERDEF2: char(20),
    INTEGRATIONID: char(30),
    GPSFOINTEGRATIONID: char(30),
    UpdateIfExists: { kind: 'tinyint' },
  },
  taCreateInternetAddresses: {
    ...USRDEFND,
    Master_Type: char(3),
    Master_ID: char(30),
    ADRSCODE: char(15),
    INET1: char(200),
    INET2: char(200),
    INET3: char(200),
    INET4: char(200),
    INET5: char(200),
    INET6: char(200),
    INET7: char(200),
    INET8: char(200),
    Messenger_Address: char(200),
    INETINFO: { kind: 'text' },
    EmailToAddress: { kind: 'text' },
    EmailCcAddress: { kind: 'text' },
    EmailBccAddress: { kind: 'text' },
  },
  taUpdateCreateItemRcd: {
    ...USRDEFND,
    ITEMNMBR: char(30),
    ITEMDESC: char(100),
    ITMSHNAM: char(15),
    ITMGEDSC: char(10),
    ITMCLSCD: char(10),
    ITMTSHID: char(15),
    UOMSCHDL: char(10),
    TCC: char(30),
    CNTRYORGN: char(6),
    NOTETEXT: varchar(8000),
    USCATVLS_1: char(10),
    USCATVLS_2: char(10),
    USCATVLS_3: char(10),
    USCATVLS_4: char(10),
    USCATVLS_5: char(10),
    USCATVLS_6: char(10),
    LOCNCODE: char(10),
    PRCHSUOM: char(8),
    STNDCOST: money,
    CURRCOST: money,
    LISTPRCE: money,
    ITEMSHWT: money,
  },
  taIVCreateItemPriceListHeader: {
    ITEMNMBR: char(30),
    PRCLEVEL: char(10),
    UOFM: char(8),
    CURNCYID: char(15),
  },
  taSopHdrIvcInsert: {
    ...ADDRESS,
    ...USRDEFND,
    SOPTYPE: { kind: 'smallint' },
    DOCID: char(15),
    SOPNUMBE: char(21),
    ORIGNUMB: char(21),
    FRTSCHID: char(15),
    MSCSCHID: char(15),
    CSTPONBR: char(20),
    PYMTRMID: char(20),
    BACHNUMB: char(15),
    PRBTADCD: char(15),
    PRSTADCD: char(15),
    CURNCYID: char(15),
    COMMNTID: char(15),
    USER2ENT: char(15),
    BatchCHEKBKID: char(15),
    REFRENCE: char(30),
    COMMENT_1: char(50),
    COMMENT_2: char(50),
    COMMENT_3: char(50),
    COMMENT_4: char(50),
    CMMTTEXT: varchar(500),
    NOTETEXT: varchar(8000),
    TAXEXMT1: char(25),
    TAXEXMT2: char(25),
    TXRGNNUM: char(25),
    INTEGRATIONID: char(30),
    PRCLEVEL: char(10),
    TRADEPCT: percent,
    COMMAMNT: percent,
    COMPRCNT: percent,
    DSCPCTAM: percent,
    XCHGRATE: { kind: 'numeric', precision: 19, scale: 7 },
    RATEVARC: { kind: 'numeric', precision: 19, scale: 7 },
    USINGHEADERLEVELTAXES: { kind: 'int' },
    FREIGTBLE: { kind: 'int' },
    MISCTBLE: { kind: 'int' },
    CKCreditLimit: { kind: 'tinyint' },
    CKHOLD: { kind: 'tinyint' },
    UpdateExisting: { kind: 'tinyint' },
    DEFPRICING: { kind: 'tinyint' },
    REPTING: { kind: 'tinyint' },
  },
  taSopLineIvcInsert: {
    ...ADDRESS,
    ...USRDEFND,
    SOPTYPE: { kind: 'smallint' },
    SOPNUMBE: char(21),
    ITEMNMBR: char(30),
    ITEMDESC: char(100),
    PRCLEVEL: char(10),
    UOFM: char(8),
    COMMNTID: char(15),
    DOCID: char(15),
    ITMTSHID: char(15),
    PRSTADCD: char(15),
    CURNCYID: char(15),
    COMMENT_1: char(50),
    COMMENT_2: char(50),
    COMMENT_3: char(50),
    COMMENT_4: char(50),
    CMMTTEXT: varchar(500),
    INTEGRATIONID: char(30),
    MRKDNPCT: percent,
    LNITMSEQ: { kind: 'int' },
    DEFPRICING: { kind: 'int' },
    DEFEXTPRICE: { kind: 'int' },
    QtyShrtOpt: { kind: 'int' },
  },
  taSopLineIvcTaxInsert: {
    ...USRDEFND,
    SOPTYPE: { kind: 'smallint' },
    SOPNUMBE: char(21),
    CUSTNMBR: char(15),
    TAXDTLID: char(15),
    ACTNUMST: varchar(75),
    TAXTYPE: { kind: 'smallint' },
    LNITMSEQ: { kind: 'int' },
  },
  taSopUserDefined: {
    ...USRDEFND,
    SOPTYPE: { kind: 'smallint' },
    SOPNUMBE: char(21),
    USRTAB01: char(20),
    USRTAB09: char(20),
    USRTAB03: char(20),
    USERDEF1: char(20),
    USERDEF2: char(20),
    USRDEF03: char(20),
    USRDEF04: char(20),
    USRDEF05: char(20),
  },
  taCreateSopPaymentInsertRecord: {
    ...USRDEFND,
    SOPTYPE: { kind: 'smallint' },
    SOPNUMBE: char(21),
    CUSTNMBR: char(15),
    CUSTNAME: char(64),
    CHEKBKID: char(15),
    CARDNAME: char(15),
    CHEKNMBR: char(20),
    RCTNCCRD: char(20),
    AUTHCODE: char(15),
    DOCNUMBR: char(20),
    PYMTTYPE: { kind: 'smallint' },
    Action: { kind: 'smallint' },
    SEQNUMBR: { kind: 'int' },
  },
  taSopVoidDocument: { ...USRDEFND, SOPTYPE: { kind: 'smallint' }, SOPNUMBE: char(21), BACHNUMB: char(15) },
  taSopDeleteDocument: { ...USRDEFND, SOPTYPE: { kind: 'smallint' }, SOPNUMBE: char(21) },
};

/** Elements whose names say they are dates (XSD types them as strings). */
const DATE_ELEMENT =
  /(DATE|DATE\d?|DT|DA|_Date)$|^(DOCDATE|ORDRDATE|DUEDATE|DISCDATE|EXPNDATE|EXCHDATE|ReqShipDate|QUOEXPDA|QUOTEDAT|INVODATE|BACKDATE|RETUDATE|USERDATE|FUFILDAT|ACTLSHIP|USRDAT01|USRDAT02|VOIDDATE|CCRDXPDT|TIME1)$/;

/**
 * The SQL type of `@I_v<element>` for a node. Falls back to the XSD type for elements not in the table
 * (decimal → numeric(19,5), short → smallint, int → int, string → char(n) unknown length).
 */
export function parameterType(node: string, element: string): ParameterType {
  const key = `${node}.${element}`;
  let type = resolved.get(key);
  if (type === undefined) {
    type = resolveParameterType(node, element);
    resolved.set(key, type);
  }
  return type;
}

/** Memo of parameterType: it runs for every element of every document, and its answer never changes. */
const resolved = new Map<string, ParameterType>();

function resolveParameterType(node: string, element: string): ParameterType {
  const known = TABLE[node]?.[element];
  if (known) return known;
  if (DATE_ELEMENT.test(element)) return { kind: 'datetime' };
  const xsd = CATALOGUE.nodes[node]?.find((e) => e.name === element)?.type;
  switch (xsd) {
    case 'decimal':
      return money;
    case 'short':
      return { kind: 'smallint' };
    case 'int':
    case 'integer':
      return { kind: 'int' };
    case 'unsignedByte':
    case 'byte':
      return { kind: 'tinyint' };
    default:
      return varchar(8000);
  }
}
