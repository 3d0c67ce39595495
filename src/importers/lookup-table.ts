/**
 * Lookup tables keyed by cell text (labels, row types, asset aliases). A plain object literal
 * answers inherited names too: `LABELS['constructor']` is Object's constructor function and
 * `LABELS['__proto__']` its prototype, so a crafted cell would be "recognised" and crash the
 * mapper. A table made here has no prototype: only its own keys answer.
 * @example lookupTable({ buy: 1 })['constructor'] === undefined
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
