import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewBatch } from '../../src/use-cases/preview-batch.js';
import { batch, message, orderPayload } from '../support/payloads.js';
import { openHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  await h.close();
});

describe('previewBatch', () => {
  it('when an order is previewed, then each document comes with its XML and validation, and GP is not written', async () => {
    const [result] = await previewBatch(batch(message('m', 'order', orderPayload())), h.deps);
    expect(result).toMatchObject({
      id: 'm',
      kind: 'order',
      valid: true,
      gp: { sop_number: 'WO1001', sop_type: 2 },
    });
    expect(result?.documents.map((d) => d.xml)).toEqual([
      '<eConnect><RMCustomerMasterType><taUpdateCreateCustomerRcd/><taCreateCustomerAddress/><taCreateInternetAddresses/></RMCustomerMasterType></eConnect>',
      '<eConnect><SOPTransactionType><taSopLineIvcInsert/><taSopLineIvcInsert/><taSopHdrIvcInsert/></SOPTransactionType></eConnect>',
    ]);
    expect(h.count('SOP10100')).toBe(0);
    expect(h.count('RM00101', "CUSTNMBR = 'WC42'")).toBe(0);
  });

  it('when a value breaks a GP rule, then the preview is invalid and lists every offending element', async () => {
    const [result] = await previewBatch(
      batch(message('m', 'order', orderPayload({ order_number: '12345678901234567890' }))),
      h.deps,
    );
    expect(result?.valid).toBe(false);
    const issues = result?.documents.flatMap((d) => d.issues.map((i) => `${i.field}:${i.reason}`));
    expect(issues).toEqual([
      'taSopLineIvcInsert.SOPNUMBE:too_long',
      'taSopLineIvcInsert.SOPNUMBE:too_long',
      'taSopHdrIvcInsert.SOPNUMBE:too_long',
    ]);
  });

  it('when the order is already in GP, then the preview says a repeat would write nothing', async () => {
    const { processBatch } = await import('../../src/use-cases/process-batch.js');
    await processBatch(batch(message('m', 'order', orderPayload())), h.deps);
    const [result] = await previewBatch(batch(message('m', 'order', orderPayload())), h.deps);
    expect(result?.warnings.map((w) => w.code)).toContain('already_in_gp');
  });

  it('when the payload is invalid, then the preview carries the dead result and no documents', async () => {
    const [result] = await previewBatch(batch(message('m', 'order', { schema_version: 1 })), h.deps);
    expect(result).toMatchObject({
      valid: false,
      documents: [],
      result: { status: 'dead', code: 'invalid_payload' },
    });
  });
});
