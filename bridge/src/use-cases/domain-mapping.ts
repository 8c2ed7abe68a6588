import type {
  CustomerPayload,
  MappingProfile,
  OrderAction,
  OrderPayload,
  ProductPayload,
  RefundPayload,
} from '../contracts/index.js';
import type { EConnectDocument } from '../domain/econnect/document.js';
import type { CustomerContext, MappingResult, OrderContext, RefundContext } from '../domain/mapping-types.js';
import type { GpGateway } from '../ports/gp-gateway.js';

/**
 * The pure domain functions the use cases call (bridge/src/domain/index.ts). Passed in rather than imported so
 * the use cases stay transport- and wiring-independent: the composition root passes the domain module itself
 * (`import * as domain from '../domain/index.js'`), which satisfies this interface structurally.
 */
export interface DomainMapping {
  mapCustomer(payload: CustomerPayload, profile: MappingProfile, ctx: CustomerContext): MappingResult;
  mapProduct(payload: ProductPayload, profile: MappingProfile): MappingResult;
  mapOrder(payload: OrderPayload, profile: MappingProfile, ctx: OrderContext): MappingResult;
  mapRefund(payload: RefundPayload, profile: MappingProfile, ctx: RefundContext): MappingResult;
  customerNumberFor(customer: CustomerPayload, profile: MappingProfile): string;
  normaliseEmail(email: string): string;
  orderActionFor(status: string, profile: MappingProfile): OrderAction;
  sopDocumentKey(
    kind: 'order' | 'invoice' | 'return',
    reference: string,
    profile: MappingProfile,
  ): { sopType: 2 | 3 | 4; sopNumber: string };
  toEConnectXml(document: EConnectDocument): string;
}

/** What processBatch and previewBatch need. */
export interface UseCaseDeps {
  readonly gateway: GpGateway;
  readonly mapping: DomainMapping;
  /** Told about errors that were not GP's or the payload's (bugs), which become dead letters. */
  readonly onUnexpectedError?: (messageId: string, error: unknown) => void;
}
