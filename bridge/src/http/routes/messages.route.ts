import { Hono } from 'hono';
import {
  MessageBatchResponseSchema,
  MessageKindSchema,
  MessageBatchSchema,
  type MessageBatch,
  type MessageBatchResponse,
  type MessageResult,
} from '../../contracts/index.js';
import { GpExecutionError } from '../../ports/gp-gateway.js';
import { fromGpError } from '../../use-cases/index.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { parseJsonBody } from '../parse-json-body.js';

/**
 * When the use case could not even start (GP unreachable before the first message), every message is
 * `retry`: unavailability never dead-letters a message (SPEC §4). Any other whole-batch failure is a bug and
 * goes to onError as a 500, which the plugin also retries with backoff.
 */
function retryAll(batch: MessageBatch, error: GpExecutionError): MessageResult[] | null {
  // The one retry-code mapping (use-cases/message-results.ts), so a batch-wide failure and a per-message one
  // can never answer differently. processBatch catches per message; this guards a use case that throws.
  const results = batch.messages.map((message) => fromGpError(message.id, error));
  return results.every((r) => r.status === 'retry') ? results : null;
}

/** Results must line up with the messages one to one; a use case that breaks that is a bug, not a result. */
function assertAligned(batch: MessageBatch, results: readonly MessageResult[]): void {
  const aligned =
    results.length === batch.messages.length && results.every((r, i) => r.id === batch.messages[i]?.id);
  if (!aligned)
    throw new Error('processBatch returned results that do not match the messages one to one, in order');
}

/** `POST /v1/messages`: a batch in, one result per message out, in order. Never all-or-nothing. */
export function messagesRoute(deps: AppDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const batch = parseJsonBody(c.get('rawBody'), MessageBatchSchema);
    const log = c.get('logger');
    let results: MessageResult[];
    try {
      results = await deps.processBatch(batch, { logger: log });
    } catch (error) {
      const retried = error instanceof GpExecutionError ? retryAll(batch, error) : null;
      if (!retried) throw error;
      log.warn(
        { err: error, messages: batch.messages.length },
        'GP unavailable: the whole batch is to be retried',
      );
      results = retried;
    }
    assertAligned(batch, results);
    batch.messages.forEach((message, index) => {
      const result = results[index];
      if (!result) return;
      const code = result.status === 'done' ? '' : result.code;
      // Kind is client-sent text: label only known kinds so the metric's cardinality stays bounded.
      const kind = MessageKindSchema.safeParse(message.kind).success ? message.kind : 'other';
      deps.metrics.messages.inc({ kind, status: result.status, code });
      log.info(
        { messageId: message.id, kind: message.kind, status: result.status, code: code || undefined },
        'message result',
      );
    });
    const body: MessageBatchResponse = MessageBatchResponseSchema.parse({
      profile_version: batch.profile.version,
      results,
    });
    return c.json(body, 200);
  });
}
