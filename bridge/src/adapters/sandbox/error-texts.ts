import { CATALOGUE } from '../../domain/econnect/catalogue.generated.js';

/**
 * The sandbox's taErrorCode. Numbers GP is known to use keep GP's number (FACTS §7: 67, 235, 722, 2221,
 * 9370); where FACTS found no SOP number (customer/item not found …) the sandbox uses its own 91xxx range and
 * says so in SourceProc, rather than pretending to know GP's. Required-element errors get one number per
 * procedure and element (92000 + n, in catalogue order), as GP has one per field.
 */
export const SANDBOX_ERROR = {
  SUBTOTAL_MISMATCH: 67,
  DOCUMENT_AMOUNT_MISMATCH: 235,
  EXTENDED_PRICE_MISMATCH: 722,
  DUPLICATE_DOCUMENT: 2221,
  CURRENCY_MISMATCH: 9370,
  CUSTOMER_NOT_FOUND: 91001,
  ITEM_NOT_FOUND: 91002,
  CUSTOMER_NUMBER_LOWER_CASE: 91004,
  CUSTOMER_EXISTS: 91005,
  ADDRESS_CUSTOMER_NOT_FOUND: 91006,
  DOCUMENT_NOT_FOUND: 91007,
  DUPLICATE_LINE: 91008,
  BATCH_IN_USE: 91009,
  DOCUMENT_POSTED: 91010,
  ITEM_EXISTS: 91012,
  NEW_CUSTOMER_WITHOUT_ADDRESS: 91013,
  NEW_ITEM_WITHOUT_DESCRIPTION: 91014,
  LINE_WITHOUT_DOCUMENT_TYPE: 91015,
} as const;

const FIXED: ReadonlyArray<readonly [number, string, string]> = [
  [
    67,
    'taSopHdrIvcInsert',
    'The subtotal (SUBTOTAL) does not equal the sum of the extended prices of the lines (a line whose SOPTYPE differs from the header also causes this)',
  ],
  [
    235,
    'taSopHdrIvcInsert',
    'The document amount (DOCAMNT) does not equal SUBTOTAL + FREIGHT + MISCAMNT + TAXAMNT + FRTTXAMT + MSCTXAMT - TRDISAMT',
  ],
  [
    722,
    'taSopLineIvcInsert',
    'The unit price (UNITPRCE) times the quantity (QUANTITY) does not equal the extended price (XTNDPRCE)',
  ],
  [
    2221,
    'taSopHdrIvcInsert',
    'Duplicate document number: this SOPTYPE and SOPNUMBE already exist in work or history',
  ],
  [
    9370,
    'taSopLineIvcInsert',
    'The currency ID (CURNCYID) of the line is not the currency ID of the document',
  ],
  [91001, 'taSopHdrIvcInsert (sandbox number)', 'The customer number (CUSTNMBR) does not exist in RM00101'],
  [
    91002,
    'taSopLineIvcInsert (sandbox number)',
    'The item number (ITEMNMBR) does not exist in IV00101 and the line is not non-inventory (NONINVEN=1)',
  ],
  [91004, 'taUpdateCreateCustomerRcd (sandbox number)', 'The customer number (CUSTNMBR) must be upper case'],
  [
    91005,
    'taUpdateCreateCustomerRcd (sandbox number)',
    'The customer already exists and UpdateIfExists is 0',
  ],
  [
    91006,
    'taCreateCustomerAddress (sandbox number)',
    'The customer number (CUSTNMBR) of the address does not exist in RM00101',
  ],
  [
    91007,
    'taSopVoidDocument (sandbox number)',
    'The document (SOPTYPE, SOPNUMBE) does not exist in SOP10100',
  ],
  [
    91008,
    'taSopLineIvcInsert (sandbox number)',
    'A line with this line sequence (LNITMSEQ) already exists on the document',
  ],
  [
    91009,
    'taSopHdrIvcInsert (sandbox number)',
    'The batch (BACHNUMB) is in use: a user or a posting process has it open (SY00500 BCHSTTUS / MKDTOPST)',
  ],
  [
    91010,
    'taSopVoidDocument (sandbox number)',
    'The document is posted (SOP30200); it can no longer be voided or deleted through eConnect',
  ],
  [91012, 'taUpdateCreateItemRcd (sandbox number)', 'The item already exists and UpdateIfExists is 0'],
  [91013, 'taUpdateCreateCustomerRcd (sandbox number)', 'A new customer needs an address ID (ADRSCODE)'],
  [91014, 'taUpdateCreateItemRcd (sandbox number)', 'A new item needs a description (ITEMDESC)'],
  [91015, 'taSopLineIvcInsert (sandbox number)', 'SOPTYPE must be 1-6'],
];

/** Procedures the sandbox implements, whose required elements get their own error numbers. */
export const SANDBOX_PROCEDURES = [
  'taUpdateCreateCustomerRcd',
  'taCreateCustomerAddress',
  'taCreateInternetAddresses',
  'taUpdateCreateItemRcd',
  'taIVCreateItemPriceListHeader',
  'taSopLineIvcInsert',
  'taSopLineIvcTaxInsert',
  'taSopUserDefined',
  'taCreateSopPaymentInsertRecord',
  'taSopHdrIvcInsert',
  'taSopVoidDocument',
  'taSopDeleteDocument',
] as const;

/** `procedure.ELEMENT` → error number for "required element is empty". */
export const REQUIRED_ERRORS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  let next = 92000;
  for (const procedure of SANDBOX_PROCEDURES) {
    for (const element of CATALOGUE.nodes[procedure] ?? []) {
      if (element.required) map.set(`${procedure}.${element.name}`, next++);
    }
  }
  return map;
})();

export function sandboxErrorRows(): Array<readonly [number, string, string]> {
  const required = [...REQUIRED_ERRORS].map(([key, code]) => {
    const [procedure = '', element = ''] = key.split('.');
    return [
      code,
      `${procedure} (sandbox number)`,
      `${element} is required and was empty or missing`,
    ] as const;
  });
  return [...FIXED, ...required];
}
