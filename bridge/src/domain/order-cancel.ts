import type { MappingProfile, OrderPayload } from '../contracts/index.js';
import { saleDocumentsOf } from './existing-document.js';
import { MappingError } from './mapping-error.js';
import type { MappingResult, OrderContext } from './mapping-types.js';

/**
 * A cancelled WooCommerce order voids its open GP document(s). Void rather than delete, for orders too: a
 * voided document stays in SOP history with its number, so GP users can see that the order existed and was
 * cancelled, and a later repeat of the message finds it (`existing`) instead of reporting it missing.
 * eConnect cannot void what is posted: a posted invoice needs a return entered by a person (`document_posted`).
 */
export function cancelOrder(
  payload: OrderPayload,
  profile: MappingProfile,
  ctx: OrderContext,
): MappingResult {
  const customerNumber = ctx.customer.customerNumber;
  const sales = saleDocumentsOf(ctx.existingDocuments);
  // An order GP never received (an abandoned checkout, an order failed or trashed before it was sent) has
  // nothing to cancel in GP: done, no document, no dead letter.
  if (sales.length === 0) {
    return {
      ok: true,
      documents: [],
      gp: { outcome: 'skipped' },
      warnings: [
        {
          code: 'not_in_gp',
          message: `GP never had WooCommerce order ${payload.order_number}; there is nothing to cancel`,
          field: 'order_number',
        },
      ],
    };
  }
  const posted = sales.filter((d) => d.posted && !d.voided && d.sopType === 3);
  if (posted.length > 0) {
    throw new MappingError(
      'document_posted',
      `GP invoice ${posted.map((d) => d.sopNumber).join(', ')} is posted; cancel it in GP with a return`,
      'order_number',
      {
        documents: posted.map((d) => ({ sop_type: d.sopType, sop_number: d.sopNumber })),
      },
    );
  }
  const open = sales.filter((d) => !d.posted && !d.voided);
  if (open.length === 0) {
    const postedOrder = sales.find((d) => d.posted && !d.voided);
    if (postedOrder) {
      throw new MappingError(
        'document_posted',
        `GP document ${postedOrder.sopNumber} is in history; cancel it in GP`,
        'order_number',
        {
          documents: [{ sop_type: postedOrder.sopType, sop_number: postedOrder.sopNumber }],
        },
      );
    }
    // A repeat: everything is voided already. Nothing is written; the answer names the voided document.
    const done = sales.filter((d) => d.voided).at(-1) ?? sales[0]!;
    return {
      ok: true,
      documents: [],
      gp: {
        customer_number: done.customerNumber,
        sop_type: done.sopType,
        sop_number: done.sopNumber,
        outcome: 'voided',
      },
      warnings: [],
    };
  }
  const first = open[0]!;
  const customer = first.customerNumber || customerNumber;
  return {
    ok: true,
    documents: [
      {
        transactions: open.map((d) => ({
          type: 'SOPVoidDocumentType' as const,
          nodes: [
            {
              node: 'taSopVoidDocument',
              fields: {
                SOPTYPE: String(d.sopType),
                SOPNUMBE: d.sopNumber,
                BACHNUMB: profile.documents.batch_id,
              },
            },
          ],
        })),
      },
    ],
    gp: {
      customer_number: customer,
      sop_type: first.sopType,
      sop_number: first.sopNumber,
      outcome: 'voided',
    },
    warnings: [],
  };
}
