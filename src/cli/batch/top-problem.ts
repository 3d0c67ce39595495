/**
 * A client's top problem in words, for the index: the diagnostic code that occurs most often
 * among its errors (among its warnings when it has none), told by its first occurrence's message,
 * how many more there are, and the catalogue's hint on what to do.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

/**
 * @example topProblem([{ severity: 'error', code: 'PRICE_MISSING', message: 'no price for ETH on 2024-03-01', hint: 'add it to --prices' }, …])
 *   // 'PRICE_MISSING: no price for ETH on 2024-03-01 (and 2 more like it) — add it to --prices'
 */
export function topProblem(diagnostics: readonly Diagnostic[]): string {
  for (const severity of ['error', 'warning'] as const) {
    const byCode = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) if (d.severity === severity) byCode.set(d.code, [...(byCode.get(d.code) ?? []), d]);
    if (byCode.size === 0) continue;
    // most occurrences first; a tie goes to the code that sorts first (never to input order)
    const [code, list] = [...byCode].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]!;
    const first = list[0]!;
    const at = first.source ? `${first.source.file}:${first.source.line}` : (first.file ?? '');
    const where = at !== '' && !first.message.includes(at) ? ` (${at})` : '';
    const more = list.length > 1 ? ` and ${list.length - 1} more like it` : '';
    return `${code}: ${first.message}${where}${more}${first.hint ? ` — ${first.hint}` : ''}`;
  }
  return '';
}
