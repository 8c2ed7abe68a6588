import { Decimal } from 'decimal.js';
import type { EConnectDocument, EConnectNode } from './econnect/document.js';
import type { StoredChange, StoredRecord, StoredSopDocument } from './mapping-types.js';

/**
 * Compares what a message would write with what GP already holds, so that an unchanged repeat writes nothing
 * (`existing`) and a changed one is never answered `existing` (issue 7, issue 10 defect 8). Only elements GP
 * stores are compared: flags such as UpdateIfExists have no stored value, and an element the store does not
 * report is left out rather than guessed.
 */

/** Header elements of a SOP document that the customer sees: totals and the ship-to address. */
const SOP_HEADER_ELEMENTS = [
  'SUBTOTAL',
  'FREIGHT',
  'MISCAMNT',
  'TRDISAMT',
  'TAXAMNT',
  'FRTTXAMT',
  'MSCTXAMT',
  'DOCAMNT',
  'ShipToName',
  'ADDRESS1',
  'ADDRESS2',
  'ADDRESS3',
  'CITY',
  'STATE',
  'ZIPCODE',
  'COUNTRY',
] as const;
const SOP_LINE_ELEMENTS = ['ITEMNMBR', 'QUANTITY', 'UNITPRCE', 'XTNDPRCE'] as const;
/** The totals a GP consultant reconciles; `changed_after_posting` reports these in both versions. */
export const SOP_TOTAL_ELEMENTS = [
  'SUBTOTAL',
  'FREIGHT',
  'MISCAMNT',
  'TRDISAMT',
  'TAXAMNT',
  'DOCAMNT',
] as const;

const NUMBER = /^-?\d+(\.\d+)?$/;

/** GP char columns come back right-trimmed and amounts with GP's scale: compare like GP would. */
export function sameStoredValue(gp: string, woo: string): boolean {
  const a = gp.trimEnd();
  const b = woo.trimEnd();
  if (NUMBER.test(a) && NUMBER.test(b)) return new Decimal(a).eq(b);
  return a === b;
}

function compareFields(
  planned: Readonly<Record<string, string>>,
  stored: Readonly<Record<string, string>>,
  elements: readonly string[],
  prefix: string,
): StoredChange[] {
  const changes: StoredChange[] = [];
  for (const element of elements) {
    // Compared where both sides speak: an element the document leaves out keeps GP's value or default.
    if (!Object.hasOwn(stored, element) || !Object.hasOwn(planned, element)) continue;
    const woo = planned[element] ?? '';
    const gp = stored[element] ?? '';
    if (!sameStoredValue(gp, woo)) changes.push({ field: `${prefix}${element}`, gp: gp.trimEnd(), woo });
  }
  return changes;
}

/** The SOPTransactionType of `documents` that writes this document (SOPTYPE + SOPNUMBE). */
function plannedSop(
  documents: readonly EConnectDocument[],
  stored: StoredSopDocument,
): { header: EConnectNode; lines: EConnectNode[] } | undefined {
  for (const document of documents) {
    for (const transaction of document.transactions) {
      if (transaction.type !== 'SOPTransactionType') continue;
      const header = transaction.nodes.find((n) => n.node === 'taSopHdrIvcInsert');
      if (
        header &&
        header.fields['SOPTYPE'] === String(stored.sopType) &&
        (header.fields['SOPNUMBE'] ?? '').toUpperCase() === stored.sopNumber.trim().toUpperCase()
      ) {
        return { header, lines: transaction.nodes.filter((n) => n.node === 'taSopLineIvcInsert') };
      }
    }
  }
  return undefined;
}

/**
 * Differences between the SOP document GP holds and the one the message would write: header totals, ship-to
 * address, and (when GP's lines are known) each line's item, quantity and prices by line sequence.
 */
export function sopDocumentChanges(
  documents: readonly EConnectDocument[],
  stored: StoredSopDocument,
): StoredChange[] {
  const planned = plannedSop(documents, stored);
  if (!planned) return [];
  const changes = compareFields(planned.header.fields, stored.header, SOP_HEADER_ELEMENTS, '');
  if (stored.lines === undefined) return changes;
  if (stored.lines.length !== planned.lines.length) {
    changes.push({ field: 'lines', gp: String(stored.lines.length), woo: String(planned.lines.length) });
  }
  const storedBySequence = new Map(stored.lines.map((l) => [Number(l['LNITMSEQ'] ?? 0), l] as const));
  for (const line of planned.lines) {
    const sequence = Number(line.fields['LNITMSEQ'] ?? 0);
    const was = storedBySequence.get(sequence);
    const prefix = `lines[${sequence}].`;
    if (!was) {
      changes.push({ field: `${prefix}ITEMNMBR`, gp: '', woo: line.fields['ITEMNMBR'] ?? '' });
      continue;
    }
    const item = { ...was, ITEMNMBR: (was['ITEMNMBR'] ?? '').toUpperCase() };
    changes.push(...compareFields(line.fields, item, SOP_LINE_ELEMENTS, prefix));
  }
  return changes;
}

/** Both versions of the totals that differ, for `changed_after_posting` details and the admin's alert. */
export function differingTotals(
  documents: readonly EConnectDocument[],
  stored: StoredSopDocument,
): { gp: Record<string, string>; woo: Record<string, string> } {
  const planned = plannedSop(documents, stored);
  const gp: Record<string, string> = {};
  const woo: Record<string, string> = {};
  for (const element of SOP_TOTAL_ELEMENTS) {
    if (!Object.hasOwn(stored.header, element)) continue;
    const wooValue = planned?.header.fields[element] ?? '0';
    const gpValue = stored.header[element] ?? '0';
    if (!sameStoredValue(gpValue, wooValue)) {
      gp[element] = gpValue;
      woo[element] = wooValue;
    }
  }
  return { gp, woo };
}

/** Record nodes and where their stored counterpart is. */
const RECORD_NODES: Record<string, 'fields' | 'addresses' | 'internet'> = {
  taUpdateCreateCustomerRcd: 'fields',
  taCreateCustomerAddress: 'addresses',
  taCreateInternetAddresses: 'internet',
  taUpdateCreateItemRcd: 'fields',
};

/**
 * Differences between a customer or item record GP holds and the customer/item document a message would
 * write. No stored record (`null`) means everything is new. Nodes the store has no counterpart for (price list
 * headers) are not compared.
 */
export function recordChanges(
  documents: readonly EConnectDocument[],
  stored: StoredRecord | null,
): StoredChange[] {
  if (stored === null) return [{ field: 'record', gp: '', woo: 'new' }];
  const changes: StoredChange[] = [];
  for (const node of documents.flatMap((d) => d.transactions.flatMap((t) => t.nodes))) {
    const where = Object.hasOwn(RECORD_NODES, node.node) ? RECORD_NODES[node.node] : undefined;
    if (where === undefined) continue;
    if (where === 'fields') {
      changes.push(...compareFields(node.fields, stored.fields, Object.keys(node.fields), `${node.node}.`));
      continue;
    }
    const code = (node.fields['ADRSCODE'] ?? '').trim().toUpperCase();
    const row = stored[where]?.get(code);
    if (!row) {
      changes.push({ field: `${node.node}[${code}]`, gp: '', woo: 'new' });
      continue;
    }
    changes.push(...compareFields(node.fields, row, Object.keys(node.fields), `${node.node}[${code}].`));
  }
  return changes;
}
