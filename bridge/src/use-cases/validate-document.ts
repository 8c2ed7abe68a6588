import { buildProcedureCall } from '../adapters/procedure-call.js';
import { defaultSignatureOf } from '../adapters/procedure-signature.js';
import { CATALOGUE } from '../domain/econnect/catalogue.generated.js';
import { orderedNodes, type EConnectDocument } from '../domain/econnect/document.js';
import { GpValidationError } from '../ports/gp-validation-error.js';

export interface DocumentIssue {
  readonly field: string;
  readonly reason: string;
  readonly message: string;
}

/**
 * The GP-rule checks the executor applies before calling a procedure (length, code page, numeric scale,
 * integer range, dates, known parameters) plus the schema's required elements, run on every element so the
 * preview lists all problems at once instead of stopping at the first. Uses the default parameter table; the
 * sql gateway re-checks against the target database's real lists when it executes.
 */
export function validateDocument(document: EConnectDocument): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  let nodes;
  try {
    nodes = orderedNodes(document);
  } catch (error) {
    return [{ field: '', reason: 'schema', message: error instanceof Error ? error.message : String(error) }];
  }
  for (const node of nodes) {
    const signature = defaultSignatureOf(node.node);
    if (!signature) {
      issues.push({
        field: node.node,
        reason: 'missing_procedure',
        message: `GP has no procedure ${node.node}`,
      });
      continue;
    }
    const present = new Set(node.fields.map(([element]) => element));
    for (const element of CATALOGUE.nodes[node.node] ?? []) {
      if (element.required && !present.has(element.name) && element.name !== 'SOPNUMBE') {
        issues.push({
          field: `${node.node}.${element.name}`,
          reason: 'required',
          message: `${node.node}.${element.name} is required`,
        });
      }
    }
    for (const field of node.fields) {
      try {
        buildProcedureCall({ ...node, fields: [field] }, signature);
      } catch (error) {
        if (!(error instanceof GpValidationError)) throw error;
        issues.push({ field: error.field ?? node.node, reason: error.reason, message: error.message });
      }
    }
  }
  return issues;
}
