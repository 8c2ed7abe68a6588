import type { z } from 'zod';
import { CustomerPayloadSchema } from './customer.js';
import type { MessageKind } from './message.js';
import { OrderPayloadSchema } from './order.js';
import { ProductPayloadSchema } from './product.js';
import { RefundPayloadSchema } from './refund.js';

/** The payload schema of each message kind. */
export const PAYLOAD_SCHEMAS = {
  customer: CustomerPayloadSchema,
  product: ProductPayloadSchema,
  order: OrderPayloadSchema,
  refund: RefundPayloadSchema,
} as const satisfies Record<MessageKind, z.ZodTypeAny>;
