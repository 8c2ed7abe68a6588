import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, MessageResult } from '../../src/contracts/index.js';
import * as domain from '../../src/domain/index.js';
import { processBatch } from '../../src/use-cases/process-batch.js';
import { profileWith, wooOrder, wooRefunds, wooScenarios } from '../support/domain-fixtures.js';
import { message } from '../support/payloads.js';
import { openHarness, type Harness } from './harness.js';

/**
 * The 24 real WooCommerce orders (fixtures/woocommerce-9.4) and their refunds, through the real mappers into
 * the sandbox GP, twice. The sandbox runs GP's checks (67, 235, 722, customers, items, duplicates), so this
 * shows every document the mappers make for real orders is accepted, that GP's document amount is the
 * WooCommerce total to the cent, and that a second delivery of everything writes nothing.
 * A final state `refunded` is sent as `completed` first (the plugin would have sent it earlier).
 */
const profile = profileWith({ length_policy: 'truncate' });

/** Scenarios the mappers refuse, with the reason: never a GP error. */
const REFUSED: Record<string, string> = {
  'non-latin-names-long-sku-special-company-ny': 'field_too_long', // the 35-character SKU
  'rounding-qty3-099-and-half-cent-lines-ca': 'field_too_long', // the same SKU
  'sku-less-product-line-ca': 'missing_sku',
};

function corpusMessages(): Message[] {
  return wooScenarios().flatMap((scenario) => {
    const order = wooOrder(scenario);
    const sent = order.status === 'refunded' ? { ...order, status: 'completed' } : order;
    return [
      message(`${scenario}/order`, 'order', sent, order.woo_order_id),
      ...wooRefunds(scenario).map((refund) =>
        message(`${scenario}/refund-${refund.woo_refund_id}`, 'refund', refund, refund.woo_refund_id),
      ),
    ];
  });
}

let h: Harness;
let first: MessageResult[];
let second: MessageResult[];
let rowsAfterFirst: number[];
const tables = ['SOP10100', 'SOP10200', 'RM00101', 'RM00102', 'SY01200', 'IV00101'];

beforeAll(async () => {
  h = openHarness();
  const deps = { gateway: h.gateway, mapping: domain };
  const messages = corpusMessages();
  first = await processBatch({ schema_version: 1, profile, messages }, deps);
  rowsAfterFirst = tables.map((t) => h.count(t));
  second = await processBatch({ schema_version: 1, profile, messages }, deps);
});
afterAll(async () => {
  await h.close();
});

describe('the WooCommerce 9.4 corpus through mappers, use cases and the sandbox GP', () => {
  it('when processed, then every message is done except the scenarios the mappers refuse, and none fails in GP', () => {
    expect(first.length).toBe(27); // 24 orders, 3 refunds
    const refused = Object.fromEntries(
      first
        .filter((r) => r.status !== 'done')
        .map((r) => [r.id.split('/')[0], r.status === 'dead' ? r.code : r.code]),
    );
    expect(refused).toEqual(REFUSED);
  });

  it('when a sales document was created, then its GP document amount equals the WooCommerce total to the cent', () => {
    const created = first.filter((r) => r.status === 'done' && r.gp.outcome === 'created');
    expect(created.length).toBe(22);
    for (const result of created) {
      if (result.status !== 'done') continue;
      const [scenario = '', part = ''] = result.id.split('/');
      const expected =
        part === 'order'
          ? wooOrder(scenario).totals.total
          : (wooRefunds(scenario).find((r) => part === `refund-${r.woo_refund_id}`)?.amount ?? 'none');
      const row = h.gateway.db
        .prepare('SELECT DOCAMNT FROM SOP10100 WHERE SOPTYPE = ? AND SOPNUMBE = ?')
        .get(result.gp.sop_type, result.gp.sop_number) as { DOCAMNT: string };
      expect(`${result.id} ${new Decimal(row.DOCAMNT).toFixed(2)}`).toBe(
        `${result.id} ${new Decimal(expected).toFixed(2)}`,
      );
    }
  });

  it('when everything is delivered a second time, then each result is the same document as existing and GP gains no row', () => {
    const pairs = first.map((r, i) => [r, second[i]] as const);
    for (const [a, b] of pairs) {
      if (a.status !== 'done' || a.gp.outcome !== 'created') continue;
      expect(b).toMatchObject({
        status: 'done',
        gp: { sop_number: a.gp.sop_number, sop_type: a.gp.sop_type, outcome: 'existing' },
      });
    }
    expect(tables.map((t) => h.count(t))).toEqual(rowsAfterFirst);
  });
});
