import { z } from 'zod';
import { MESSAGE_DEAD_CODES, MESSAGE_RETRY_CODES } from './error-codes.js';
import { MappingProfileSchema } from './mapping-profile.js';

export const MessageKindSchema = z.enum(['customer', 'product', 'order', 'refund']);
export type MessageKind = z.infer<typeof MessageKindSchema>;

/**
 * One outbox message. The envelope is checked strictly; `payload` only loosely here, because each payload is
 * validated on its own against its kind (payloads.ts) so that one bad message never fails its batch.
 * `kind` is a plain string for the same reason: an unknown kind is a `dead` result, not a rejected batch.
 */
export const MessageSchema = z.object({
  /** Stable id of the outbox message (UUID): the same id is used for every delivery attempt. */
  id: z.string().min(1).max(64),
  kind: z.string().min(1).max(32),
  source: z.object({
    /** Site URL or id, for logs and multi-store setups. */
    site: z.string().max(255).default(''),
    /** WooCommerce id of the entity (order, refund, user or product id). */
    entity_id: z.number().int().nonnegative(),
    /**
     * Version of the entity (modified time in ms, or a counter), for logs and the admin. The bridge does not
     * order by it: the plugin's outbox keeps one pending message per entity (the latest) and sends in order.
     */
    version: z.number().int().nonnegative().default(0),
  }),
  payload: z.record(z.string(), z.unknown()),
});
export type Message = z.infer<typeof MessageSchema>;

/** `POST /v1/messages` and `POST /v1/preview` request body. */
export const MessageBatchSchema = z.object({
  schema_version: z.literal(1),
  profile: MappingProfileSchema,
  messages: z.array(MessageSchema).min(1).max(500),
});
export type MessageBatch = z.infer<typeof MessageBatchSchema>;

/** GP ids of what a message created or found. */
export const GpIdsSchema = z.object({
  customer_number: z.string().optional(),
  item_number: z.string().optional(),
  sop_number: z.string().optional(),
  /** 2 Order, 3 Invoice, 4 Return (FACTS §6). */
  sop_type: z.number().int().optional(),
  /**
   * `created`; `updated` (GP had it and it changed: a customer or item record, or an unposted SOP document
   * brought up to date under its own number); `existing` (GP already had exactly this: nothing was written);
   * `voided`; `skipped` (nothing to do in GP: the warnings say why).
   */
  outcome: z.enum(['created', 'updated', 'existing', 'voided', 'skipped']).optional(),
});
export type GpIds = z.infer<typeof GpIdsSchema>;

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  /** Text fitted to GP (`address_spilled`, `truncated`): what WooCommerce had and what GP keeps. */
  original: z.string().optional(),
  kept: z.string().optional(),
});

export const DoneResultSchema = z.object({
  id: z.string(),
  status: z.literal('done'),
  gp: GpIdsSchema,
  warnings: z.array(WarningSchema).default([]),
});
export const RetryResultSchema = z.object({
  id: z.string(),
  status: z.literal('retry'),
  code: z.enum(MESSAGE_RETRY_CODES),
  message: z.string(),
  /** Suggested delay before the next attempt. */
  retry_after_seconds: z.number().int().nonnegative(),
});
export const DeadResultSchema = z.object({
  id: z.string(),
  status: z.literal('dead'),
  code: z.enum(MESSAGE_DEAD_CODES),
  message: z.string(),
  /** Path of the offending field in the payload (`lines[2].sku`) or GP element (`taSopHdrIvcInsert.CSTPONBR`). */
  field: z.string().optional(),
  /** Structured facts for the admin: both totals, the unknown SKUs, GP's error numbers … */
  details: z.record(z.string(), z.unknown()).optional(),
});
export const MessageResultSchema = z.discriminatedUnion('status', [
  DoneResultSchema,
  RetryResultSchema,
  DeadResultSchema,
]);
export type MessageResult = z.infer<typeof MessageResultSchema>;
export type DoneResult = z.infer<typeof DoneResultSchema>;
export type RetryResult = z.infer<typeof RetryResultSchema>;
export type DeadResult = z.infer<typeof DeadResultSchema>;

/** `POST /v1/messages` response body: one result per message, in request order. */
export const MessageBatchResponseSchema = z.object({
  profile_version: z.string(),
  results: z.array(MessageResultSchema),
});
export type MessageBatchResponse = z.infer<typeof MessageBatchResponseSchema>;
