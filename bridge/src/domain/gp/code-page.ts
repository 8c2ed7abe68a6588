/**
 * Windows-1252, the code page of GP's char columns (FACTS §2: SQL_Latin1_General_CP1_CI_AS). Characters
 * outside it do not survive the trip into GP: SQL Server turns them into '?'. This module finds a plain
 * Latin form where one exists (accents stripped by NFKD, Cyrillic and Greek by a transliteration table) and
 * reports the characters that have none, so the caller can reject or replace them visibly.
 */

/** The 27 printable characters CP1252 puts in 0x80–0x9F, where Latin-1 has control codes. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function isCp1252(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code === 0x09 || code === 0x0a || code === 0x0d) return true;
  // Other C0/C1 controls are in the code page but not allowed in XML 1.0 or meaningful in GP text.
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return false;
  if (code <= 0xff) return true;
  return CP1252_EXTRA.has(char);
}

// ISO 9 / BGN-style romanisation: the forms a warehouse clerk can read and type back.
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  є: 'ye',
  і: 'i',
  ї: 'yi',
  ґ: 'g',
  ў: 'u',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  ђ: 'dj',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
};
const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};
/** Greek vowel pairs read as one sound (ELOT 743): "Παπαδόπουλος" → "Papadopoulos". */
const GREEK_DIGRAPHS: Record<string, string> = { ου: 'ou' };
/** Latin letters with a stroke or bar: NFKD does not decompose them, but their plain letter is obvious. */
const LATIN_STROKES: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  Ŋ: 'N',
  ŋ: 'n',
  Ɨ: 'I',
  ɨ: 'i',
  ƀ: 'b',
  Ƶ: 'Z',
  ƶ: 'z',
};
/** Punctuation NFKD leaves alone but that has an obvious ASCII form. */
const PUNCTUATION: Record<string, string> = {
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '-',
  '−': '-',
  '′': "'",
  '″': '"',
  '‹': '<',
  '›': '>',
  '«': '"',
  '»': '"',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u3000': ' ',
  '、': ',',
  '。': '.',
  '・': ' ',
};

function fromTable(char: string): string | undefined {
  const stroke = LATIN_STROKES[char];
  if (stroke !== undefined) return stroke;
  const lower = char.toLowerCase();
  const latin = CYRILLIC[lower] ?? GREEK[lower] ?? PUNCTUATION[char];
  if (latin === undefined) return undefined;
  if (lower === char || latin === '') return latin;
  // Upper-case source: capitalise the first letter only ("Щ" → "Shch"), as names are written.
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

/** A Latin form of one character outside CP1252, or undefined when there is none (CJK, emoji, …). */
function latinFormOf(char: string): string | undefined {
  const table = fromTable(char.normalize('NFC')) ?? fromTable(char.normalize('NFD').replace(/\p{M}/gu, ''));
  if (table !== undefined) return table;
  // NFKD folds compatibility forms (full-width "（" → "(", "ﬁ" → "fi") and splits accents off their letters.
  const folded = char.normalize('NFKD').replace(/\p{M}/gu, '');
  if (folded !== '' && [...folded].every(isCp1252)) return folded;
  return undefined;
}

export interface CodePageResult {
  /** The text with transliterations applied and characters without a Latin form replaced by '?'. */
  readonly text: string;
  /** Characters that had to be transliterated (distinct, in order of appearance). */
  readonly transliterated: readonly string[];
  /** Characters that have no Latin form (distinct). */
  readonly unsupported: readonly string[];
}

/** Printable ASCII plus tab and line breaks: already in CP1252, and nearly every value a store sends. */
const PLAIN_ASCII = /^[\x20-\x7e\t\n\r]*$/;

export function toCp1252(value: string): CodePageResult {
  // The per-character walk below normalises each character; skip it for the common case it cannot change.
  if (PLAIN_ASCII.test(value)) return { text: value, transliterated: [], unsupported: [] };
  const transliterated: string[] = [];
  const unsupported: string[] = [];
  let text = '';
  const chars = [...value.normalize('NFC')];
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i]!;
    const digraph =
      GREEK_DIGRAPHS[`${char}${chars[i + 1] ?? ''}`.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')];
    if (digraph !== undefined) {
      if (!transliterated.includes(char)) transliterated.push(char);
      text += char === char.toLowerCase() ? digraph : digraph.charAt(0).toUpperCase() + digraph.slice(1);
      i += 1;
      continue;
    }
    if (isCp1252(char)) {
      text += char;
      continue;
    }
    const latin = latinFormOf(char);
    if (latin !== undefined) {
      if (!transliterated.includes(char)) transliterated.push(char);
      text += latin;
    } else {
      if (!unsupported.includes(char)) unsupported.push(char);
      text += '?';
    }
  }
  return { text, transliterated, unsupported };
}
