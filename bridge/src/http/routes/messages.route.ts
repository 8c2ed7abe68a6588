import { Hono } from 'hono';
import {
  MessageBatchResponseSchema,
  MessageKindSchema,
  MessageBatchSchema,
  type MessageBatch,
  type MessageBatchResponse,
  type MessageResult,
  type MessageRetryCode,
} from '../../contracts/index.js';
import { GpExecutionError, type GpFailureKind } from '../../ports/gp-gateway.js';
import { RETRY_AFTER_SECONDS } from '../../use-cases/index.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { parseJsonBody } from '../parse-json-body.js';

const RETRY_CODE_BY_KIND: Partial<Record<GpFailureKind, MessageRetryCode>> = {
  unavailable: 'gp_unavailable',
  timeout: 'gp_timeout',
  deadlock: 'gp_deadlock',
  batch_in_use: 'batch_in_use',
};

/**
 * When the use case could not even start (GP unreachable before the first message), every message is
 * `retry`: unavailability never dead-letters a message (SPEC §4). Any other whole-batch failure is a bug and
 * goes to onError as a 500, which the plugin also retries with backoff.
 */
function retryAll(batch: MessageBatch, error: GpExecutionError): MessageResult[] | null {
  const code = RETRY_CODE_BY_KIND[error.kind];
  if (!code) return null;
  return batch.messages.map((message) => ({
    id: message.id,
    status: 'retry',
    code,
    message: `GP could not be reached: ${error.message}`,
    retry_after_seconds: RETRY_AFTER_SECONDS[code],
  }));
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
