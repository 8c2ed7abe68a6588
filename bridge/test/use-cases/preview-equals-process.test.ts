import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, MessageResult } from '../../src/contracts/index.js';
import * as domain from '../../src/domain/index.js';
import type { EConnectDocument } from '../../src/domain/index.js';
import type { GpGateway } from '../../src/ports/gp-gateway.js';
import { previewMessage, type PreviewResult } from '../../src/use-cases/preview-batch.js';
import { processMessage } from '../../src/use-cases/process-batch.js';
import { profileWith, wooOrder, wooRefunds, wooScenarios } from '../support/domain-fixtures.js';
import { message } from '../support/payloads.js';
import { openHarness, type Harness } from './harness.js';

/**
 * The property of issue 7 part 4 over the whole WooCommerce corpus: for every message, in the state GP is in
 * when it arrives, `preview(x)` shows exactly the plan `process(x)` applies — the same eConnect XML, the same
 * ids, the same dead/retry answer. Run twice, so the second pass checks the repeats too (every document then
 * exists: preview must show nothing new, including for refunds whose Return GP already has).
 */
const profile = profileWith();

function corpus(): Message[] {
  return wooScenarios().flatMap((scenario) => [
    message(`${scenario}/order`, 'order', wooOrder(scenario), 1),
    ...wooRefunds(scenario).map((refund) =>
      message(`${scenario}/refund-${refund.woo_refund_id}`, 'refund', refund, 2),
    ),
  ]);
}

/** The gateway, recording every document a transaction executes. */
function recording(gateway: GpGateway, executed: EConnectDocument[]): GpGateway {
  return {
    ...gateway,
    mode: gateway.mode,
    transaction: (lockKey, work) =>
      gateway.transaction(lockKey, (tx) =>
        work({
          ...tx,
          execute: async (document) => {
            executed.push(document);
            await tx.execute(document);
          },
        }),
      ),
  };
}

interface Pair {
  readonly id: string;
  readonly preview: PreviewResult;
  readonly result: MessageResult;
  readonly executedXml: string[];
}

let h: Harness;
const pairs: Pair[] = [];

beforeAll(async () => {
  h = openHarness();
  for (const pass of [1, 2]) {
    for (const m of corpus()) {
      const preview = await previewMessage(m, profile, { gateway: h.gateway, mapping: domain });
      const executed: EConnectDocument[] = [];
      const result = await processMessage(m, profile, {
        gateway: recording(h.gateway, executed),
        mapping: domain,
      });
      pairs.push({ id: `${pass}:${m.id}`, preview, result, executedXml: executed.map(domain.toEConnectXml) });
    }
  }
});
afterAll(async () => {
  await h.close();
});

describe('preview(x) equals the plan process(x) applies, over the WooCommerce corpus', () => {
  it('when a message is previewed and then processed, then the previewed XML is exactly what ran in GP', () => {
    expect(pairs.length).toBeGreaterThan(40);
    for (const pair of pairs) {
      expect({ id: pair.id, xml: pair.preview.documents.map((d) => d.xml) }).toEqual({
        id: pair.id,
        xml: pair.executedXml,
      });
    }
  });

  it('when processing answers done, then preview shows the same ids; otherwise preview carries the same answer', () => {
    for (const { id, preview, result } of pairs) {
      if (result.status === 'done') expect({ id, gp: preview.gp }).toEqual({ id, gp: result.gp });
      else expect({ id, result: preview.result }).toEqual({ id, result });
    }
  });

  it('when everything is sent a second time, then nothing is written and preview shows no document for any of it', () => {
    const second = pairs.filter((p) => p.id.startsWith('2:'));
    expect(second.flatMap((p) => p.executedXml)).toEqual([]);
    expect(second.flatMap((p) => p.preview.documents)).toEqual([]);
    const returns = second.filter((p) => p.id.includes('/refund-'));
    expect(returns.length).toBe(3);
    for (const r of returns)
      expect(r.result).toMatchObject({ status: 'done', gp: { sop_type: 4, outcome: 'existing' } });
  });
});
