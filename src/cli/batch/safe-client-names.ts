/**
 * Client folder names → output folder names that are safe on every file system.
 *
 * A client folder's name is attacker-controlled text (it may come from a shared drive or an
 * unpacked archive): it may contain path separators, control or bidirectional-override
 * characters, start with dots or a formula character, or be a Windows device name. The output
 * name keeps every harmless character and replaces the rest with `_`.
 *
 * Invariants: an output name is never empty, never `.`/`..`, never starts with `.`, contains no
 * separator, control or format character, is at most 100 characters, and is unique among the
 * clients even on a case-insensitive file system. Collisions are resolved deterministically: a
 * folder whose name needed no change keeps it; then, in code-unit order of the original names,
 * the first keeps the name and the next get `~2`, `~3`, ….
 */

/** Names the batch writes itself in the output folder: no client may take them. */
const BATCH_NAMES = new Set(['index.csv', 'index.pdf', '.taxlot-batch']);
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_LENGTH = 100;

/**
 * Sanitise one name (without collision handling).
 * @example safeClientName('../evil') // '___evil'
 */
export function safeClientName(name: string): string {
  let s = name.normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}/\\:*?"<>|]/gu, '_');
  s = s.replace(/^[.\s=+\-@]+/u, (m) => '_'.repeat([...m].length));
  s = s.replace(/[.\s]+$/u, (m) => '_'.repeat([...m].length));
  s = [...s].slice(0, MAX_LENGTH).join('');
  if (s === '') s = '_';
  if (WINDOWS_DEVICE.test(s) || BATCH_NAMES.has(s.toLowerCase())) s = `${s}_`;
  return s;
}

/**
 * Output names for a set of client folder names, unique case-insensitively.
 * @example safeClientNames(['alice', 'Alice', '..evil']) // Map { 'Alice' → 'Alice', 'alice' → 'alice~2', '..evil' → '__evil' }
 */
export function safeClientNames(names: readonly string[]): Map<string, string> {
  const fold = (s: string): string => s.toLowerCase();
  const base = new Map([...new Set(names)].map((n) => [n, safeClientName(n)] as const));
  const isKept = (n: string): number => (base.get(n) === n ? 0 : 1);
  const sorted = [...base.keys()].sort((a, b) => isKept(a) - isKept(b) || (a < b ? -1 : a > b ? 1 : 0));
  // Every plain sanitised name is reserved first, so a suffixed name never steals one.
  const reserved = new Set([...base.values()].map(fold));
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const name of sorted) {
    const b = base.get(name)!;
    let candidate = b;
    for (let n = 2; taken.has(fold(candidate)) || (candidate !== b && reserved.has(fold(candidate))); n++) candidate = `${b}~${n}`;
    taken.add(fold(candidate));
    out.set(name, candidate);
  }
  return out;
}
