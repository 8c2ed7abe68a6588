/**
 * GP's char columns are code page 1252 (FACTS §2). A character outside it would arrive as '?' in GP, so the
 * executor refuses it instead of letting SQL Server replace it silently (SPEC §3). The mapper transliterates
 * first (per profile); this is the last line of defence.
 */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function firstCharacterOutsideCp1252(value: string): string | null {
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0x7f || (code >= 0xa0 && code <= 0xff)) continue;
    if (CP1252_EXTRAS.has(ch)) continue;
    return ch;
  }
  return null;
}
