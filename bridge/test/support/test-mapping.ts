import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import type { EConnectDocument, EConnectNode } from '../../src/domain/econnect/document.js';
import type { MappingResult } from '../../src/domain/mapping-types.js';
import type { DomainMapping } from '../../src/use-cases/domain-mapping.js';
import { customerDocument, itemDocument } from './gp-documents.js';

/**
 * A deliberately plain DomainMapping for the use-case tests: the real mappers are another module with their
 * own tests (test/domain); these tests are about the use cases' orchestration, idempotency and error results
 * against the real sandbox GP. It follows the same contract (deterministic keys, upper-case numbers,
 * DOCAMNT = Woo total, cancel voids the unposted document).
 */
const prefix = { order: 'WO', invoice: 'WI', return: 'WR' } as const;
const TYPE = { order: 2, invoice: 3, return: 4 } as const;

export const TEST_MAPPING: DomainMapping = {
  normaliseEmail: (email) => email.trim().toLowerCase(),
  customerNumberFor: (customer) =>
    customer.woo_customer_id !== null
      ? `WC${customer.woo_customer_id}`
      : `WG${createHash('sha256').update(customer.email.trim().toLowerCase()).digest('hex').slice(0, 10).toUpperCase()}`,
  orderActionFor: (status, profile) => profile.status_map[status] ?? 'ignore',
  sopDocumentKey: (kind, reference, profile) => ({
    sopType: TYPE[kind],
    sopNumber: `${profile.documents[`${kind}_prefix`] || prefix[kind]}${reference}`.toUpperCase(),
  }),
  toEConnectXml: (document) =>
    `<eConnect>${document.transactions.map((t) => `<${t.type}>${t.nodes.map((n) => `<${n.node}/>`).join('')}</${t.type}>`).join('')}</eConnect>`,

  mapCustomer(payload, _profile, ctx): MappingResult {
    return {
      ok: true,
      documents: [
        customerDocument(ctx.customerNumber, payload.email.trim().toLowerCase(), {
          CUSTNAME: `${payload.first_name} ${payload.last_name}`.trim(),
        }),
      ],
      gp: { customer_number: ctx.customerNumber },
      warnings: [],
    };
  },

  mapProduct(payload): MappingResult {
    if (payload.sku.trim() === '')
      return { ok: false, code: 'missing_sku', message: 'the product has no SKU', field: 'sku' };
    const number = payload.sku.trim().toUpperCase();
    return {
      ok: true,
      documents: [itemDocument(number, payload.name, { LISTPRCE: payload.regular_price ?? '0' })],
      gp: { item_number: number },
      warnings: [],
    };
  },

  mapOrder(payload, profile, ctx): MappingResult {
    const action = ctx.action ?? profile.status_map[payload.status] ?? 'ignore';
    if (action === 'cancel') {
      if (ctx.existingDocuments.length === 0)
        return {
          ok: true,
          documents: [],
          gp: { outcome: 'skipped' },
          warnings: [{ code: 'not_in_gp', message: 'GP never had this order' }],
        };
      const target = ctx.existingDocuments.find(
        (d) => (d.sopType === 2 || d.sopType === 3) && !d.voided && !d.posted,
      );
      const voided = ctx.existingDocuments.find((d) => d.voided);
      if (!target && voided && !ctx.existingDocuments.some((d) => d.posted))
        return {
          ok: true,
          documents: [],
          gp: { sop_number: voided.sopNumber, sop_type: voided.sopType, outcome: 'voided' },
          warnings: [],
        };
      if (!target) {
        return ctx.existingDocuments.some((d) => d.posted)
          ? { ok: false, code: 'document_posted', message: 'the GP document is posted' }
          : { ok: false, code: 'order_not_in_gp', message: 'GP has no document for this order' };
      }
      const node: EConnectNode = {
        node: 'taSopVoidDocument',
        fields: { SOPTYPE: String(target.sopType), SOPNUMBE: target.sopNumber },
      };
      return {
        ok: true,
        documents: [{ transactions: [{ type: 'SOPVoidDocumentType', nodes: [node] }] }],
        gp: { sop_number: target.sopNumber, sop_type: target.sopType, outcome: 'voided' },
        warnings: [],
      };
    }
    const unknown = payload.lines
      .filter((l) => !ctx.knownItems.has(l.sku.trim().toUpperCase()))
      .map((l) => l.sku);
    if (unknown.length > 0)
      return {
        ok: false,
        code: 'unknown_sku',
        message: `GP has no item ${unknown.join(', ')}`,
        details: { skus: unknown },
      };
    const kind = action === 'invoice' ? 'invoice' : 'order';
    const key = TEST_MAPPING.sopDocumentKey(kind, payload.order_number, profile);
    const lines = sopLines(payload.lines);
    return {
      ok: true,
      documents: [
        sopDocument(
          key.sopType,
          key.sopNumber,
          ctx.customer.customerNumber,
          payload.order_number,
          lines,
          payload.totals.shipping_total,
          payload.totals.shipping_tax,
          payload.totals.total,
          profile.documents.batch_id,
        ),
      ],
      gp: { sop_number: key.sopNumber, sop_type: key.sopType },
      warnings: [],
    };
  },

  mapRefund(payload, profile, ctx): MappingResult {
    const key = TEST_MAPPING.sopDocumentKey(
      'return',
      `${payload.order_number}-${payload.woo_refund_id}`,
      profile,
    );
    const lines = sopLines(payload.lines);
    return {
      ok: true,
      documents: [
        sopDocument(
          4,
          key.sopNumber,
          ctx.customer.customerNumber,
          payload.order_number,
          lines,
          '0',
          '0',
          payload.amount,
          profile.documents.batch_id,
        ),
      ],
      gp: { sop_number: key.sopNumber, sop_type: 4 },
      warnings: [],
    };
  },
};

interface Line {
  sku: string;
  quantity: string;
  total: string;
  tax: string;
  seq: number;
}

/** Order and refund lines alike: SKU upper-cased as GP keys it, line sequence 16384 · n (FACTS §5.2). */
function sopLines(
  lines: ReadonlyArray<{ sku: string; quantity: string; total: string; total_tax: string }>,
): Line[] {
  return lines.map((l, i) => ({
    sku: l.sku.toUpperCase(),
    quantity: l.quantity,
    total: l.total,
    tax: l.total_tax,
    seq: (i + 1) * 16384,
  }));
}

function sopDocument(
  sopType: number,
  sopNumber: string,
  customer: string,
  po: string,
  lines: Line[],
  freight: string,
  freightTax: string,
  total: string,
  batch: string,
): EConnectDocument {
  const subtotal = lines.reduce((s, l) => s.plus(l.total), new Decimal(0));
  const tax = lines.reduce((s, l) => s.plus(l.tax), new Decimal(0));
  const common = { SOPTYPE: String(sopType), SOPNUMBE: sopNumber, CUSTNMBR: customer, DOCDATE: '2026-11-29' };
  return {
    transactions: [
      {
        type: 'SOPTransactionType',
        nodes: [
          ...lines.map((l) => ({
            node: 'taSopLineIvcInsert',
            fields: {
              ...common,
              ITEMNMBR: l.sku,
              QUANTITY: l.quantity,
              UNITPRCE: new Decimal(l.total).dividedBy(l.quantity).toDecimalPlaces(5).toFixed(),
              XTNDPRCE: l.total,
              TAXAMNT: l.tax,
              LNITMSEQ: String(l.seq),
            },
          })),
          {
            node: 'taSopHdrIvcInsert',
            fields: {
              ...common,
              DOCID: 'STD',
              CSTPONBR: po,
              BACHNUMB: batch,
              SUBTOTAL: subtotal.toFixed(),
              TAXAMNT: tax.toFixed(),
              FREIGHT: freight,
              FRTTXAMT: freightTax,
              TRDISAMT: '0',
              DOCAMNT: total,
            },
          },
        ],
      },
    ],
  };
}
