import type { GpIds, MessageResult } from '../contracts/index.js';
import type { EConnectDocument } from '../domain/econnect/document.js';
import { itemNumberOf, type ItemIdentity } from '../domain/keys.js';
import type { MappingWarning } from '../domain/mapping-types.js';
import { GpExecutionError, type GpLookups, type GpTransaction } from '../ports/gp-gateway.js';
import { done } from './message-results.js';

/**
 * Every use case is split in two (issue 7 part 4): *plan* looks GP up and maps (read-only), *apply* executes
 * what the plan says inside the transaction. Processing is plan + apply under the entity's lock; preview is
 * the same plan without apply, so the two can never disagree about what a message does.
 */
export type Plan =
  /** Write these documents, in order, in one transaction; then answer done with these ids. */
  | {
      readonly write: true;
      readonly documents: readonly EConnectDocument[];
      readonly gp: GpIds;
      readonly warnings: readonly MappingWarning[];
    }
  /** Write nothing: the answer is decided (done existing/skipped/voided, dead, or retry). */
  | { readonly write: false; readonly answer: MessageResult };

/** What a plan may ask of GP: look-ups, and further locks while processing (a no-op in preview). */
export interface PlanLookups extends GpLookups {
  lock(lockKey: string): Promise<void>;
}

export const answer = (result: MessageResult): Plan => ({ write: false, answer: result });

export function writePlan(
  documents: readonly EConnectDocument[],
  gp: GpIds,
  warnings: readonly MappingWarning[],
): Plan {
  return { write: true, documents, gp, warnings };
}

/** Apply: runs the plan's documents in the caller's transaction and answers with the plan's ids. */
export async function applyPlan(id: string, plan: Plan, tx: GpTransaction): Promise<MessageResult> {
  if (!plan.write) return plan.answer;
  for (const document of plan.documents) await tx.execute(document);
  return done(id, plan.gp, plan.warnings);
}

/** GP item numbers of the lines that can have one at all, for the look-up; the mapper reports the others. */
export function lineItemNumbers(lines: readonly ItemIdentity[]): string[] {
  return lines.flatMap((line) => {
    try {
      return [itemNumberOf(line)];
    } catch {
      return [];
    }
  });
}

/**
 * eConnect ignores GP's batch locks (SPEC §6): adding to a batch a user or posting holds must wait. Thrown as
 * a GP failure, so processing and preview both answer `retry batch_in_use` through the one retry mapping.
 */
export async function assertBatchFree(gp: GpLookups, batchId: string): Promise<void> {
  if (await gp.batchInUse(batchId)) {
    throw new GpExecutionError(
      'batch_in_use',
      `GP batch ${batchId} is in use (opened by a user or being posted)`,
    );
  }
}
