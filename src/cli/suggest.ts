/**
 * "Did you mean …?" for a mistyped option (`--yaer` → `--year`). yargs' `recommendCommands`
 * covers command names only; unknown options reach the usage-error path as yargs' message
 * "Unknown argument(s): yaer", and the closest known option is found here by edit distance.
 */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions: "yaer" → "year" is 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known option closest to `unknown`, if close enough to be a typo (distance at most 2, and
 * less than half the name); ties go to the first in `known`.
 * @example suggestOption('yaer', ['year', 'out']) // 'year'
 */
export function suggestOption(unknown: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    if (k.length < 2) continue;
    const dist = editDistance(unknown.toLowerCase(), k.toLowerCase());
    if (dist < bestDistance) {
      best = k;
      bestDistance = dist;
    }
  }
  return best !== undefined && bestDistance <= 2 && bestDistance * 2 < Math.max(unknown.length, best.length) ? best : undefined;
}

/** yargs' "Unknown argument: yaer" / "Unknown arguments: yaer, mehtod" with a suggestion for each typo. */
export function withOptionSuggestions(message: string, known: readonly string[]): string {
  const m = /^Unknown arguments?: (.+)$/.exec(message);
  if (!m) return message;
  const hints = m[1]!
    .split(', ')
    .map((name) => [name, suggestOption(name, known)] as const)
    .filter((p): p is readonly [string, string] => p[1] !== undefined)
    .map(([name, s]) => `did you mean --${s}? (for ${name.length === 1 ? '-' : '--'}${name})`);
  return hints.length > 0 ? `${message}\n${hints.join('\n')}` : message;
}
