import { describe, expect, it } from 'vitest';
import { checkDocumentTotals, type EConnectDocument } from '../../src/domain/index.js';

function document(header: Record<string, string>, lines: Array<Record<string, string>>): EConnectDocument {
  return {
    transactions: [
      {
        type: 'SOPTransactionType',
        nodes: [
          ...lines.map((fields) => ({ node: 'taSopLineIvcInsert', fields })),
          { node: 'taSopHdrIvcInsert', fields: header },
        ],
      },
    ],
  };
}

const line = { LNITMSEQ: '16384', QUANTITY: '2', UNITPRCE: '0.895', XTNDPRCE: '1.79' };
const header = {
  SUBTOTAL: '1.79',
  FREIGHT: '7.95',
  MISCAMNT: '0',
  TAXAMNT: '0.13',
  FRTTXAMT: '0.58',
  MSCTXAMT: '0',
  TRDISAMT: '0',
  DOCAMNT: '10.45',
};
const expected = { total: '10.45', tax: '0.71', currencyDecimals: 2 };

describe('checkDocumentTotals', () => {
  it('when every GP rule holds and the figures are WooCommerce’s, then there is no failure', () => {
    expect(checkDocumentTotals(document(header, [line]), expected)).toBeNull();
  });

  it('when a line is not unit × quantity, then it fails GP rule 722 naming the line', () => {
    expect(checkDocumentTotals(document(header, [{ ...line, UNITPRCE: '0.9' }]), expected)).toMatchObject({
      code: 'gp_validation',
      details: { rule: 722, lnitmseq: '16384' },
    });
  });

  it('when SUBTOTAL is not the sum of the lines, then it fails GP rule 67', () => {
    expect(
      checkDocumentTotals(document({ ...header, SUBTOTAL: '1.80', DOCAMNT: '10.46' }, [line]), expected),
    ).toMatchObject({ code: 'gp_validation', details: { rule: 67 } });
  });

  it('when DOCAMNT is not the sum of its parts, then it fails GP rule 235', () => {
    expect(checkDocumentTotals(document({ ...header, DOCAMNT: '10.44' }, [line]), expected)).toMatchObject({
      code: 'gp_validation',
      details: { rule: 235 },
    });
  });

  it('when a trade discount is sent, then it is subtracted in rule 235', () => {
    expect(
      checkDocumentTotals(document({ ...header, TRDISAMT: '0.45', DOCAMNT: '10.00' }, [line]), {
        ...expected,
        total: '10.00',
      }),
    ).toBeNull();
  });

  it('when the tax differs from WooCommerce, then it is tax_mismatch with both figures', () => {
    expect(
      checkDocumentTotals(document(header, [line]), { ...expected, tax: '0.72', total: '10.46' }),
    ).toMatchObject({ code: 'tax_mismatch', details: { woo_tax: '0.72', gp_tax: '0.71' } });
  });

  it('when the document total differs from WooCommerce, then it is total_mismatch with both figures', () => {
    expect(
      checkDocumentTotals(document(header, [line]), { total: '10.46', currencyDecimals: 2 }),
    ).toMatchObject({ code: 'total_mismatch', details: { woo_total: '10.46', gp_total: '10.45' } });
  });
});
