import type { MappingProfile } from '../../contracts/index.js';
import { parameterType } from '../econnect/parameter-types.js';
import { MappingError } from '../mapping-error.js';
import type { MappingWarning } from '../mapping-types.js';
import { toCp1252 } from './code-page.js';

/**
 * Elements that are keys or ids of GP records. Cutting one would silently point at another record (or create
 * a second customer), so they are refused when too long whatever the length policy says.
 */
const KEY_ELEMENTS = new Set([
  'CUSTNMBR',
  'SOPNUMBE',
  'ORIGNUMB',
  'ITEMNMBR',
  'ADRSCODE',
  'PRBTADCD',
  'PRSTADCD',
  'STADDRCD',
  'Master_ID',
  'Master_Type',
  'DOCID',
  'BACHNUMB',
  'CSTPONBR',
  'LOCNCODE',
  'TAXDTLID',
  'TAXSCHID',
  'FRTSCHID',
  'MSCSCHID',
  'SHIPMTHD',
  'CURNCYID',
  'UOFM',
  'UOMSCHDL',
  'ITMCLSCD',
  'CUSTCLAS',
  'PRCLEVEL',
  'CHEKBKID',
  'SLPRSNID',
  'SALSTERR',
  'PYMTRMID',
]);

/**
 * Applies GP's text rules to every string the mappers put into a document: code page 1252 (transliterate or
 * reject, per profile) and the parameter length (truncate with a warning or reject, per profile). Warnings
 * collect here and travel back with the mapping result. One instance per mapping call.
 */
export class GpValues {
  readonly warnings: MappingWarning[] = [];

  constructor(private readonly profile: MappingProfile) {}

  /** The text for `node.element`, made safe for GP, or a MappingError naming the element and payload path. */
  text(node: string, element: string, value: string, path?: string): string {
    const field = `${node}.${element}`;
    const where = path ? ` (from ${path})` : '';
    const converted = toCp1252(value);
    const outside = [...converted.transliterated, ...converted.unsupported];
    if (outside.length > 0 && this.profile.code_page_policy === 'reject') {
      throw new MappingError(
        'unsupported_characters',
        `${field}${where} has characters outside GP's code page 1252: ${outside.join(' ')}`,
        field,
        {
          path,
          characters: outside,
        },
      );
    }
    if (converted.transliterated.length > 0) {
      this.warn(
        'transliterated',
        `${field}${where}: ${converted.transliterated.join(' ')} written in Latin letters for GP's code page`,
        field,
      );
    }
    if (converted.unsupported.length > 0) {
      this.warn(
        'unsupported_characters_replaced',
        `${field}${where}: ${converted.unsupported.join(' ')} have no Latin form and were written as '?'`,
        field,
      );
    }
    return this.fitLength(node, element, converted.text, field, path);
  }

  warn(code: string, message: string, field?: string, fitted?: { original: string; kept: string }): void {
    this.warnings.push({
      code,
      message,
      ...(field !== undefined ? { field } : {}),
      ...(fitted ?? {}),
    });
  }

  /**
   * Address lines under length_policy `fit`: a line longer than GP's ADDRESS field spills its last words into
   * the next line (ADDRESS1 → ADDRESS2 → ADDRESS3), so nothing of the street is lost while there is room;
   * ADDRESS3 is then cut like any other text (`truncated`). Each spill is an `address_spilled` warning with the
   * original and the kept text. Other policies get the lines unchanged (reject / truncate apply per field).
   */
  addressLines(node: string, first: string, second: string, path: string): [string, string, string] {
    const lines: [string, string, string] = [first, second, ''];
    const type = parameterType(node, 'ADDRESS1');
    const limit = type.kind === 'char' || type.kind === 'varchar' ? type.length : undefined;
    if (this.profile.length_policy !== 'fit' || limit === undefined) return lines;
    for (const i of [0, 1] as const) {
      const line = lines[i];
      if (gpLength(line) <= limit) continue;
      const [kept, rest] = splitAtWord(line, limit);
      const next = lines[i + 1]!.trim();
      lines[i] = kept;
      lines[i + 1] = next === '' ? rest : `${rest} ${next}`;
      this.warn(
        'address_spilled',
        `${node}.ADDRESS${i + 1} (from ${path}) is ${gpLength(line)} characters; GP accepts ${limit}: "${rest}" moved to ADDRESS${i + 2}`,
        `${node}.ADDRESS${i + 1}`,
        { original: line, kept },
      );
    }
    return lines;
  }

  private fitLength(node: string, element: string, text: string, field: string, path?: string): string {
    const type = parameterType(node, element);
    const limit = type.kind === 'char' || type.kind === 'varchar' ? type.length : undefined;
    const length = [...text].length;
    if (limit === undefined || length <= limit) return text;
    // Keys are never cut under any policy; `fit` and `truncate` cut other texts with a warning.
    if (KEY_ELEMENTS.has(element) || this.profile.length_policy === 'reject') {
      throw new MappingError(
        'field_too_long',
        `${field}${path ? ` (from ${path})` : ''} is ${length} characters; GP accepts ${limit}`,
        field,
        {
          path,
          limit,
          length,
          value: text,
        },
      );
    }
    const kept = [...text].slice(0, limit).join('').trimEnd();
    this.warn(
      'truncated',
      `${field}${path ? ` (from ${path})` : ''} cut from ${length} to ${limit} characters`,
      field,
      { original: text, kept },
    );
    return kept;
  }
}

/** Length of a text as GP receives it (after the code-page rules, which can lengthen: Щ → Shch). */
function gpLength(text: string): number {
  return [...toCp1252(text).text].length;
}

/**
 * Splits a line so the first part fits `limit` (as GP receives it), at the last word boundary that fits; a
 * single word longer than the limit is cut inside the word.
 */
function splitAtWord(line: string, limit: number): [string, string] {
  const words = line.trim().split(/\s+/);
  let kept = '';
  let taken = 0;
  for (const word of words) {
    const candidate = kept === '' ? word : `${kept} ${word}`;
    if (gpLength(candidate) > limit) break;
    kept = candidate;
    taken += 1;
  }
  if (taken === 0) {
    const chars = [...line.trim()];
    let cut = Math.min(limit, chars.length);
    while (cut > 1 && gpLength(chars.slice(0, cut).join('')) > limit) cut -= 1;
    return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
  }
  return [kept, words.slice(taken).join(' ')];
}

/**
 * Builds one node's fields. `text` runs the GP text rules; `value` is for figures, flags and dates the mapper
 * has already formatted. Undefined values are left out, so the XSD default or GP's default applies.
 */
export class NodeBuilder {
  private readonly fields: Record<string, string> = {};

  constructor(
    private readonly values: GpValues,
    readonly node: string,
  ) {}

  /** Address lines 1–2 of a WooCommerce address as GP's ADDRESS1–3 under the length policy. */
  addressLines(first: string, second: string, path: string): [string, string, string] {
    return this.values.addressLines(this.node, first, second, path);
  }

  text(element: string, value: string | undefined, path?: string): this {
    if (value !== undefined) this.fields[element] = this.values.text(this.node, element, value, path);
    return this;
  }

  /** Like `text`, but leaves the element out when the value is blank (GP then defaults it). */
  optText(element: string, value: string | undefined, path?: string): this {
    return value === undefined || value.trim() === '' ? this : this.text(element, value, path);
  }

  value(element: string, value: string | number | undefined): this {
    if (value !== undefined) this.fields[element] = String(value);
    return this;
  }

  build(): { node: string; fields: Readonly<Record<string, string>> } {
    return { node: this.node, fields: { ...this.fields } };
  }
}
