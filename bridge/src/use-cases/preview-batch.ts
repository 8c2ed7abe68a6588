import type {
  DeadResult,
  GpIds,
  MappingProfile,
  Message,
  MessageBatch,
  RetryResult,
} from '../contracts/index.js';
import type { EConnectDocument } from '../domain/econnect/document.js';
import type { MappingWarning } from '../domain/mapping-types.js';
import type { GpLookups } from '../ports/gp-gateway.js';
import type { UseCaseDeps } from './domain-mapping.js';
import { parseMessage } from './parse-message.js';
import type { Plan, PlanLookups } from './plan.js';
import { planMessage } from './plan-message.js';
import { resultOfError } from './process-batch.js';
import { validateDocument, type DocumentIssue } from './validate-document.js';

export type PreviewDocument = {
  /** The eConnect XML exactly as the executor would run it (same document, SPEC §6). */
  readonly xml: string;
  readonly valid: boolean;
  readonly issues: readonly DocumentIssue[];
};

/** `POST /v1/preview`, per message: what would be sent to GP and whether GP's rules accept it. */
export type PreviewResult = {
  readonly id: string;
  readonly kind: string;
  readonly valid: boolean;
  readonly documents: readonly PreviewDocument[];
  readonly gp?: GpIds;
  readonly warnings: ReadonlyArray<{
    readonly code: string;
    readonly message: string;
    readonly field?: string;
    readonly original?: string;
    readonly kept?: string;
  }>;
  /** Why there is nothing (or nothing valid) to send: the result processing would give now. */
  readonly result?: DeadResult | RetryResult;
};

/**
 * Plans and validates a batch without writing to GP: the very plan processing applies (plan-message.ts), made
 * with read-only look-ups outside any transaction; the XML of every document it would run and every GP-rule
 * problem found in it.
 */
export async function previewBatch(batch: MessageBatch, deps: UseCaseDeps): Promise<PreviewResult[]> {
  const results: PreviewResult[] = [];
  for (const message of batch.messages) results.push(await previewMessage(message, batch.profile, deps));
  return results;
}

export async function previewMessage(
  message: Message,
  profile: MappingProfile,
  deps: UseCaseDeps,
): Promise<PreviewResult> {
  const base = { id: message.id, kind: message.kind };
  const parsed = parseMessage(message);
  if (!parsed.ok) return { ...base, valid: false, documents: [], warnings: [], result: parsed.result };
  try {
    const plan = await planMessage(message.id, parsed, profile, deps.mapping, readOnly(deps.gateway));
    return previewOf(base, plan, deps);
  } catch (error) {
    const result = resultOfError(message.id, error, deps);
    return {
      ...base,
      valid: false,
      documents: [],
      warnings: [],
      result: result.status === 'done' ? undefined : result,
    };
  }
}

/** The gateway's look-ups outside any transaction: preview takes no locks and writes nothing. */
function readOnly(gateway: GpLookups): PlanLookups {
  return {
    findCustomerByEmail: (email) => gateway.findCustomerByEmail(email),
    customerExists: (number) => gateway.customerExists(number),
    findItems: (numbers) => gateway.findItems(numbers),
    findSopDocuments: (query) => gateway.findSopDocuments(query),
    batchInUse: (batch) => gateway.batchInUse(batch),
    readSopDocument: (type, number) => gateway.readSopDocument(type, number),
    readCustomer: (number) => gateway.readCustomer(number),
    readItem: (number) => gateway.readItem(number),
    lock: () => Promise.resolve(),
  };
}

/** A plan as the preview shows it: the documents' XML and GP-rule issues, or the answer processing would give. */
function previewOf(base: { id: string; kind: string }, plan: Plan, deps: UseCaseDeps): PreviewResult {
  if (plan.write) {
    const documents = plan.documents.map((d) => previewDocument(d, deps));
    return {
      ...base,
      valid: documents.every((d) => d.valid),
      documents,
      gp: plan.gp,
      warnings: plan.warnings.map(toWarning),
    };
  }
  const result = plan.answer;
  if (result.status !== 'done') return { ...base, valid: false, documents: [], warnings: [], result };
  const notes =
    result.gp.outcome === 'existing'
      ? [
          {
            code: 'already_in_gp',
            message: `GP already has this${result.gp.sop_number ? ` (${result.gp.sop_number})` : ''}: processing would write nothing and answer with its ids`,
          },
        ]
      : [];
  return { ...base, valid: true, documents: [], gp: result.gp, warnings: [...result.warnings, ...notes] };
}

function previewDocument(document: EConnectDocument, deps: UseCaseDeps): PreviewDocument {
  const issues = validateDocument(document);
  return { xml: deps.mapping.toEConnectXml(document), valid: issues.length === 0, issues };
}

function toWarning(w: MappingWarning) {
  return {
    code: w.code,
    message: w.message,
    ...(w.field !== undefined ? { field: w.field } : {}),
    ...(w.original !== undefined ? { original: w.original } : {}),
    ...(w.kept !== undefined ? { kept: w.kept } : {}),
  };
}
