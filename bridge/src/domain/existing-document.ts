import type { SopDocumentRef } from './mapping-types.js';

/**
 * "Does GP already have this document?" — the one rule, used by processing and preview alike (issue 7 part 4).
 * GP keys compare case-insensitively and char columns come back padded, so numbers and customer POs compare
 * trimmed and upper-cased, here and nowhere else.
 */
export function sameGpKey(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/** Orders (2) and invoices (3): the sale documents of a WooCommerce order. */
export function saleDocumentsOf(documents: readonly SopDocumentRef[]): SopDocumentRef[] {
  return documents.filter((d) => d.sopType === 2 || d.sopType === 3);
}

export interface ExistingSale {
  readonly document: SopDocumentRef;
  /**
   * `ours`: the very document the message makes (same type and deterministic number), which the bridge keeps
   * up to date. `transferred`: one a GP user made from it (same type and customer PO, GP's own number).
   * `superseded`: an invoice answering a late `order` message (the order has moved on).
   * Only `ours` is compared with the message; the others belong to GP's users now.
   */
  readonly relation: 'ours' | 'transferred' | 'superseded';
}

/**
 * The sale document GP already has for an order message wanting `key`, from `documents` (everything GP holds
 * with the order number as customer PO, plus the look-up by number). Ours by number in any state (a voided one
 * keeps its number in history, so it can never be created again); else a live one of the same type and
 * customer PO; else, for an Order, a live Invoice of the order.
 */
export function findExistingSale(
  documents: readonly SopDocumentRef[],
  key: { readonly sopType: number; readonly sopNumber: string },
  orderNumber: string,
): ExistingSale | undefined {
  const ours = documents.find((d) => d.sopType === key.sopType && sameGpKey(d.sopNumber, key.sopNumber));
  if (ours) return { document: ours, relation: 'ours' };
  const live = documents.filter((d) => !d.voided && sameGpKey(d.customerPo, orderNumber));
  const transferred = live.find((d) => d.sopType === key.sopType);
  if (transferred) return { document: transferred, relation: 'transferred' };
  const invoice = key.sopType === 2 ? live.find((d) => d.sopType === 3) : undefined;
  return invoice ? { document: invoice, relation: 'superseded' } : undefined;
}

/** The Return GP already has under this refund's deterministic number, in any state. */
export function findExistingReturn(
  documents: readonly SopDocumentRef[],
  key: { readonly sopType: number; readonly sopNumber: string },
): SopDocumentRef | undefined {
  return documents.find((d) => d.sopType === key.sopType && sameGpKey(d.sopNumber, key.sopNumber));
}

/** The unposted Order of this order number, which an invoice replaces (deleted in the invoice's document). */
export function openOrderFor(
  documents: readonly SopDocumentRef[],
  orderSopNumber: string,
): SopDocumentRef | undefined {
  return documents.find(
    (d) => d.sopType === 2 && !d.posted && !d.voided && sameGpKey(d.sopNumber, orderSopNumber),
  );
}

/** The sale document a Return credits: the invoice when there is one, else the Order. */
export function returnSourceOf(documents: readonly SopDocumentRef[]): SopDocumentRef | undefined {
  const live = saleDocumentsOf(documents).filter((d) => !d.voided);
  return live.find((d) => d.sopType === 3) ?? live[0];
}
