import type { MappingProfile, Message, MessageBatch, MessageResult } from '../contracts/index.js';
import type { MappingFailure } from '../domain/mapping-types.js';
import { GpExecutionError } from '../ports/gp-gateway.js';
import type { UseCaseDeps } from './domain-mapping.js';
import { dead, fromGpError, fromMappingFailure, retry } from './message-results.js';
import { parseMessage } from './parse-message.js';
import { applyPlan } from './plan.js';
import { lockKeyOf, planMessage } from './plan-message.js';

/**
 * Runs a batch: one result per message, in request order (SPEC §5). Transport-independent: the HTTP route and
 * a pull-mode loop call this unchanged. Each message is isolated (its own parse, its own GP transaction, its
 * own try/catch), so one bad message never fails its batch. Messages run one after another, in order, because
 * a batch may hold a customer and then that customer's order.
 *
 * Once GP is unreachable, the remaining messages are answered `retry gp_unavailable` without each waiting
 * through its own connection attempts: GP being down never dead-letters a message, and never stalls the batch.
 */
export async function processBatch(batch: MessageBatch, deps: UseCaseDeps): Promise<MessageResult[]> {
  const results: MessageResult[] = [];
  let unavailable: string | null = null;
  for (const message of batch.messages) {
    if (unavailable !== null) {
      results.push(retry(message.id, 'gp_unavailable', unavailable));
      continue;
    }
    const result = await processMessage(message, batch.profile, deps);
    if (result.status === 'retry' && result.code === 'gp_unavailable') unavailable = result.message;
    results.push(result);
  }
  return results;
}

export async function processMessage(
  message: Message,
  profile: MappingProfile,
  deps: UseCaseDeps,
): Promise<MessageResult> {
  const parsed = parseMessage(message);
  if (!parsed.ok) return parsed.result;
  try {
    // Plan and apply in one GP transaction under the entity's lock: a concurrent copy waits, then plans
    // again and finds what the first one wrote.
    return await deps.gateway.transaction(lockKeyOf(parsed, deps.mapping), async (tx) =>
      applyPlan(message.id, await planMessage(message.id, parsed, profile, deps.mapping, tx), tx),
    );
  } catch (error) {
    return resultOfError(message.id, error, deps);
  }
}

/** A thrown error as this message's result (GP failures, mapping errors thrown by key helpers, bugs). */
export function resultOfError(
  id: string,
  error: unknown,
  deps: Pick<UseCaseDeps, 'onUnexpectedError'>,
): MessageResult {
  if (error instanceof GpExecutionError) return fromGpError(id, error);
  const failure = mappingFailureOf(error);
  if (failure) return fromMappingFailure(id, failure);
  deps.onUnexpectedError?.(id, error);
  // A bug is dead-lettered rather than retried forever: the admin sees it and can retry after a fix. Its text
  // (a stack's message, perhaps a path or a value) goes to the log through onUnexpectedError, never to the client.
  return dead(
    id,
    'gp_error',
    `the bridge failed unexpectedly on this message; its log has the details under messageId ${id}`,
  );
}

/** The domain's MappingError (thrown by helpers such as sopDocumentKey) carries its result as toFailure(). */
function mappingFailureOf(error: unknown): MappingFailure | null {
  if (typeof error !== 'object' || error === null) return null;
  const toFailure = (error as { toFailure?: unknown }).toFailure;
  return typeof toFailure === 'function' ? (toFailure.call(error) as MappingFailure) : null;
}
