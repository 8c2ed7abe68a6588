import fc from 'fast-check';

/**
 * Strings a store can hold and a mapper must survive: one character of every Unicode general category
 * (control, format, surrogate halves, private use, unassigned and noncharacters included), XML and SQL
 * metacharacters, and the names of JavaScript's built-in properties, alone or mixed into ordinary text.
 */

/** One character of each Unicode general category (two where the category has a notorious member). */
export const UNICODE_CATEGORY_SAMPLES: Readonly<Record<string, readonly string[]>> = {
  Lu: ['Ä', 'Ω'],
  Ll: ['ß', 'ı'],
  Lt: ['ǅ'],
  Lm: ['ʰ'],
  Lo: ['中', 'ا'],
  Mn: ['\u0301', '\u0300'],
  Mc: ['\u0903'],
  Me: ['\u20DD'],
  Nd: ['٣', '９'],
  Nl: ['Ⅻ'],
  No: ['½', '²'],
  Pc: ['‿'],
  Pd: ['—'],
  Ps: ['「'],
  Pe: ['」'],
  Pi: ['«', '“'],
  Pf: ['»', '”'],
  Po: ['¿', '\\'],
  Sm: ['∑', '<'],
  Sc: ['€', '₿'],
  Sk: ['^', '˚'],
  So: ['©', '😀'],
  Zs: ['\u00A0', '\u3000'],
  Zl: ['\u2028'],
  Zp: ['\u2029'],
  Cc: ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085'],
  Cf: ['\u200B', '\uFEFF', '\u202E'],
  Cs: ['\uD800', '\uDFFF'],
  Co: ['\uE000'],
  Cn: ['\uFFFF', '\uFDD0', '\u0378'],
};

export const XML_METACHARACTERS = [
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  '<![CDATA[x]]>',
  '&amp;',
  '&#0;',
  '&#x1F;',
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  '</taSopHdrIvcInsert>',
];

export const SQL_METACHARACTERS = [
  "'",
  "''",
  '--',
  '/*',
  '*/',
  ';',
  "' OR 1=1 --",
  "'; DROP TABLE RM00101; --",
  '%',
  '_',
  '[',
  ']',
  '\\',
  "N'",
  '0x41',
  'CHAR(0)',
  "WAITFOR DELAY '0:0:5'",
];

/** Names an object literal answers without owning them: the keys that break `table[key]` lookups. */
export const JS_BUILTIN_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
];

/** True for a key an empty object literal answers (the defect-1 keys). */
export const isBuiltinKey = (key: string): boolean => key in Object.prototype;

const categoryChar = fc.constantFrom(...Object.values(UNICODE_CATEGORY_SAMPLES).flat());
/** Any code point, lone surrogates included (a JS string can hold them; JSON.parse can produce them). */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((point) => String.fromCodePoint(point));
const word = fc.constantFrom('Ada', 'Lovelace', 'Main St', 'Suite 5', 'Berlin', 'Hoodie', '42');

const piece = (withBuiltins: boolean) =>
  fc.oneof(
    categoryChar,
    anyCodeUnit,
    anyCodePoint,
    word,
    fc.constantFrom(...XML_METACHARACTERS),
    fc.constantFrom(...SQL_METACHARACTERS),
    ...(withBuiltins ? [fc.constantFrom(...JS_BUILTIN_NAMES)] : []),
  );

/** Text for a field the store fills in: names, addresses, notes, descriptions. */
export function hostileText(options: { maxPieces?: number; withBuiltins?: boolean } = {}) {
  const withBuiltins = options.withBuiltins ?? true;
  return fc.oneof(
    { weight: 1, arbitrary: withBuiltins ? fc.constantFrom(...JS_BUILTIN_NAMES) : word },
    {
      weight: 4,
      arbitrary: fc
        .array(piece(withBuiltins), { minLength: 1, maxLength: options.maxPieces ?? 8 })
        .map((pieces) => pieces.join('')),
    },
  );
}

/**
 * Text for a value the bridge looks things up by (a shipping method id, a payment gateway id, a status, a meta
 * key). Built-in names are left out: they are defect 1, exercised on their own (see the property tests).
 */
export function hostileKey() {
  return hostileText({ withBuiltins: false, maxPieces: 4 }).filter((key) => !isBuiltinKey(key));
}

/** Only built-in names, as the lookup keys of defect 1. */
export const builtinKey = () => fc.constantFrom(...JS_BUILTIN_NAMES);
