import type { GpIds, MessageDeadCode } from '../contracts/index.js';
import type { EConnectDocument } from './econnect/document.js';

/**
 * What the mappers return. Mapping is pure: facts it needs from GP (is this customer there, which SKUs exist,
 * is there an earlier Order for this invoice) are looked up by the use case first and passed in as context.
 */
export interface MappingWarning {
  readonly code: string;
  readonly message: string;
  /** Payload path or GP element (`taSopHdrIvcInsert.ShipToName`). */
  readonly field?: string;
  /** Text fitted to GP's field: what WooCommerce had, and what GP keeps. */
  readonly original?: string;
  readonly kept?: string;
}

export interface MappingFailure {
  readonly ok: false;
  readonly code: MessageDeadCode;
  readonly message: string;
  readonly field?: string;
  readonly details?: Record<string, unknown>;
}

export interface MappingSuccess {
  readonly ok: true;
  /**
   * Documents to execute, in order, each in its own SQL transaction. Items a document needs come in an
   * earlier document than the one that uses them (FACTS §1: IVItemMasterType sits after SOPTransactionType in
   * schema order, so one document cannot create an item before an order line uses it).
   */
  readonly documents: readonly EConnectDocument[];
  /** The GP ids the documents create or update. */
  readonly gp: GpIds;
  readonly warnings: readonly MappingWarning[];
}

export type MappingResult = MappingSuccess | MappingFailure;

/** A SOP document GP already holds, found by number or by customer PO in work (SOP10100) or history (SOP30200). */
export interface SopDocumentRef {
  readonly sopType: number;
  readonly sopNumber: string;
  readonly customerNumber: string;
  readonly customerPo: string;
  /** DOCAMNT as a decimal string. */
  readonly documentAmount: string;
  /** True when it is in history (posted): it can no longer be changed or voided through eConnect. */
  readonly posted: boolean;
  readonly voided: boolean;
}

export interface CustomerContext {
  /** The GP customer number to write: an existing one found by e-mail, or one from the number scheme. */
  readonly customerNumber: string;
  /** True when GP already has this customer (the document updates it rather than creating it). */
  readonly exists: boolean;
}

export interface OrderContext {
  /** What the message makes (status-map.ts#orderDecisionFor); decided from the payload when absent. */
  readonly action?: 'order' | 'invoice' | 'cancel';
  readonly customer: CustomerContext;
  /** SKUs of the order's lines that GP has as items (item numbers are upper-cased SKUs as GP stores them). */
  readonly knownItems: ReadonlySet<string>;
  /** SOP documents GP already has for this order (by customer PO): the Order an invoice transfers from, etc. */
  readonly existingDocuments: readonly SopDocumentRef[];
}

export interface RefundContext {
  readonly customer: CustomerContext;
  readonly knownItems: ReadonlySet<string>;
  /** Documents of the refunded order (the invoice the return references). */
  readonly orderDocuments: readonly SopDocumentRef[];
}

/**
 * What GP stores for one SOP document, as eConnect element names → values (right-trimmed text, decimal
 * strings), read to tell whether an order changed after it reached GP. `lines` is absent when the store keeps
 * no lines for it (the sandbox's history); then only the header is compared.
 */
export interface StoredSopDocument {
  readonly sopType: number;
  readonly sopNumber: string;
  readonly posted: boolean;
  readonly voided: boolean;
  readonly header: Readonly<Record<string, string>>;
  readonly lines?: ReadonlyArray<Readonly<Record<string, string>>>;
}

/**
 * What GP stores for a customer or an item, as eConnect element names → values, read to tell whether a repeat
 * customer or product message would change anything. Elements GP does not store are simply absent.
 */
export interface StoredRecord {
  readonly fields: Readonly<Record<string, string>>;
  /** Customer addresses (RM00102) and internet addresses (SY01200) by upper-cased ADRSCODE. */
  readonly addresses?: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly internet?: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** One difference between what GP holds and what the message would write. */
export interface StoredChange {
  /** Element (`DOCAMNT`), line element (`lines[32768].QUANTITY`) or node element (`taCreateCustomerAddress[SHIP].CITY`). */
  readonly field: string;
  readonly gp: string;
  readonly woo: string;
}
