import { describe, expect, it } from 'vitest';
import { createSqlGateway } from '../../../src/adapters/sql/sql-gateway.js';
import { FakeMssql } from '../../support/fake-mssql.js';

/**
 * The SQL side of "is this repeat unchanged?": what GP stores for a SOP document, a customer and an item, read
 * with typed parameters and returned under eConnect element names (FRTAMNT → FREIGHT, ZIP → ZIPCODE …).
 */
function setup() {
  const fake = new FakeMssql();
  const gateway = createSqlGateway(
    {
      server: 'gp-sql',
      port: 1433,
      database: 'TWO',
      user: 'u',
      password: 'p',
      encrypt: true,
      trustServerCertificate: false,
      poolMax: 2,
      requestTimeoutMs: 1000,
      retryDelayMs: 0,
    },
    { driver: fake },
  );
  return { fake, gateway };
}

describe('stored SOP documents, customers and items on SQL Server', () => {
  it('when the document is in work, then its header and lines come back by element name, trimmed, unposted', async () => {
    const { fake, gateway } = setup();
    fake.queryHandler = (text) => {
      if (text.includes('FROM SOP10100'))
        return [
          {
            SOPNUMBE: 'WO1001      ',
            VOIDSTTS: 0,
            FREIGHT: '5.00000',
            DOCAMNT: '20.00000',
            ADDRESS1: '1 Main St   ',
          },
        ];
      if (text.includes('FROM SOP10200'))
        return [
          {
            LNITMSEQ: 16384,
            ITEMNMBR: 'MUG   ',
            QUANTITY: '4.00000',
            UNITPRCE: '5.00000',
            XTNDPRCE: '20.00000',
          },
        ];
      return undefined;
    };
    const stored = await gateway.readSopDocument(2, 'WO1001');
    expect(stored).toEqual({
      sopType: 2,
      sopNumber: 'WO1001',
      posted: false,
      voided: false,
      header: { SOPNUMBE: 'WO1001', FREIGHT: '5.00000', DOCAMNT: '20.00000', ADDRESS1: '1 Main St' },
      lines: [
        {
          LNITMSEQ: '16384',
          ITEMNMBR: 'MUG',
          QUANTITY: '4.00000',
          UNITPRCE: '5.00000',
          XTNDPRCE: '20.00000',
        },
      ],
    });
    const header = fake.statements.find((s) => s.text.includes('FROM SOP10100'));
    expect(header?.text).toContain('FRTAMNT AS varchar(40)) AS FREIGHT');
    expect(header?.inputs).toEqual([
      { name: 'type', type: 'smallint', value: 2 },
      { name: 'number', type: 'char(21)', value: 'WO1001' },
    ]);
  });

  it('when the document is only in history, then it is read from SOP30200/SOP30300 and is posted', async () => {
    const { fake, gateway } = setup();
    fake.queryHandler = (text) =>
      text.includes('FROM SOP30200') ? [{ SOPNUMBE: 'WI7', VOIDSTTS: 0, DOCAMNT: '9.00000' }] : undefined;
    expect(await gateway.readSopDocument(3, 'WI7')).toMatchObject({
      posted: true,
      header: { DOCAMNT: '9.00000' },
      lines: [],
    });
    expect(fake.statements.some((s) => s.text.includes('FROM SOP30300'))).toBe(true);
  });

  it('when GP has no such document, customer or item, then null; a key longer than GP holds is not even asked', async () => {
    const { fake, gateway } = setup();
    expect(await gateway.readSopDocument(2, 'NONE')).toBeNull();
    expect(await gateway.readCustomer('C1')).toBeNull();
    expect(await gateway.readItem('X'.repeat(31))).toBeNull();
    expect(fake.statements.some((s) => s.text.includes('FROM IV00101'))).toBe(false);
  });

  it('when a customer exists, then its record, addresses and internet addresses come back keyed by address code', async () => {
    const { fake, gateway } = setup();
    fake.queryHandler = (text) => {
      if (text.includes('FROM RM00101')) return [{ CUSTNAME: 'Ada ', ZIPCODE: '02134', ADRSCODE: 'PRIMARY' }];
      if (text.includes('FROM RM00102')) return [{ ADRSCODE: 'ship ', CITY: 'Boston' }];
      if (text.includes('FROM SY01200'))
        return [{ ADRSCODE: 'PRIMARY', INET1: 'ada@example.com', EmailToAddress: null }];
      return undefined;
    };
    const stored = await gateway.readCustomer('C1');
    expect(stored?.fields).toEqual({ CUSTNAME: 'Ada', ZIPCODE: '02134', ADRSCODE: 'PRIMARY' });
    expect(stored?.addresses?.get('SHIP')).toEqual({ ADRSCODE: 'ship', CITY: 'Boston' });
    expect(stored?.internet?.get('PRIMARY')).toEqual({ ADRSCODE: 'PRIMARY', INET1: 'ada@example.com' });
    expect(fake.statements.find((s) => s.text.includes('FROM RM00101'))?.text).toContain('ZIP AS ZIPCODE');
  });
});
