/**
 * Tables keyed by store data (status map, shipping method map, payment types, tax rate map, payload meta) are
 * plain JSON objects. Reading one with `table[key]` finds JavaScript's built-in properties for keys such as
 * `constructor`, `toString` or `__proto__` (a shipping method id is whatever a plugin author chose), so every
 * such read goes through here: only the table's own entries count.
 */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
