/**
 * Copies of plain objects with fields left out or added, for objects made once per row or event.
 *
 * Why not spread: V8 gives every object made as `{ ...x, newField }` (a spread, then a field `x`
 * does not have) a hidden class of its own when the code runs hot — 15,685 hidden classes for as
 * many Koinly values on a 100k-row history, ~250 bytes each plus slower property reads everywhere
 * after. `{ ...x, fieldOfX }` and `{ a, ...x }` are fine. Building the copy by adding its fields
 * one by one from `{}` follows V8's shared transitions, so all copies of one shape share one class
 * (checked with `%HaveSameMap` in copy-fields.test.ts).
 */

/**
 * A copy of `source` without `keys`.
 * @example omitFields({ kind: 'withdrawal', sent: q, wallet: 'w' }, ['kind', 'sent']) // → { wallet: 'w' }
 */
export function omitFields<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Omit<T, K> {
  const copy: Partial<T> = {};
  for (const key in source) if (!keys.includes(key as unknown as K)) copy[key] = source[key];
  return copy as Omit<T, K>;
}

/**
 * `{ ...source, ...extra }`, field order included (a field of both keeps its place in `source`).
 * @example withFields({ asset: 'BTC', amount: a }, { value: v }) // → { asset: 'BTC', amount: a, value: v }
 */
export function withFields<T extends object, U extends object>(source: T, extra: U): Omit<T, keyof U> & U {
  const copy: Record<string, unknown> = {};
  for (const key in source) copy[key] = source[key];
  for (const key in extra) copy[key] = extra[key];
  return copy as Omit<T, keyof U> & U;
}
