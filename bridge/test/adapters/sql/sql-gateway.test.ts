import { describe, expect, it } from 'vitest';
import { fromGpError } from '../../../src/use-cases/message-results.js';
import { createSqlGateway } from '../../../src/adapters/sql/sql-gateway.js';
import type { SqlGatewayConfig } from '../../../src/adapters/sql/sql-config.js';
import { GpExecutionError } from '../../../src/ports/gp-gateway.js';
import { GpValidationError } from '../../../src/ports/gp-validation-error.js';
import { FakeMssql, sqlError, sysParametersFor } from '../../support/fake-mssql.js';
import { customerDocument, orderDocument, seededOrder } from '../../support/gp-documents.js';

const CONFIG: SqlGatewayConfig = {
  server: 'gp-sql',
  port: 1433,
  database: 'TWO',
  user: 'gpsync',
  password: 'not-a-real-password',
  encrypt: true,
  trustServerCertificate: false,
  poolMax: 5,
  requestTimeoutMs: 30_000,
  retries: 2,
  retryDelayMs: 0,
};

function setup() {
  const fake = new FakeMssql();
  const gateway = createSqlGateway(CONFIG, { driver: fake });
  return { fake, gateway };
}

async function failure(promise: Promise<unknown>): Promise<GpExecutionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GpExecutionError);
  return error as GpExecutionError;
}

const executions = (fake: FakeMssql) => fake.statements.filter((s) => s.kind === 'execute');

describe('sql gateway: executing a document', () => {
  it('when a customer document runs, then each node is one procedure call with typed @I_v inputs and both outputs, then commit', async () => {
    const { fake, gateway } = setup();
    await gateway.transaction('customer:a@example.com', (tx) =>
      tx.execute(customerDocument('WC42', 'a@example.com')),
    );

    expect(fake.executed()).toEqual([
      'taUpdateCreateCustomerRcd',
      'taCreateCustomerAddress',
      'taCreateInternetAddresses',
    ]);
    const [customer] = executions(fake);
    expect(customer?.inputs).toEqual([
      { name: 'I_vCUSTNMBR', type: 'char(15)', value: 'WC42' },
      { name: 'I_vCUSTNAME', type: 'char(64)', value: 'Test Customer' },
      { name: 'I_vADRSCODE', type: 'char(15)', value: 'PRIMARY' },
      { name: 'I_vADDRESS1', type: 'char(60)', value: '1 Main St' },
      { name: 'I_vCITY', type: 'char(35)', value: 'Springfield' },
      { name: 'I_vUpdateIfExists', type: 'tinyint', value: 1 },
    ]);
    expect(customer?.outputs).toEqual([
      { name: 'O_iErrorState', type: 'int' },
      { name: 'oErrString', type: 'varchar(255)' },
    ]);
    expect(executions(fake).every((s) => s.transaction === 1)).toBe(true);
    expect(fake.events.filter((e) => /#/.test(e))).toEqual(['begin#1', 'commit#1']);
  });

  it('when the transaction starts, then it takes an exclusive transaction-owned application lock on the key first', async () => {
    const { fake, gateway } = setup();
    await gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder())));
    const first = fake.statements.find((s) => s.transaction === 1);
    expect(first?.text).toContain(
      "sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction'",
    );
    expect(first?.inputs).toEqual([
      { name: 'resource', type: 'nvarchar(255)', value: 'gpsync:order:1001' },
      { name: 'timeout', type: 'int', value: 10_000 },
    ]);
  });

  it('when an order runs, then lines go before the header and numbers, dates and amounts travel as their SQL types', async () => {
    const { fake, gateway } = setup();
    await gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder())));
    expect(fake.executed()).toEqual(['taSopLineIvcInsert', 'taSopLineIvcInsert', 'taSopHdrIvcInsert']);
    const header = executions(fake)[2]!;
    const input = (name: string) => header.inputs.find((i) => i.name === name);
    expect(input('I_vSOPTYPE')).toEqual({ name: 'I_vSOPTYPE', type: 'smallint', value: 2 });
    expect(input('I_vDOCDATE')).toEqual({
      name: 'I_vDOCDATE',
      type: 'datetime',
      value: new Date('2026-11-29T00:00:00.000Z'),
    });
    expect(input('I_vDOCAMNT')).toEqual({ name: 'I_vDOCAMNT', type: 'numeric(19,5)', value: '55.78' });
    expect(input('I_vCSTPONBR')).toEqual({ name: 'I_vCSTPONBR', type: 'char(20)', value: '1001' });
    // Schema order of the elements, not the order the document listed them in.
    expect(header.inputs.map((i) => i.name).slice(0, 4)).toEqual([
      'I_vSOPTYPE',
      'I_vDOCID',
      'I_vSOPNUMBE',
      'I_vTAXAMNT',
    ]);
  });

  it('when a procedure returns an error state, then later nodes do not run, the transaction rolls back and GP numbers come with their texts', async () => {
    const { fake, gateway } = setup();
    let lines = 0;
    fake.procedures.set('taSopLineIvcInsert', () =>
      ++lines === 2 ? { state: 722, errors: ' 722 67' } : { state: 0 },
    );
    fake.errorTexts.set(722, 'Unit price times quantity does not equal extended price');
    const error = await failure(
      gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder()))),
    );

    expect(fake.executed()).toEqual(['taSopLineIvcInsert', 'taSopLineIvcInsert']);
    expect(fake.events.filter((e) => /#/.test(e))).toEqual(['begin#1', 'rollback#1']);
    expect(error.kind).toBe('business');
    expect(error.errors).toEqual([
      {
        number: 722,
        procedure: 'taSopLineIvcInsert',
        text: 'Unit price times quantity does not equal extended price',
      },
      {
        number: 67,
        procedure: 'taSopLineIvcInsert',
        text: 'eConnect error 67 (not listed in DYNAMICS..taErrorCode)',
      },
    ]);
    const textQuery = fake.statements.find((s) => s.text.includes('taErrorCode'));
    expect(textQuery?.text).toContain('[DYNAMICS]..taErrorCode WHERE ErrorCode = @code');
    expect(textQuery?.inputs).toEqual([{ name: 'code', type: 'int', value: 722 }]);
  });

  it('when the error string says 670, then the error is 670, never 67', async () => {
    const { fake, gateway } = setup();
    fake.procedures.set('taSopHdrIvcInsert', () => ({ state: 670, errors: '670 ' }));
    const error = await failure(
      gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder()))),
    );
    expect(error.errors.map((e) => e.number)).toEqual([670]);
  });

  it('when SQL Server picks the transaction as deadlock victim, then the whole transaction is retried and commits', async () => {
    const { fake, gateway } = setup();
    let calls = 0;
    fake.procedures.set('taSopHdrIvcInsert', () =>
      ++calls === 1 ? sqlError('Transaction was deadlocked', { number: 1205 }) : { state: 0 },
    );
    await gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder())));
    expect(fake.events.filter((e) => /#/.test(e))).toEqual(['begin#1', 'rollback#1', 'begin#2', 'commit#2']);
    expect(fake.executed()).toEqual([
      'taSopLineIvcInsert',
      'taSopLineIvcInsert',
      'taSopHdrIvcInsert',
      'taSopLineIvcInsert',
      'taSopLineIvcInsert',
      'taSopHdrIvcInsert',
    ]);
  });

  it('when deadlocks persist, then after the retries it is a retryable deadlock error', async () => {
    const { fake, gateway } = setup();
    fake.procedures.set('taSopHdrIvcInsert', () => sqlError('Transaction was deadlocked', { number: 1205 }));
    const error = await failure(
      gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder()))),
    );
    expect(error.kind).toBe('deadlock');
    expect(fromGpError('m', error).status).toBe('retry');
    expect(fake.events.filter((e) => e.startsWith('begin'))).toHaveLength(3);
  });

  it('when the server cannot be reached, then the error is unavailable (retryable), after retrying the connection', async () => {
    const { fake, gateway } = setup();
    for (let i = 0; i < 3; i++)
      fake.connectFailures.push(sqlError('Failed to connect to gp-sql:1433', { code: 'ESOCKET' }));
    const error = await failure(
      gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder()))),
    );
    expect(error.kind).toBe('unavailable');
    expect(fromGpError('m', error).status).toBe('retry');
    expect(fake.connectCount).toBe(3);
    expect(error.message).not.toContain(CONFIG.password);
  });

  it('when the connection drops and comes back, then the next attempt reconnects and succeeds', async () => {
    const { fake, gateway } = setup();
    fake.connectFailures.push(sqlError('Connection lost', { code: 'ECONNCLOSED' }));
    await gateway.transaction('customer:a', (tx) => tx.execute(customerDocument('WC42', 'a@example.com')));
    expect(fake.connectCount).toBe(2);
    expect(fake.events).toContain('commit#1');
  });

  it('when a statement times out, then the error is timeout and the transaction is rolled back', async () => {
    const { fake, gateway } = setup();
    fake.procedures.set('taUpdateCreateCustomerRcd', () =>
      sqlError('Timeout: Request failed to complete in 30000ms', { code: 'ETIMEOUT' }),
    );
    const error = await failure(
      gateway.transaction('customer:a', (tx) => tx.execute(customerDocument('WC42', 'a@example.com'))),
    );
    expect(error.kind).toBe('timeout');
    expect(fake.events).toContain('rollback#1');
  });

  it('when the application lock times out, then a retryable timeout and no procedure runs', async () => {
    const { fake, gateway } = setup();
    fake.queryHandler = (text) => (text.includes('sp_getapplock') ? [{ result: -1 }] : undefined);
    const error = await failure(
      gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder()))),
    );
    expect(error.kind).toBe('timeout');
    expect(fake.executed()).toEqual([]);
  });
});

describe('sql gateway: the real parameter list', () => {
  it('when a value is longer than the database says the parameter is, then a validation error names the field and nothing runs', async () => {
    const { fake, gateway } = setup();
    fake.sysParameters.set(
      'taSopHdrIvcInsert',
      sysParametersFor('taSopHdrIvcInsert', (element, type) =>
        element === 'CSTPONBR' ? { kind: 'char', length: 3 } : type,
      ),
    );
    const error = await failure(
      gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder()))),
    );
    expect(error).toBeInstanceOf(GpValidationError);
    expect(error.field).toBe('taSopHdrIvcInsert.CSTPONBR');
    expect(error.message).toBe('taSopHdrIvcInsert.CSTPONBR is 4 characters; GP accepts at most 3');
    expect(fake.executed()).toEqual(['taSopLineIvcInsert', 'taSopLineIvcInsert']);
    expect(fake.events).toContain('rollback#1');
  });

  it('when the procedure lacks an element the document uses, then a clear validation error, not a silent drop', async () => {
    const { fake, gateway } = setup();
    fake.sysParameters.set(
      'taSopHdrIvcInsert',
      sysParametersFor('taSopHdrIvcInsert', (element, type) => (element === 'FREIGHT' ? null : type)),
    );
    const error = await failure(
      gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder()))),
    );
    expect((error as GpValidationError).reason).toBe('missing_parameter');
    expect(error.message).toContain('has no parameter @I_vFREIGHT');
  });

  it('when the database has no such procedure, then a validation error names it', async () => {
    const { fake, gateway } = setup();
    fake.sysParameters.set('taSopLineIvcInsert', []);
    const error = await failure(
      gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder()))),
    );
    expect((error as GpValidationError).reason).toBe('missing_procedure');
  });

  it('when two transactions run the same procedure, then its parameter list is read once', async () => {
    const { fake, gateway } = setup();
    await gateway.transaction('c', (tx) => tx.execute(customerDocument('WC1', 'a@example.com')));
    await gateway.transaction('c', (tx) => tx.execute(customerDocument('WC2', 'b@example.com')));
    const reads = fake.statements.filter((s) => s.text.includes('sys.parameters'));
    expect(reads.map((s) => s.inputs[0]?.value)).toEqual([
      'taUpdateCreateCustomerRcd',
      'taCreateCustomerAddress',
      'taCreateInternetAddresses',
    ]);
    expect(reads[0]?.inputs[0]?.type).toBe('nvarchar(776)');
  });
});

describe('sql gateway: look-ups', () => {
  it('when looking a customer up by e-mail, then the address is trimmed, lower-cased and compared to INET1 and EmailToAddress', async () => {
    const { fake, gateway } = setup();
    fake.queryHandler = (text, inputs) =>
      text.includes('SY01200') && inputs.get('email') === 'alice@example.com'
        ? [{ customer: 'GARDNER0001' }]
        : undefined;
    expect(await gateway.findCustomerByEmail('  Alice@Example.COM ')).toBe('GARDNER0001');
    const query = fake.statements.at(-1)!;
    expect(query.text).toContain("s.Master_Type = 'CUS'");
    expect(query.text).toContain('CAST(s.EmailToAddress AS varchar(max))');
    expect(query.inputs).toEqual([{ name: 'email', type: 'varchar(200)', value: 'alice@example.com' }]);
  });

  it('when finding SOP documents by customer PO, then work and history are both read and amounts stay decimal strings', async () => {
    const { fake, gateway } = setup();
    fake.queryHandler = (text) =>
      text.includes('SOP10100')
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
            {
              SOPTYPE: 3,
              SOPNUMBE: 'WI1001',
              CUSTNMBR: 'WC42',
              CSTPONBR: '1001',
              DOCAMNT: '55.78000',
              VOIDSTTS: 0,
              posted: 1,
            },
          ]
        : undefined;
    const documents = await gateway.findSopDocuments({ customerPo: '1001' });
    expect(documents).toEqual([
      {
        sopType: 2,
        sopNumber: 'WO1001',
        customerNumber: 'WC42',
        customerPo: '1001',
        documentAmount: '55.78',
        posted: false,
        voided: false,
      },
      {
        sopType: 3,
        sopNumber: 'WI1001',
        customerNumber: 'WC42',
        customerPo: '1001',
        documentAmount: '55.78',
        posted: true,
        voided: false,
      },
    ]);
    const query = fake.statements.at(-1)!;
    expect(query.text).toMatch(
      /FROM SOP10100 WHERE CSTPONBR = @po UNION ALL .* FROM SOP30200 WHERE CSTPONBR = @po/,
    );
    expect(query.inputs).toEqual([{ name: 'po', type: 'char(20)', value: '1001' }]);
  });

  it('when an item number is longer than GP allows, then it is reported missing without querying a truncated value', async () => {
    const { fake, gateway } = setup();
    fake.queryHandler = (text) => (text.includes('IV00101') ? [{ item: 'WCGP-MUG-001' }] : undefined);
    const found = await gateway.findItems(['WCGP-MUG-001', 'WCGP-SHELF-BRACKET-HD-STEEL-BLK-350']);
    expect([...found]).toEqual(['WCGP-MUG-001']);
    expect(fake.statements.at(-1)?.inputs).toEqual([{ name: 'i0', type: 'char(30)', value: 'WCGP-MUG-001' }]);
  });

  it('when the batch is marked in use in SY00500, then batchInUse is true', async () => {
    const { fake, gateway } = setup();
    fake.queryHandler = (text, inputs) =>
      text.includes('SY00500') && inputs.get('batch') === 'WOO' ? [{ found: 1 }] : undefined;
    expect(await gateway.batchInUse('WOO')).toBe(true);
    expect(await gateway.batchInUse('OTHER')).toBe(false);
    expect(fake.statements.at(-1)?.text).toContain('(BCHSTTUS <> 0 OR MKDTOPST = 1)');
  });

  it('when GP is down, then health says unreachable instead of throwing', async () => {
    const { fake, gateway } = setup();
    fake.connectFailures.push(sqlError('Failed to connect', { code: 'ESOCKET' }));
    const health = await gateway.health();
    expect(health.reachable).toBe(false);
    expect(health.detail).toContain('Failed to connect');
  });
});

describe('sql gateway: decimals through the driver', () => {
  it('when an amount has more significant digits than the driver carries exactly, then it is refused, not rounded', async () => {
    const { fake, gateway } = setup();
    const order = seededOrder();
    const big = {
      ...order,
      lines: [
        {
          item: 'WCGP-MUG-001',
          quantity: '1',
          unitPrice: '12345678901.12345',
          extended: '12345678901.12345',
        },
      ],
    };
    const error = await failure(gateway.transaction('o', (tx) => tx.execute(orderDocument(big))));
    expect((error as GpValidationError).reason).toBe('bad_value');
    expect(error.field).toBe('taSopLineIvcInsert.UNITPRCE');
    expect(fake.executed()).toEqual([]);
  });
});
