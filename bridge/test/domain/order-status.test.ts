import { describe, expect, it } from 'vitest';
import {
  findExistingSale,
  mapOrder,
  orderActionFor,
  orderDecisionFor,
  toEConnectXml,
} from '../../src/domain/index.js';
import {
  expectSuccess,
  nodesOf,
  only,
  orderContext,
  profileWith,
  salesDocument,
  sopRef,
  wooOrder,
} from '../support/domain-fixtures.js';
import { expectValidEConnect } from '../support/xsd.js';

const profile = profileWith();

describe('orderActionFor', () => {
  it('when statuses follow the default map, then processing orders, completed invoices, cancelled cancels, pending is ignored', () => {
    expect(
      ['processing', 'completed', 'refunded', 'cancelled', 'pending', 'on-hold', 'failed'].map((s) =>
        orderActionFor(s, profile),
      ),
    ).toEqual(['order', 'invoice', 'return', 'cancel', 'ignore', 'ignore', 'ignore']);
  });

  it('when a status is unknown to the map or carries the wc- prefix, then it is ignored or read without the prefix', () => {
    expect(orderActionFor('wc-completed', profile)).toBe('invoice');
    expect(orderActionFor('awaiting-shipment', profile)).toBe('ignore');
    expect(orderActionFor('toString', profile)).toBe('ignore');
  });
});

describe('mapOrder by status', () => {
  it('when the status is ignored, then no document is produced and the outcome is skipped', () => {
    const order = wooOrder('on-hold-bank-transfer-ny');
    expect(expectSuccess(mapOrder(order, profile, orderContext(order, profile)))).toMatchObject({
      documents: [],
      gp: { outcome: 'skipped' },
    });
  });

  it('when a refunded order arrives that was paid (WooCommerce refunded it before completing), then its sale is still made: the Order (refund messages make the returns)', () => {
    const order = wooOrder('full-refund-all-lines-ny');
    expect(order).toMatchObject({ status: 'refunded', completed_at: null });
    expect(order.payment.paid_at).not.toBeNull();
    expect(orderDecisionFor(order, profile)).toEqual({ action: 'order' });
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    expect(result.gp).toMatchObject({ sop_type: 2, outcome: 'created' });
    const completed = { ...order, completed_at: '2026-11-29T03:00:00+00:00' };
    expect(orderDecisionFor(completed, profile)).toEqual({ action: 'invoice' });
  });

  it('when a refunded order was paid but never completed, then the sale is the Order; never paid nor completed, then nothing', () => {
    const order = wooOrder('full-refund-all-lines-ny');
    const paidOnly = {
      ...order,
      completed_at: null,
      payment: { ...order.payment, paid_at: '2026-11-29T10:00:00+00:00' },
    };
    expect(orderDecisionFor(paidOnly, profile)).toEqual({ action: 'order' });
    const never = { ...paidOnly, payment: { ...paidOnly.payment, paid_at: null } };
    expect(orderDecisionFor(never, profile)).toMatchObject({
      action: 'skip',
      warning: { code: 'no_gp_document' },
    });
    expect(expectSuccess(mapOrder(never, profile, orderContext(never, profile)))).toMatchObject({
      documents: [],
      gp: { outcome: 'skipped' },
    });
  });

  it('when a completed order has no Order in GP, then a new Invoice is created', () => {
    const order = wooOrder('processing-then-completed-ca');
    const result = expectSuccess(mapOrder(order, profile, orderContext(order, profile)));
    expect(result.gp).toMatchObject({ sop_type: 3, sop_number: 'WI90', outcome: 'created' });
    expect(only(salesDocument(result), 'taSopHdrIvcInsert')).toMatchObject({ SOPTYPE: '3', DOCID: 'STDINV' });
    expect(only(salesDocument(result), 'taSopHdrIvcInsert')['ORIGNUMB']).toBeUndefined();
    expect(nodesOf(salesDocument(result), 'taSopDeleteDocument')).toEqual([]);
  });

  it('when a completed order has its unposted Order in GP, then the Invoice references it and the Order is deleted in the same document', async () => {
    const order = wooOrder('processing-then-completed-ca');
    const ctx = orderContext(order, profile, { existingDocuments: [sopRef(2, 'WO90', '90')] });
    const result = expectSuccess(mapOrder(order, profile, ctx));
    expect(result.documents).toHaveLength(1);
    const document = salesDocument(result)!;
    expect(only(document, 'taSopHdrIvcInsert')).toMatchObject({
      SOPTYPE: '3',
      SOPNUMBE: 'WI90',
      ORIGTYPE: '2',
      ORIGNUMB: 'WO90',
    });
    expect(only(document, 'taSopDeleteDocument')).toEqual({ SOPTYPE: '2', SOPNUMBE: 'WO90' });
    const xml = toEConnectXml(document);
    expect(xml.indexOf('<SOPTransactionType>')).toBeLessThan(xml.indexOf('<SOPDeleteDocumentType>'));
    await expectValidEConnect(xml);
  });

  it('when GP already has the document (ours, or an invoice a GP user transferred), then the one rule finds it and says which', () => {
    const key = { sopType: 3, sopNumber: 'WI90' };
    expect(findExistingSale([sopRef(3, 'wi90 ', '90')], key, '90')).toMatchObject({
      relation: 'ours',
      document: { sopNumber: 'wi90 ' },
    });
    const transferred = sopRef(3, 'STDINV0001234', '90', { posted: true });
    expect(findExistingSale([transferred], key, '90')).toEqual({
      document: transferred,
      relation: 'transferred',
    });
    expect(findExistingSale([sopRef(3, 'STDINV0001234', '90', { voided: true })], key, '90')).toBeUndefined();
    expect(findExistingSale([sopRef(3, 'WI91', '91')], key, '90')).toBeUndefined();
  });

  it('when a late processing message arrives after GP has the invoice, then the rule answers with the invoice (no Order beside it)', () => {
    const invoice = sopRef(3, 'WI76', '76');
    expect(findExistingSale([invoice], { sopType: 2, sopNumber: 'WO76' }, '76')).toEqual({
      document: invoice,
      relation: 'superseded',
    });
    // A Return of the order is not a sale: it never answers for an Order or an Invoice.
    expect(
      findExistingSale([sopRef(4, 'WR76-1', '76')], { sopType: 2, sopNumber: 'WO76' }, '76'),
    ).toBeUndefined();
  });

  it('when the only earlier document was voided, then a new one is created', () => {
    const order = wooOrder('single-line-simple-ca');
    const ctx = orderContext(order, profile, {
      existingDocuments: [sopRef(3, 'WI74', '74', { voided: true, posted: true })],
    });
    expect(expectSuccess(mapOrder(order, profile, ctx)).gp.outcome).toBe('created');
  });
});

describe('mapOrder: cancellation', () => {
  const order = wooOrder('pending-then-cancelled-ca');

  it('when the order has an unposted document in GP, then it is voided in its batch', async () => {
    const result = expectSuccess(
      mapOrder(
        order,
        profile,
        orderContext(order, profile, { existingDocuments: [sopRef(2, 'WO91', '91')] }),
      ),
    );
    expect(result.gp).toMatchObject({ sop_type: 2, sop_number: 'WO91', outcome: 'voided' });
    expect(only(result.documents[0], 'taSopVoidDocument')).toEqual({
      SOPTYPE: '2',
      SOPNUMBE: 'WO91',
      BACHNUMB: 'WOO',
    });
    await expectValidEConnect(toEConnectXml(result.documents[0]!));
  });

  it('when GP has no document for the order, then it is done: skipped with the warning not_in_gp, never a dead letter', () => {
    expect(mapOrder(order, profile, orderContext(order, profile))).toEqual({
      ok: true,
      documents: [],
      gp: { outcome: 'skipped' },
      warnings: [expect.objectContaining({ code: 'not_in_gp', field: 'order_number' })],
    });
  });

  it('when the invoice is posted, then it is document_posted for manual action', () => {
    const ctx = orderContext(order, profile, {
      existingDocuments: [sopRef(3, 'WI91', '91', { posted: true })],
    });
    expect(mapOrder(order, profile, ctx)).toMatchObject({
      ok: false,
      code: 'document_posted',
      details: { documents: [{ sop_type: 3, sop_number: 'WI91' }] },
    });
  });

  it('when the document is already voided, then nothing is written and the outcome names it voided', () => {
    const ctx = orderContext(order, profile, {
      existingDocuments: [sopRef(2, 'WO91', '91', { voided: true, posted: true })],
    });
    expect(expectSuccess(mapOrder(order, profile, ctx))).toMatchObject({
      documents: [],
      gp: { sop_number: 'WO91', outcome: 'voided' },
    });
  });
});
