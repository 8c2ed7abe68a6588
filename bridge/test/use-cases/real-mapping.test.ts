import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as domain from '../../src/domain/index.js';
import type { DomainMapping, UseCaseDeps } from '../../src/use-cases/domain-mapping.js';
import { previewBatch } from '../../src/use-cases/preview-batch.js';
import { processBatch } from '../../src/use-cases/process-batch.js';
import {
  batch,
  customerPayload,
  message,
  orderPayload,
  productPayload,
  refundPayload,
} from '../support/payloads.js';
import { openHarness, type Harness } from './harness.js';

/** The real domain module is the DomainMapping the composition root passes (checked by the compiler here). */
const REAL_MAPPING: DomainMapping = domain;

let h: Harness;
let deps: UseCaseDeps;
beforeEach(() => {
  h = openHarness();
  deps = { gateway: h.gateway, mapping: REAL_MAPPING };
});
afterEach(async () => {
  await h.close();
});

describe('use cases with the real mappers on the sandbox GP', () => {
  it('when an order is processed twice, then the sandbox accepts the real document once and the repeat is existing', async () => {
    const [first] = await processBatch(batch(message('m-1', 'order', orderPayload())), deps);
    const [second] = await processBatch(batch(message('m-1', 'order', orderPayload())), deps);
    expect(first).toMatchObject({ status: 'done', gp: { sop_type: 2, outcome: 'created' } });
    const ids = first?.status === 'done' ? first.gp : {};
    expect(second).toMatchObject({
      status: 'done',
      gp: {
        customer_number: ids.customer_number,
        sop_number: ids.sop_number,
        sop_type: 2,
        outcome: 'existing',
      },
    });
    expect(h.count('SOP10100', 'CSTPONBR = ?', '1001')).toBe(1);
  });

  it('when a customer and a product are processed, then GP has them under the mapped numbers', async () => {
    const results = await processBatch(
      batch(message('c', 'customer', customerPayload()), message('p', 'product', productPayload())),
      deps,
    );
    expect(results.map((r) => r.status)).toEqual(['done', 'done']);
    const [customer, product] = results;
    expect(
      await h.gateway.customerExists(customer?.status === 'done' ? (customer.gp.customer_number ?? '') : ''),
    ).toBe(true);
    expect(
      (await h.gateway.findItems([product?.status === 'done' ? (product.gp.item_number ?? '') : ''])).size,
    ).toBe(1);
  });

  it('when an invoiced order is refunded, then the real Return document is accepted and repeats are existing', async () => {
    await processBatch(batch(message('m-1', 'order', orderPayload({ status: 'completed' }))), deps);
    const [created] = await processBatch(batch(message('r-1', 'refund', refundPayload())), deps);
    const [repeat] = await processBatch(batch(message('r-1', 'refund', refundPayload())), deps);
    expect(created).toMatchObject({ status: 'done', gp: { sop_type: 4, outcome: 'created' } });
    expect(repeat).toMatchObject({ status: 'done', gp: { sop_type: 4, outcome: 'existing' } });
  });

  it('when an order is previewed, then its real XML is returned and the sandbox stays empty', async () => {
    const [result] = await previewBatch(batch(message('m', 'order', orderPayload())), deps);
    expect(result?.valid).toBe(true);
    expect(result?.documents.at(-1)?.xml).toContain('<taSopHdrIvcInsert>');
    expect(h.count('SOP10100')).toBe(0);
  });
});
