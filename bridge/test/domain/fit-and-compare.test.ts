import { describe, expect, it } from 'vitest';
import { GpValues } from '../../src/domain/gp/gp-values.js';
import { ownValue } from '../../src/domain/lookup.js';
import type { EConnectDocument } from '../../src/domain/index.js';
import { recordChanges, sopDocumentChanges } from '../../src/domain/stored-changes.js';
import { profileWith } from '../support/domain-fixtures.js';

describe('address lines under length_policy fit', () => {
  const fit = new GpValues(profileWith());

  it('when a line fits, then nothing moves and nothing is warned', () => {
    expect(fit.addressLines('taSopHdrIvcInsert', '1 Main St', 'Apt 2', 'shipping')).toEqual([
      '1 Main St',
      'Apt 2',
      '',
    ]);
    expect(fit.warnings).toEqual([]);
  });

  it('when both lines overflow, then words move on to ADDRESS3 and only ADDRESS3 is left to truncation', () => {
    const values = new GpValues(profileWith());
    const word = 'Meadowbrook';
    const first = Array.from({ length: 8 }, () => word).join(' '); // 95 characters
    const [a1, a2, a3] = values.addressLines('taUpdateCreateCustomerRcd', first, first, 'billing');
    for (const line of [a1, a2]) expect(line.length).toBeLessThanOrEqual(60);
    expect(`${a1} ${a2} ${a3}`.split(' ').length).toBe(16);
    expect(values.warnings.map((w) => w.code)).toEqual(['address_spilled', 'address_spilled']);
    expect(values.warnings[0]).toMatchObject({ original: first, kept: a1 });
  });

  it('when a single word is longer than the field, then it is cut inside the word and the rest moves on', () => {
    const values = new GpValues(profileWith());
    const long = 'X'.repeat(70);
    expect(values.addressLines('taSopHdrIvcInsert', long, '', 'shipping')).toEqual([
      'X'.repeat(60),
      'X'.repeat(10),
      '',
    ]);
  });

  it('when the policy is reject or truncate, then lines are left to the per-field rule', () => {
    const long = 'word '.repeat(20).trim();
    for (const policy of ['reject', 'truncate'] as const) {
      const values = new GpValues(profileWith({ length_policy: policy }));
      expect(values.addressLines('taSopHdrIvcInsert', long, '', 'shipping')).toEqual([long, '', '']);
    }
  });

  it('when a key is too long under fit, then it is refused, never cut', () => {
    expect(() => new GpValues(profileWith()).text('taSopHdrIvcInsert', 'CUSTNMBR', 'C'.repeat(16))).toThrow(
      /GP accepts 15/,
    );
  });
});

describe('reading tables keyed by store data', () => {
  it('when the key is a built-in property name, then only own entries count', () => {
    const table: Record<string, string> = JSON.parse('{"flat_rate":"UPS"}');
    for (const key of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])
      expect(ownValue(table, key)).toBeUndefined();
    expect(ownValue(table, 'flat_rate')).toBe('UPS');
  });
});

describe('comparing a message with what GP holds', () => {
  const sop = (docAmount: string, quantity: string, address = '1 Main St'): EConnectDocument => ({
    transactions: [
      {
        type: 'SOPTransactionType',
        nodes: [
          {
            node: 'taSopLineIvcInsert',
            fields: {
              SOPTYPE: '2',
              SOPNUMBE: 'WO1',
              LNITMSEQ: '16384',
              ITEMNMBR: 'A',
              QUANTITY: quantity,
              UNITPRCE: '5',
              XTNDPRCE: docAmount,
            },
          },
          {
            node: 'taSopHdrIvcInsert',
            fields: {
              SOPTYPE: '2',
              SOPNUMBE: 'WO1',
              DOCAMNT: docAmount,
              SUBTOTAL: docAmount,
              ADDRESS1: address,
            },
          },
        ],
      },
    ],
  });
  const stored = {
    sopType: 2,
    sopNumber: 'WO1 ',
    posted: false,
    voided: false,
    header: { DOCAMNT: '15.00000', SUBTOTAL: '15.00000', ADDRESS1: '1 Main St' },
    lines: [
      { LNITMSEQ: '16384', ITEMNMBR: 'a', QUANTITY: '3.00000', UNITPRCE: '5.00000', XTNDPRCE: '15.00000' },
    ],
  };

  it('when the figures are equal at GP scale and keys differ only in case and padding, then there is no change', () => {
    expect(sopDocumentChanges([sop('15.00', '3')], stored)).toEqual([]);
  });

  it('when a quantity, a total or the ship-to changes, then each difference is listed with both values', () => {
    expect(sopDocumentChanges([sop('20.00', '4', '2 Side St')], stored)).toEqual([
      { field: 'SUBTOTAL', gp: '15.00000', woo: '20.00' },
      { field: 'DOCAMNT', gp: '15.00000', woo: '20.00' },
      { field: 'ADDRESS1', gp: '1 Main St', woo: '2 Side St' },
      { field: 'lines[16384].QUANTITY', gp: '3.00000', woo: '4' },
      { field: 'lines[16384].XTNDPRCE', gp: '15.00000', woo: '20.00' },
    ]);
  });

  it('when a line is added, then the line count and the new line are changes', () => {
    const two = sop('15.00', '3');
    const tx = two.transactions[0]!;
    const added: EConnectDocument = {
      transactions: [
        {
          ...tx,
          nodes: [{ node: 'taSopLineIvcInsert', fields: { LNITMSEQ: '32768', ITEMNMBR: 'B' } }, ...tx.nodes],
        },
      ],
    };
    expect(sopDocumentChanges([added], stored).map((c) => c.field)).toEqual([
      'lines',
      'lines[32768].ITEMNMBR',
    ]);
  });

  it('when a customer record matches, then no change; an address code GP lacks, or another city, is a change', () => {
    const doc: EConnectDocument = {
      transactions: [
        {
          type: 'RMCustomerMasterType',
          nodes: [
            {
              node: 'taUpdateCreateCustomerRcd',
              fields: { CUSTNMBR: 'C1', CITY: 'Springfield', UpdateIfExists: '1' },
            },
            {
              node: 'taCreateCustomerAddress',
              fields: { CUSTNMBR: 'C1', ADRSCODE: 'SHIP', CITY: 'Shelbyville' },
            },
          ],
        },
      ],
    };
    const record = {
      fields: { CITY: 'Springfield' },
      addresses: new Map([['SHIP', { ADRSCODE: 'SHIP', CITY: 'Shelbyville' }]]),
    };
    expect(recordChanges([doc], record)).toEqual([]);
    expect(recordChanges([doc], { ...record, addresses: new Map() })).toEqual([
      { field: 'taCreateCustomerAddress[SHIP]', gp: '', woo: 'new' },
    ]);
    expect(recordChanges([doc], { ...record, fields: { CITY: 'Capital City' } })).toEqual([
      { field: 'taUpdateCreateCustomerRcd.CITY', gp: 'Capital City', woo: 'Springfield' },
    ]);
    expect(recordChanges([doc], null)).toHaveLength(1);
  });
});
