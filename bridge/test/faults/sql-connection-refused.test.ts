import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { createSqlGateway } from '../../src/adapters/sql/sql-gateway.js';
import type { SqlDriver } from '../../src/adapters/sql/sql-driver.js';
import type { MessageResult } from '../../src/contracts/index.js';
import { processBatch } from '../../src/use-cases/process-batch.js';
import { FakeMssql, sqlError } from '../support/fake-mssql.js';
import { batch, message, orderPayload } from '../support/payloads.js';
import { TEST_MAPPING } from '../support/test-mapping.js';

/**
 * Fault: GP's SQL Server unreachable for a while, at the driver level (the fake mssql), while orders keep
 * coming: first the connection is refused (the pool cannot open), later an open pool loses its connection.
 * Nothing is dead-lettered for it, and once SQL Server answers, each order is written exactly once with its
 * total. The fake keeps the documents the header procedure wrote, and answers the bridge's SOP10100 look-up
 * from them, so a resend is really checked against what "GP" holds.
 */
function flakyGp() {
  const fake = new FakeMssql();
  const state = { refuse: false, dropConnection: false };
  const headers: Array<{ number: string; po: string; amount: string }> = [];
  fake.procedures.set('taSopHdrIvcInsert', (inputs) => {
    headers.push({
      number: String(inputs.get('I_vSOPNUMBE')).trim(),
      po: String(inputs.get('I_vCSTPONBR')).trim(),
      amount: new Decimal(String(inputs.get('I_vDOCAMNT'))).toFixed(2),
    });
    return { state: 0 };
  });
  fake.queryHandler = (text, inputs) => {
    if (state.dropConnection) return sqlError('Connection lost - read ECONNRESET', { code: 'ESOCKET' });
    if (text.includes('FROM IV00101 WHERE ITEMNMBR IN'))
      return [{ item: 'WCGP-MUG-001' }, { item: 'WCGP-PEN-002' }];
    if (text.includes('FROM SOP10100') && inputs.has('po')) {
      const po = String(inputs.get('po'));
      return headers
        .filter((h) => h.po === po)
        .map((h) => ({
          SOPTYPE: 2,
          SOPNUMBE: h.number,
          CUSTNMBR: 'WC42',
          CSTPONBR: h.po,
          DOCAMNT: h.amount,
          VOIDSTTS: 0,
          posted: 0,
        }));
    }
    return undefined;
  };
  const driver: SqlDriver = {
    connect: () =>
      state.refuse
        ? Promise.reject(
            sqlError('Failed to connect to gp-sql:1433 - connect ECONNREFUSED 10.0.0.5:1433', {
              code: 'ESOCKET',
            }),
          )
        : fake.connect(),
  };
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
    { driver },
  );
  const send = (numbers: number[]): Promise<MessageResult[]> =>
    processBatch(
      batch(
        ...numbers.map((n) =>
          message(`m${n}`, 'order', orderPayload({ woo_order_id: n, order_number: String(n) }), n),
        ),
      ),
      { gateway, mapping: TEST_MAPPING },
    );
  return { state, headers, send, gateway };
}

describe('fault: GP SQL Server refuses connections, then drops them, while orders keep coming', () => {
  it('when the connection is refused and later lost, then those messages retry gp_unavailable, and once GP answers each order is written once with its total', async () => {
    const gp = flakyGp();
    const waiting = new Set<number>();
    const answered: MessageResult[] = [];
    const deliver = async (numbers: number[]) => {
      const results = await gp.send(numbers);
      answered.push(...results);
      results.forEach((r, i) => {
        const n = numbers[i] as number;
        if (r.status === 'retry') waiting.add(n);
        else waiting.delete(n);
      });
      return results;
    };

    gp.state.refuse = true; // GP's SQL Server is down from the start: the pool cannot open
    await deliver([3001, 3002, 3003]);
    await deliver([...waiting, 3004]);
    expect([...waiting].sort()).toEqual([3001, 3002, 3003, 3004]);
    expect(await gp.gateway.health()).toMatchObject({ reachable: false });

    gp.state.refuse = false; // back: the waiting orders and new ones go through
    await deliver([...waiting, 3005]);
    expect(waiting.size).toBe(0);

    gp.state.dropConnection = true; // the open pool loses its connection
    await deliver([3006, 3007]);
    await deliver([...waiting, 3001]); // and a resend of an order GP already has
    expect([...waiting].sort()).toEqual([3001, 3006, 3007]);

    gp.state.dropConnection = false;
    await deliver([...waiting, 3008]);
    expect(waiting.size).toBe(0);

    // Nothing dead-lettered for unavailability; every retry was gp_unavailable (or timeout), never dead.
    expect(answered.filter((r) => r.status === 'dead')).toEqual([]);
    for (const r of answered.filter((r) => r.status === 'retry'))
      expect(r).toMatchObject({ code: expect.stringMatching(/^gp_(unavailable|timeout)$/) });
    // Each order in GP exactly once, with its total.
    const byPo = new Map<string, number>();
    for (const h of gp.headers) byPo.set(h.po, (byPo.get(h.po) ?? 0) + 1);
    expect([...byPo.entries()].sort()).toEqual(
      [3001, 3002, 3003, 3004, 3005, 3006, 3007, 3008].map((n) => [String(n), 1]),
    );
    expect(new Set(gp.headers.map((h) => h.amount))).toEqual(new Set(['55.78']));
    await gp.gateway.close();
  });
});
