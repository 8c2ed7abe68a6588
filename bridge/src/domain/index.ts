/**
 * The bridge's domain: pure mapping from WooCommerce payloads to eConnect documents (no I/O). Use cases look
 * up what GP already holds, pass it in as context, and execute the documents these functions return.
 */
export { mapCustomer, customerName } from './customer.mapper.js';
export { mapProduct } from './product.mapper.js';
export { mapOrder } from './order.mapper.js';
export { mapRefund, REFUND_ADJUSTMENT_ITEM } from './refund.mapper.js';
export {
  customerNumberFor,
  normaliseEmail,
  sopDocumentKey,
  itemNumberFor,
  type SopDocumentKind,
} from './keys.js';
export { orderActionFor, orderDecisionFor, type OrderDecision } from './status-map.js';
export {
  findExistingReturn,
  findExistingSale,
  saleDocumentsOf,
  sameGpKey,
  type ExistingSale,
} from './existing-document.js';
export { itemNumberOf, type ItemIdentity } from './keys.js';
export { toEConnectXml } from './econnect/xml.js';
export { checkDocumentTotals, checkTaxLines, type ExpectedTotals } from './totals.js';
export { MappingError } from './mapping-error.js';
export { toCp1252 } from './gp/code-page.js';
export type * from './mapping-types.js';
export type {
  EConnectDocument,
  EConnectNode,
  EConnectTransaction,
  TransactionTypeName,
} from './econnect/document.js';
