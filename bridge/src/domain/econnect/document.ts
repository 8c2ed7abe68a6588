import { CATALOGUE } from './catalogue.generated.js';

/**
 * An eConnect document before serialisation: what the mapper produces, what the XML serialiser writes and
 * what the executor runs. Field values are exactly the text that appears in the XML element (decimals already
 * formatted, dates as YYYY-MM-DD), so the XML archived or previewed is exactly what ran (SPEC §6).
 */
export type TransactionTypeName =
  | 'RMCustomerMasterType'
  | 'IVItemMasterType'
  | 'SOPTransactionType'
  | 'SOPVoidDocumentType'
  | 'SOPDeleteDocumentType';

export interface EConnectNode {
  /** Node name = stored procedure name (`taSopHdrIvcInsert`). */
  readonly node: string;
  /** Element name → value. Order here does not matter: `orderedNodes` applies the schema order. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface EConnectTransaction {
  readonly type: TransactionTypeName;
  readonly nodes: readonly EConnectNode[];
}

/** One `<eConnect>` root = one SQL transaction (FACTS §1): all of it commits or none of it does. */
export interface EConnectDocument {
  readonly transactions: readonly EConnectTransaction[];
}

export interface OrderedNode {
  readonly transaction: TransactionTypeName;
  readonly node: string;
  /** `_Items` container, if the node sits in one. */
  readonly container: string | null;
  /** [element, value] in schema order, only the elements that are set. */
  readonly fields: ReadonlyArray<readonly [string, string]>;
}

/**
 * The document in execution order: transactions in the root's schema order, nodes in their transaction's
 * slot order (lines before the header in SOPTransactionType), nodes of one slot in the order given, and each
 * node's elements in schema order. eConnect runs nodes in document order and may not re-sort (FACTS §9.8),
 * so serialiser and executor both walk this one list.
 */
export function orderedNodes(document: EConnectDocument): OrderedNode[] {
  const transactions = [...document.transactions].sort(
    (a, b) => transactionInfo(a.type).rootPosition - transactionInfo(b.type).rootPosition,
  );
  const result: OrderedNode[] = [];
  for (const transaction of transactions) {
    const { slots } = transactionInfo(transaction.type);
    for (const node of transaction.nodes) {
      if (!slots.some((slot) => slot.node === node.node)) {
        throw new Error(`${node.node} is not a node of ${transaction.type}`);
      }
    }
    for (const slot of slots) {
      for (const node of transaction.nodes.filter((n) => n.node === slot.node)) {
        result.push({
          transaction: transaction.type,
          node: node.node,
          container: slot.container,
          fields: orderFields(node),
        });
      }
    }
  }
  return result;
}

function transactionInfo(type: TransactionTypeName) {
  const info = CATALOGUE.transactions[type];
  if (!info) throw new Error(`unknown eConnect transaction type ${type}`);
  return info;
}

/** Element names per node, built once: orderFields runs for every node of every document. */
const elementNames = new Map<string, ReadonlySet<string>>();

function orderFields(node: EConnectNode): Array<readonly [string, string]> {
  const elements = CATALOGUE.nodes[node.node];
  if (!elements) throw new Error(`unknown eConnect node ${node.node}`);
  let known = elementNames.get(node.node);
  if (!known) {
    known = new Set(elements.map((e) => e.name));
    elementNames.set(node.node, known);
  }
  const names = known;
  const unknown = Object.keys(node.fields).filter((name) => !names.has(name));
  if (unknown.length > 0) throw new Error(`${node.node} has no element ${unknown.join(', ')}`);
  return elements
    .filter((e) => node.fields[e.name] !== undefined)
    .map((e) => [e.name, node.fields[e.name] as string] as const);
}
