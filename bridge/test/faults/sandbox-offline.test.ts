import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Decimal } from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/adapters/gateway-factory.js';
import { switchSandboxOffline, switchSandboxOnline } from '../../src/adapters/index.js';
import type { MessageResult } from '../../src/contracts/index.js';
import type { GpGateway } from '../../src/ports/gp-gateway.js';
import { processBatch } from '../../src/use-cases/process-batch.js';
import { batch, message, orderPayload } from '../support/payloads.js';
import { TEST_MAPPING } from '../support/test-mapping.js';

/**
 * Fault: GP unavailable for a while (the sandbox's offline switch) while orders keep coming. Every message
 * sent while GP is down is answered `retry gp_unavailable` (never dead), and once GP is back the resent
 * messages land in GP exactly once with their totals.
 */
describe('fault: the sandbox GP switched offline while orders keep coming', () => {
  let dir: string;
  let path: string;
  let gateway: GpGateway;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gp-offline-'));
    path = join(dir, 'gp.sqlite');
    gateway = createGateway({ mode: 'sandbox', sandboxPath: path });
  });
  afterEach(async () => {
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const order = (n: number) =>
    message(`m${n}`, 'order', orderPayload({ woo_order_id: n, order_number: String(n) }), n);
  const send = (numbers: number[]) =>
    processBatch(batch(...numbers.map(order)), { gateway, mapping: TEST_MAPPING });
  const documentsByPo = () => {
    const db = new Database(path, { readonly: true });
    try {
      return (
        db
          .prepare(
            'SELECT CSTPONBR AS po, COUNT(*) AS copies, MIN(DOCAMNT) AS amount FROM SOP10100 GROUP BY CSTPONBR ORDER BY CSTPONBR',
          )
          .all() as Array<{ po: string; copies: number; amount: string }>
      ).map((row) => ({ ...row, amount: new Decimal(row.amount).toFixed(2) }));
    } finally {
      db.close();
    }
  };

  it('when GP is offline for two waves of orders, then every message retries gp_unavailable, and after it is back each order is in GP once with its total', async () => {
    switchSandboxOffline(path);
    expect(await gateway.health()).toMatchObject({ reachable: false });
    const waves: MessageResult[][] = [await send([2001, 2002, 2003])];
    waves.push(await send([2001, 2002, 2003, 2004, 2005])); // resends plus new orders, GP still down
    for (const result of waves.flat()) {
      expect(result).toMatchObject({ status: 'retry', code: 'gp_unavailable' });
    }
    expect(documentsByPo()).toEqual([]);

    switchSandboxOnline(path);
    expect(await gateway.health()).toMatchObject({ reachable: true });
    const back = await send([2001, 2002, 2003, 2004, 2005, 2006]);
    expect(back.map((r) => r.status)).toEqual(Array(6).fill('done'));
    // A resend after the answer was lost finds the documents instead of writing them again.
    const again = await send([2001, 2006]);
    expect(again).toMatchObject([
      { status: 'done', gp: { outcome: 'existing' } },
      { status: 'done', gp: { outcome: 'existing' } },
    ]);
    expect(documentsByPo()).toEqual(
      [2001, 2002, 2003, 2004, 2005, 2006].map((n) => ({ po: String(n), copies: 1, amount: '55.78' })),
    );
  });
});
