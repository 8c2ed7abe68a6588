import { describe, expect, it } from 'vitest';
import { createSqlGateway } from '../../src/adapters/sql/sql-gateway.js';
import { processBatch } from '../../src/use-cases/process-batch.js';
import { FakeMssql } from '../support/fake-mssql.js';
import { batch, message, orderPayload } from '../support/payloads.js';
import { TEST_MAPPING } from '../support/test-mapping.js';

function sqlDeps() {
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
  return { fake, deps: { gateway, mapping: TEST_MAPPING } };
}

describe('an order on the SQL path (fake mssql)', () => {
  it('when a new order is processed, then in one transaction: order lock, look-ups, customer lock, customer then order procedures, commit', async () => {
    const { fake, deps } = sqlDeps();
    fake.queryHandler = (text) =>
      text.includes('FROM IV00101 WHERE ITEMNMBR IN')
        ? [{ item: 'WCGP-MUG-001' }, { item: 'WCGP-PEN-002' }]
        : undefined;
    const [result] = await processBatch(batch(message('m', 'order', orderPayload())), deps);

    expect(result).toMatchObject({
      status: 'done',
      gp: { customer_number: 'WC42', sop_number: 'WO1001', sop_type: 2, outcome: 'created' },
    });
    const inTransaction = fake.statements.filter(
      (s) => s.transaction === 1 && !s.text.includes('sys.parameters'),
    );
    const steps = inTransaction.map((s) =>
      s.kind === 'execute'
        ? s.text
        : s.text.includes('sp_getapplock')
          ? `lock ${String(s.inputs[0]?.value)}`
          : (/FROM (\w+)/.exec(s.text)?.[1] ?? s.text),
    );
    expect(steps).toEqual([
      'lock gpsync:order:1001',
      'SOP10100',
      'SOP10100',
      'lock gpsync:customer:ada@example.com',
      'SY01200',
      'RM00101',
      'IV00101',
      'SY00500',
      'taUpdateCreateCustomerRcd',
      'taCreateCustomerAddress',
      'taCreateInternetAddresses',
      'taSopLineIvcInsert',
      'taSopLineIvcInsert',
      'taSopHdrIvcInsert',
    ]);
    expect(fake.events.filter((e) => e.includes('#'))).toEqual(['begin#1', 'commit#1']);
  });

  it('when GP already has the document, then the transaction reads and commits without calling any procedure', async () => {
    const { fake, deps } = sqlDeps();
    // The document look-up finds it; its stored content reads as nothing to compare, so it is unchanged.
    fake.queryHandler = (text) =>
      text.includes('FROM SOP10100') && text.includes('CSTPONBR')
        ? [
            {
              SOPTYPE: 2,
              SOPNUMBE: 'WO1001',
              CUSTNMBR: 'WC42',
              CSTPONBR: '1001',
              DOCAMNT: '55.78000',
              VOIDSTTS: 0,
              posted: 0,
            },
          ]
        : undefined;
    const [result] = await processBatch(batch(message('m', 'order', orderPayload())), deps);
    expect(result).toMatchObject({ status: 'done', gp: { sop_number: 'WO1001', outcome: 'existing' } });
    expect(fake.executed()).toEqual([]);
  });
});
