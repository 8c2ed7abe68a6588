import { orderedNodes, type EConnectDocument } from '../domain/econnect/document.js';
import { GpExecutionError, type GpErrorDetail, type GpFailureKind } from '../ports/gp-gateway.js';
import { GpValidationError } from '../ports/gp-validation-error.js';
import { parseErrorNumbers } from './error-string.js';
import { buildProcedureCall, type ProcedureCall } from './procedure-call.js';
import type { SignatureSource } from './procedure-signature.js';

/** What a procedure returned in `@O_iErrorState` / `@oErrString`. */
export interface ProcedureOutcome {
  readonly errorState: number;
  readonly errorString: string;
}

/** The adapter-specific half of execution: run one call, and turn error numbers into GP's texts. */
export interface ProcedureRunner {
  run(call: ProcedureCall): Promise<ProcedureOutcome>;
  /** Texts from DYNAMICS..taErrorCode (sql) or the sandbox's error table; unknown numbers get a plain text. */
  describeErrors(procedure: string, numbers: readonly number[]): Promise<GpErrorDetail[]>;
}

/**
 * GP error numbers that mean "someone else has it open", not "the document is wrong": retried, never
 * dead-lettered. 2079/2022 are eConnect's "being edited by another user" (FACTS §7); 91009 is the sandbox's
 * batch-in-use number (see sandbox/error-texts.ts).
 */
const RETRYABLE_ERRORS: ReadonlyMap<number, GpFailureKind> = new Map([
  [2079, 'batch_in_use'],
  [2022, 'batch_in_use'],
  [91009, 'batch_in_use'],
]);

/**
 * Runs a document the way eConnect does (FACTS §1, SPEC §6): every node in document order, one procedure call
 * each, stopping at the first non-zero error state. The caller runs this inside its transaction and rolls the
 * whole document back when this throws, so nothing is ever half-written.
 */
export async function executeDocument(
  document: EConnectDocument,
  runner: ProcedureRunner,
  signatures: SignatureSource,
): Promise<void> {
  for (const node of orderedNodes(document)) {
    const signature = await signatures.signatureOf(node.node);
    if (!signature) {
      throw new GpValidationError('missing_procedure', `GP has no procedure ${node.node}`, node.node);
    }
    const call = buildProcedureCall(node, signature);
    const outcome = await runner.run(call);
    if (outcome.errorState === 0) continue;
    const parsed = parseErrorNumbers(outcome.errorString);
    const numbers = parsed.length > 0 ? parsed : [outcome.errorState];
    const errors = await runner.describeErrors(node.node, numbers);
    throw new GpExecutionError(kindOf(numbers), describe(node.node, errors), errors, node.node);
  }
}

function kindOf(numbers: readonly number[]): GpFailureKind {
  for (const n of numbers) {
    const kind = RETRYABLE_ERRORS.get(n);
    if (kind) return kind;
  }
  return 'business';
}

function describe(procedure: string, errors: readonly GpErrorDetail[]): string {
  return `${procedure} failed: ${errors.map((e) => `GP error ${e.number}: ${e.text}`).join('; ')}`;
}
