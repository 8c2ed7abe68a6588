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

/** The envelope versions this bridge speaks (`schema_version` of a batch). */
export const SUPPORTED_SCHEMA_VERSIONS: readonly unknown[] = [1];

/**
 * Decodes the raw body as UTF-8 JSON and validates it. Bad bytes or bad JSON are `invalid_json`; an envelope
 * of a schema version this bridge does not speak is `unsupported_schema_version` (version skew, named as
 * such rather than buried in a field list); any other contract failure is `validation_failed` listing every
 * offending path, so the plugin can show all of them.
 */
export function parseJsonBody<S extends z.ZodType>(raw: Uint8Array, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(raw));
  } catch (error) {
    throw new ApiError('invalid_json', `The body is not valid UTF-8 JSON: ${(error as Error).message}`);
  }
  if (typeof json === 'object' && json !== null && Object.hasOwn(json, 'schema_version')) {
    const version = (json as { schema_version: unknown }).schema_version;
    if (!SUPPORTED_SCHEMA_VERSIONS.includes(version)) {
      throw new ApiError(
        'unsupported_schema_version',
        `schema_version ${JSON.stringify(version)?.slice(0, 40)} is not one this bridge speaks (it speaks ${SUPPORTED_SCHEMA_VERSIONS.join(', ')}); upgrade the bridge or the client so both speak one version.`,
      );
    }
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
