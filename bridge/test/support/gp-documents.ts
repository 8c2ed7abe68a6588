import type { EConnectDocument } from '../../src/domain/econnect/document.js';

/**
 * Hand-built eConnect documents for adapter tests, so the adapters are tested without the mapper. Values are
 * document text exactly as the mapper writes it.
 */
export function customerDocument(
  number: string,
  email: string,
  overrides: Record<string, string> = {},
): EConnectDocument {
  return {
    transactions: [
      {
        type: 'RMCustomerMasterType',
        nodes: [
          {
            node: 'taUpdateCreateCustomerRcd',
            fields: {
              CUSTNMBR: number,
              CUSTNAME: 'Test Customer',
              ADRSCODE: 'PRIMARY',
              ADDRESS1: '1 Main St',
              CITY: 'Springfield',
              UpdateIfExists: '1',
              ...overrides,
            },
          },
          {
            node: 'taCreateCustomerAddress',
            fields: {
              CUSTNMBR: number,
              ADRSCODE: 'SHIP',
              ShipToName: 'Test Customer',
              ADDRESS1: '2 Side St',
            },
          },
          {
            node: 'taCreateInternetAddresses',
            fields: { Master_Type: 'CUS', Master_ID: number, ADRSCODE: 'PRIMARY', INET1: email },
          },
        ],
      },
    ],
  };
}

export function itemDocument(
  number: string,
  description = 'Test item',
  overrides: Record<string, string> = {},
): EConnectDocument {
  return {
    transactions: [
      {
        type: 'IVItemMasterType',
        nodes: [
          {
            node: 'taUpdateCreateItemRcd',
            fields: {
              ITEMNMBR: number,
              ITEMDESC: description,
              UOMSCHDL: 'EACH',
              LISTPRCE: '9.99',
              UpdateIfExists: '1',
              ...overrides,
            },
          },
        ],
      },
    ],
  };
}

export interface TestLine {
  readonly item: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly extended: string;
  readonly nonInventory?: boolean;
  readonly sopType?: string;
  readonly site?: string;
}

export interface TestOrder {
  readonly sopType?: string;
  readonly sopNumber: string;
  readonly customer: string;
  readonly po: string;
  readonly lines: readonly TestLine[];
  readonly subtotal: string;
  readonly freight?: string;
  readonly tax?: string;
  readonly documentAmount: string;
  readonly batch?: string;
}

export function orderDocument(order: TestOrder): EConnectDocument {
  const sopType = order.sopType ?? '2';
  return {
    transactions: [
      {
        type: 'SOPTransactionType',
        nodes: [
          // Header first here on purpose: orderedNodes() must still run the lines before it.
          {
            node: 'taSopHdrIvcInsert',
            fields: {
              SOPTYPE: sopType,
              DOCID: sopType === '3' ? 'STDINV' : 'STDORD',
              SOPNUMBE: order.sopNumber,
              DOCDATE: '2026-11-29',
              CUSTNMBR: order.customer,
              CSTPONBR: order.po,
              BACHNUMB: order.batch ?? 'WOO',
              SUBTOTAL: order.subtotal,
              FREIGHT: order.freight ?? '0',
              TAXAMNT: order.tax ?? '0',
              TRDISAMT: '0',
              DOCAMNT: order.documentAmount,
            },
          },
          ...order.lines.map((line, i) => ({
            node: 'taSopLineIvcInsert',
            fields: {
              SOPTYPE: line.sopType ?? sopType,
              SOPNUMBE: order.sopNumber,
              CUSTNMBR: order.customer,
              DOCDATE: '2026-11-29',
              ITEMNMBR: line.item,
              QUANTITY: line.quantity,
              UNITPRCE: line.unitPrice,
              XTNDPRCE: line.extended,
              LNITMSEQ: String((i + 1) * 16384),
              ...(line.nonInventory ? { NONINVEN: '1', ITEMDESC: 'Non-inventory line' } : {}),
              ...(line.site ? { LOCNCODE: line.site } : {}),
            },
          })),
        ],
      },
    ],
  };
}

/** A valid order of two seeded items (2 × 19.99 + 1 × 4.35) for a seeded customer. */
export function seededOrder(sopNumber = 'WO1001', po = '1001'): TestOrder {
  return {
    sopNumber,
    customer: 'GARDNER0001',
    po,
    lines: [
      { item: 'WCGP-MUG-001', quantity: '2', unitPrice: '19.99', extended: '39.98' },
      { item: 'WCGP-PEN-002', quantity: '1', unitPrice: '4.35', extended: '4.35' },
    ],
    subtotal: '44.33',
    freight: '7.95',
    tax: '3.5',
    documentAmount: '55.78',
  };
}
