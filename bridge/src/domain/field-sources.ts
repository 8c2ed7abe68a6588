import type { ProductAttribute } from '../contracts/index.js';
import { ownValue } from './lookup.js';

/**
 * Reads a profile source reference (`meta:<key>`, `attribute:<name>`, `field:<dotted.path>`) from a payload.
 * Returns undefined when the payload has no such value, so an unset custom field leaves GP's field alone.
 */
export interface SourceData {
  readonly payload: unknown;
  readonly meta: Readonly<Record<string, string | number | boolean | null>>;
  readonly attributes?: readonly ProductAttribute[];
}

export function readSource(source: string, data: SourceData): { value: string; path: string } | undefined {
  const colon = source.indexOf(':');
  const kind = source.slice(0, colon);
  const name = source.slice(colon + 1);
  switch (kind) {
    case 'meta':
      return scalar(ownValue(data.meta, name), `meta.${name}`);
    case 'attribute': {
      const wanted = name.toLowerCase();
      const attribute = data.attributes?.find((a) =>
        [a.name, a.label, a.name.replace(/^pa_/, '')].some((n) => n.toLowerCase() === wanted),
      );
      return attribute && attribute.values.length > 0
        ? { value: attribute.values.join(', '), path: `attributes[${attribute.name}]` }
        : undefined;
    }
    case 'field': {
      let current: unknown = data.payload;
      for (const segment of name.split('.')) {
        if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment))
          return undefined;
        current = (current as Record<string, unknown>)[segment];
      }
      return scalar(current, name);
    }
    default:
      return undefined;
  }
}

function scalar(value: unknown, path: string): { value: string; path: string } | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : { value, path };
  if (typeof value === 'number' || typeof value === 'boolean') return { value: String(value), path };
  return undefined;
}
