import type { z } from 'zod';
import { ApiError, type ProblemFieldError } from './problem.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** `messages[3].payload.lines[0].sku`: the path form the docs and the plugin's admin show. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): ProblemFieldError[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Decodes the raw body as UTF-8 JSON and validates it. Bad bytes or bad JSON are `invalid_json`; a
 * contract failure is `validation_failed` listing every offending path, so the plugin can show all of them.
 */
export function parseJsonBody<S extends z.ZodType>(raw: Uint8Array, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(raw));
  } catch (error) {
    throw new ApiError('invalid_json', `The body is not valid UTF-8 JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      'validation_failed',
      `${parsed.error.issues.length} problem(s) in the request body.`,
      issuesToFieldErrors(parsed.error.issues),
    );
  }
  return parsed.data;
}
