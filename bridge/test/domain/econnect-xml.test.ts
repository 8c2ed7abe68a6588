import { describe, expect, it } from 'vitest';
import type { EConnectDocument } from '../../src/domain/index.js';
import { toEConnectXml } from '../../src/domain/index.js';
import { ECONNECT_XSD_AVAILABLE, validateEConnect } from '../support/xsd.js';

const sale: EConnectDocument = {
  transactions: [
    {
      type: 'SOPDeleteDocumentType',
      nodes: [{ node: 'taSopDeleteDocument', fields: { SOPNUMBE: 'WO1', SOPTYPE: '2' } }],
    },
    {
      type: 'SOPTransactionType',
      nodes: [
        {
          node: 'taSopHdrIvcInsert',
          fields: {
            BACHNUMB: 'WOO',
            CUSTNMBR: 'WC3',
            DOCDATE: '2026-11-29',
            SOPNUMBE: 'WI1',
            DOCID: 'STDINV',
            SOPTYPE: '3',
            CUSTNAME: 'A & B <C>',
          },
        },
        {
          node: 'taSopLineIvcInsert',
          fields: {
            SOPTYPE: '3',
            SOPNUMBE: 'WI1',
            CUSTNMBR: 'WC3',
            DOCDATE: '2026-11-29',
            ITEMNMBR: 'A',
            QUANTITY: '1',
          },
        },
        {
          node: 'taSopLineIvcInsert',
          fields: {
            SOPTYPE: '3',
            SOPNUMBE: 'WI1',
            CUSTNMBR: 'WC3',
            DOCDATE: '2026-11-29',
            ITEMNMBR: 'B',
            QUANTITY: '2',
          },
        },
      ],
    },
  ],
};

describe('toEConnectXml', () => {
  const xml = toEConnectXml(sale);

  it('when nodes are given out of order, then transactions, nodes and elements follow the schema order with lines in one _Items container', () => {
    expect(xml.indexOf('<SOPTransactionType>')).toBeLessThan(xml.indexOf('<SOPDeleteDocumentType>'));
    expect(xml.match(/<taSopLineIvcInsert_Items>/g)).toHaveLength(1);
    expect(xml.indexOf('</taSopLineIvcInsert_Items>')).toBeLessThan(xml.indexOf('<taSopHdrIvcInsert>'));
    expect(xml).toContain(
      '<taSopHdrIvcInsert><SOPTYPE>3</SOPTYPE><DOCID>STDINV</DOCID><SOPNUMBE>WI1</SOPNUMBE><DOCDATE>2026-11-29</DOCDATE><CUSTNMBR>WC3</CUSTNMBR>',
    );
  });

  it('when values hold XML characters, then they are escaped', () => {
    expect(xml).toContain('<CUSTNAME>A &amp; B &lt;C&gt;</CUSTNAME>');
  });

  // These two test the schema check itself, so without the schema they are skipped (and say so).
  it.skipIf(!ECONNECT_XSD_AVAILABLE)(
    'when serialised, then the document is valid against eConnect.xsd',
    async () => {
      expect(await validateEConnect(xml)).toEqual({ valid: true, errors: [] });
    },
  );

  it.skipIf(!ECONNECT_XSD_AVAILABLE)(
    'when a required element is missing, then the schema check fails (the validator is not a rubber stamp)',
    async () => {
      const broken = toEConnectXml({
        transactions: [
          {
            type: 'SOPDeleteDocumentType',
            nodes: [{ node: 'taSopDeleteDocument', fields: { SOPTYPE: '2' } }],
          },
        ],
      });
      const result = await validateEConnect(broken);
      expect(result.valid).toBe(false);
      expect(result.errors.join('\n')).toContain('SOPNUMBE');
    },
  );

  it('when a value holds a control character XML cannot carry, then serialising refuses it rather than writing broken XML', () => {
    expect(() =>
      toEConnectXml({
        transactions: [
          {
            type: 'SOPDeleteDocumentType',
            nodes: [{ node: 'taSopDeleteDocument', fields: { SOPTYPE: '2', SOPNUMBE: 'WO\u0001' } }],
          },
        ],
      }),
    ).toThrow(/XML 1.0/);
  });

  it('when a node has an element the schema does not know, then serialising refuses it', () => {
    expect(() =>
      toEConnectXml({
        transactions: [
          {
            type: 'SOPDeleteDocumentType',
            nodes: [{ node: 'taSopDeleteDocument', fields: { SOPTYPE: '2', SOPNUMBE: 'X', FRTAMNT: '1' } }],
          },
        ],
      }),
    ).toThrow(/FRTAMNT/);
  });
});
