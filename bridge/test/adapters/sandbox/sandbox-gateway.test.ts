import { mkdtempSync, rmSync } from 'node:fs';
import { fromGpError } from '../../../src/use-cases/message-results.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GpExecutionError } from '../../../src/ports/gp-gateway.js';
import { GpValidationError } from '../../../src/ports/gp-validation-error.js';
import { resetSandbox } from '../../../src/adapters/sandbox/database.js';
import { postSandboxDocument, setSandboxBatchInUse } from '../../../src/adapters/sandbox/sandbox-admin.js';
import { createSandboxGateway, type SandboxGateway } from '../../../src/adapters/sandbox/sandbox-gateway.js';
import { customerDocument, itemDocument, orderDocument, seededOrder } from '../../support/gp-documents.js';

let dir: string;
let path: string;
let gateway: SandboxGateway;
const clock = () => new Date('2026-11-29T04:00:00.000Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gp-sandbox-'));
  path = join(dir, 'sandbox-gp.sqlite');
  gateway = createSandboxGateway({ path, clock });
});
afterEach(async () => {
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (table: string, where = '1 = 1', ...values: unknown[]): number =>
  (gateway.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...values) as { n: number }).n;

async function failure(promise: Promise<unknown>): Promise<GpExecutionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GpExecutionError);
  return error as GpExecutionError;
}

describe('sandbox GP: the company file', () => {
  it('when opened for the first time, then it is seeded with the fixture SKUs, two sites and customers', async () => {
    const items = await gateway.findItems([
      'WCGP-MUG-001',
      'WCGP-TEE-M',
      'WCGP-SHELF-BRACKET-HD-STEEL-BLK-350',
      'NOPE',
    ]);
    expect([...items].sort()).toEqual(['WCGP-MUG-001', 'WCGP-TEE-M']);
    expect(count('IV00101')).toBeGreaterThanOrEqual(24);
    expect(count('IV00102', "RCRDTYPE = 2 AND LOCNCODE IN ('MAIN', 'WEST')")).toBeGreaterThan(40);
    expect(await gateway.findCustomerByEmail('alice.gardner@example.com')).toBe('GARDNER0001');
  });

  it('when the gateway is closed and reopened, then what was written is still there', async () => {
    await gateway.transaction('customer:x', (tx) => tx.execute(customerDocument('WCX1', 'x@example.com')));
    await gateway.close();
    gateway = createSandboxGateway({ path, clock });
    expect(await gateway.customerExists('WCX1')).toBe(true);
  });

  it('when the sandbox is reset, then written data is gone and the seed is back', async () => {
    await gateway.transaction('customer:x', (tx) => tx.execute(customerDocument('WCX1', 'x@example.com')));
    await gateway.close();
    resetSandbox(path, clock);
    gateway = createSandboxGateway({ path, clock });
    expect(await gateway.customerExists('WCX1')).toBe(false);
    expect(await gateway.customerExists('GARDNER0001')).toBe(true);
  });
});

describe('sandbox GP: customers and items', () => {
  it('when a customer document runs, then RM00101, both addresses and the e-mail are written and found case-insensitively', async () => {
    await gateway.transaction('customer:new', (tx) =>
      tx.execute(customerDocument('WC42', 'New.Person@Example.com')),
    );
    expect(count('RM00101', 'CUSTNMBR = ?', 'WC42')).toBe(1);
    expect(count('RM00102', 'CUSTNMBR = ?', 'WC42')).toBe(2);
    expect(await gateway.findCustomerByEmail('  new.person@example.COM ')).toBe('WC42');
  });

  it('when a customer number is lower case, then GP refuses it with its number and text', async () => {
    const error = await failure(
      gateway.transaction('c', (tx) => tx.execute(customerDocument('wc42', 'a@example.com'))),
    );
    expect(error.kind).toBe('business');
    expect(error.errors[0]?.number).toBe(91004);
    expect(error.errors[0]?.text).toMatch(/upper case/);
  });

  it('when an item document runs twice, then there is one item, updated', async () => {
    await gateway.transaction('item:a', (tx) => tx.execute(itemDocument('NEW-ITEM', 'First')));
    await gateway.transaction('item:a', (tx) => tx.execute(itemDocument('NEW-ITEM', 'Second')));
    expect(gateway.db.prepare('SELECT ITEMDESC FROM IV00101 WHERE ITEMNMBR = ?').all('NEW-ITEM')).toEqual([
      { ITEMDESC: 'Second' },
    ]);
  });

  it('when a required element is empty, then the error names it', async () => {
    const error = await failure(gateway.transaction('i', (tx) => tx.execute(itemDocument(''))));
    expect(error.errors[0]?.text).toBe('ITEMNMBR is required and was empty or missing');
  });
});

describe('sandbox GP: sales documents', () => {
  it('when a valid order runs, then header and lines are written and stock is allocated at the site', async () => {
    await gateway.transaction('order:1001', (tx) => tx.execute(orderDocument(seededOrder())));
    expect(await gateway.findSopDocuments({ customerPo: '1001' })).toEqual([
      {
        sopType: 2,
        sopNumber: 'WO1001',
        customerNumber: 'GARDNER0001',
        customerPo: '1001',
        documentAmount: '55.78',
        posted: false,
        voided: false,
      },
    ]);
    expect(count('SOP10200', 'SOPNUMBE = ?', 'WO1001')).toBe(2);
    expect(
      gateway.db
        .prepare("SELECT ATYALLOC FROM IV00102 WHERE ITEMNMBR = 'WCGP-MUG-001' AND LOCNCODE = 'MAIN'")
        .get(),
    ).toEqual({ ATYALLOC: '2' });
  });

  it.each([
    ['the document amount is not the sum of its parts', { documentAmount: '55.77' }, 235],
    ['the subtotal is not the sum of the lines', { subtotal: '44.34', documentAmount: '55.79' }, 67],
    ['the customer does not exist', { customer: 'NOBODY' }, 91001],
  ])('when %s, then GP error %i and nothing is written', async (_name, change, number) => {
    const error = await failure(
      gateway.transaction('o', (tx) => tx.execute(orderDocument({ ...seededOrder(), ...change }))),
    );
    expect(error.kind).toBe('business');
    expect(error.errors.map((e) => e.number)).toContain(number);
    expect(count('SOP10100')).toBe(0);
    expect(count('SOP10200')).toBe(0);
    expect(
      gateway.db
        .prepare("SELECT ATYALLOC FROM IV00102 WHERE ITEMNMBR = 'WCGP-MUG-001' AND RCRDTYPE = 1")
        .get(),
    ).toEqual({ ATYALLOC: '0' });
  });

  it('when unit price × quantity is not the extended price, then error 722 from the line procedure', async () => {
    const order = seededOrder();
    const lines = [{ item: 'WCGP-MUG-001', quantity: '2', unitPrice: '19.99', extended: '39.99' }];
    const error = await failure(
      gateway.transaction('o', (tx) =>
        tx.execute(orderDocument({ ...order, lines, subtotal: '39.99', documentAmount: '51.44' })),
      ),
    );
    expect(error.errors[0]).toEqual({
      number: 722,
      procedure: 'taSopLineIvcInsert',
      text: expect.stringMatching(/extended price/),
    });
  });

  it('when a line item is unknown, then error 91002, unless the line is non-inventory', async () => {
    const order = seededOrder();
    const lines = [{ item: 'NOT-IN-GP', quantity: '1', unitPrice: '44.33', extended: '44.33' }];
    const error = await failure(
      gateway.transaction('o', (tx) => tx.execute(orderDocument({ ...order, lines }))),
    );
    expect(error.errors[0]?.number).toBe(91002);
    await gateway.transaction('o', (tx) =>
      tx.execute(orderDocument({ ...order, lines: [{ ...lines[0]!, nonInventory: true }] })),
    );
    expect(count('SOP10200', "ITEMNMBR = 'NOT-IN-GP' AND NONINVEN = 1")).toBe(1);
  });

  it('when a line has another SOPTYPE than its header, then error 67', async () => {
    const order = seededOrder();
    const lines = order.lines.map((l, i) => (i === 0 ? { ...l, sopType: '3' } : l));
    const error = await failure(
      gateway.transaction('o', (tx) => tx.execute(orderDocument({ ...order, lines }))),
    );
    expect(error.errors.map((e) => e.number)).toContain(67);
  });

  it('when the document number exists already, then error 2221 and the first document is untouched', async () => {
    await gateway.transaction('o', (tx) => tx.execute(orderDocument(seededOrder())));
    const error = await failure(gateway.transaction('o', (tx) => tx.execute(orderDocument(seededOrder()))));
    expect(error.errors[0]?.number).toBe(2221);
    expect(count('SOP10200', 'SOPNUMBE = ?', 'WO1001')).toBe(2);
  });

  it('when a value is longer than its parameter, then a validation error names the field and GP is not called', async () => {
    const error = await failure(
      gateway.transaction('o', (tx) => tx.execute(orderDocument({ ...seededOrder(), po: 'P'.repeat(21) }))),
    );
    expect(error).toBeInstanceOf(GpValidationError);
    expect(error.kind).toBe('validation');
    expect(error.field).toBe('taSopHdrIvcInsert.CSTPONBR');
    expect((error as GpValidationError).reason).toBe('too_long');
    expect(count('SOP10200')).toBe(0);
  });

  it('when the batch is held by a GP user, then a retryable batch_in_use error and nothing is written', async () => {
    setSandboxBatchInUse(gateway.db, 'WOO', true, clock);
    const error = await failure(gateway.transaction('o', (tx) => tx.execute(orderDocument(seededOrder()))));
    expect(error.kind).toBe('batch_in_use');
    expect(fromGpError('m', error).status).toBe('retry');
    expect(await gateway.batchInUse('WOO')).toBe(true);
    expect(count('SOP10200')).toBe(0);
  });

  it('when a document is voided, then it moves to history as voided and its allocation is released', async () => {
    await gateway.transaction('o', (tx) => tx.execute(orderDocument(seededOrder())));
    await gateway.transaction('o', (tx) =>
      tx.execute({
        transactions: [
          {
            type: 'SOPVoidDocumentType',
            nodes: [{ node: 'taSopVoidDocument', fields: { SOPTYPE: '2', SOPNUMBE: 'WO1001' } }],
          },
        ],
      }),
    );
    expect(await gateway.findSopDocuments({ sopType: 2, sopNumber: 'WO1001' })).toMatchObject([
      { posted: false, voided: true },
    ]);
    expect(
      gateway.db
        .prepare("SELECT ATYALLOC FROM IV00102 WHERE ITEMNMBR = 'WCGP-MUG-001' AND LOCNCODE = 'MAIN'")
        .get(),
    ).toEqual({ ATYALLOC: '0' });
  });

  it('when a posted document is voided, then error 91010', async () => {
    await gateway.transaction('o', (tx) => tx.execute(orderDocument(seededOrder())));
    postSandboxDocument(gateway.db, 2, 'WO1001', clock);
    const error = await failure(
      gateway.transaction('o', (tx) =>
        tx.execute({
          transactions: [
            {
              type: 'SOPVoidDocumentType',
              nodes: [{ node: 'taSopVoidDocument', fields: { SOPTYPE: '2', SOPNUMBE: 'WO1001' } }],
            },
          ],
        }),
      ),
    );
    expect(error.errors[0]?.number).toBe(91010);
  });

  it('when work throws after a document ran, then the whole transaction is rolled back', async () => {
    const crash = gateway.transaction('o', async (tx) => {
      await tx.execute(customerDocument('WC77', 'rollback@example.com'));
      await tx.execute(orderDocument({ ...seededOrder(), customer: 'WC77' }));
      throw new Error('response lost');
    });
    await expect(crash).rejects.toThrow('response lost');
    expect(await gateway.customerExists('WC77')).toBe(false);
    expect(count('SOP10100')).toBe(0);
  });
});

describe('sandbox GP: more GP rules', () => {
  it('when a line has another currency than its header, then error 9370', async () => {
    const document = orderDocument(seededOrder());
    const [transaction] = document.transactions;
    const nodes = transaction!.nodes.map((n) => ({
      ...n,
      fields: { ...n.fields, CURNCYID: n.node === 'taSopHdrIvcInsert' ? 'USD' : 'EUR' },
    }));
    const error = await failure(
      gateway.transaction('o', (tx) => tx.execute({ transactions: [{ ...transaction!, nodes }] })),
    );
    expect(error.errors.map((e) => e.number)).toContain(9370);
  });

  it('when a name has characters outside code page 1252, then a validation error before GP sees it', async () => {
    const error = await failure(
      gateway.transaction('c', (tx) =>
        tx.execute(customerDocument('WC9', 'c@example.com', { CUSTNAME: 'Иван Петров' })),
      ),
    );
    expect((error as GpValidationError).reason).toBe('code_page');
    expect(error.field).toBe('taUpdateCreateCustomerRcd.CUSTNAME');
    expect(await gateway.customerExists('WC9')).toBe(false);
  });

  it('when an order is deleted, then its rows are gone and its allocation released', async () => {
    await gateway.transaction('o', (tx) => tx.execute(orderDocument(seededOrder())));
    await gateway.transaction('o', (tx) =>
      tx.execute({
        transactions: [
          {
            type: 'SOPDeleteDocumentType',
            nodes: [{ node: 'taSopDeleteDocument', fields: { SOPTYPE: '2', SOPNUMBE: 'WO1001' } }],
          },
        ],
      }),
    );
    expect(count('SOP10100')).toBe(0);
    expect(count('SOP10200')).toBe(0);
    expect(
      gateway.db
        .prepare("SELECT ATYALLOC FROM IV00102 WHERE ITEMNMBR = 'WCGP-MUG-001' AND RCRDTYPE = 1")
        .get(),
    ).toEqual({ ATYALLOC: '0' });
  });
});
