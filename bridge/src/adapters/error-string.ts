/**
 * `@oErrString` is built by taUpdateString, which appends `' ' + code` per error (FACTS §7): a space-separated
 * list of numbers. Parse it token by token so 67 is never confused with 670; anything that is not a number is
 * ignored rather than guessed at.
 */
export function parseErrorNumbers(errorString: string | null | undefined): number[] {
  if (!errorString) return [];
  const numbers: number[] = [];
  for (const token of errorString.trim().split(/\s+/)) {
    if (!/^-?\d+$/.test(token)) continue;
    const n = Number.parseInt(token, 10);
    if (!numbers.includes(n)) numbers.push(n);
  }
  return numbers;
}
