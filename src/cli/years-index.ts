/**
 * `<out>/index.csv` of a multi-year report: one line per tax year, oldest first, its figures
 * copied verbatim from that year's `summary.json` (exact totals rounded once), so the index ties
 * out with each year's report. The same columns as the batch index where they mean the same.
 */
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Summary } from '../model/summary.js';
import { num, renderCsv } from '../report/csv/write-csv.js';

export const YEARS_INDEX_FILE = 'index.csv';

export const YEARS_INDEX_COLUMNS = [
  'tax_year', 'status', 'jurisdiction', 'currency', 'net', 'short_term', 'long_term', 'income', 'derivatives_net', 'missing_basis_at_risk',
  'deductible_loss', 'errors', 'warnings', 'report',
] as const;

export interface YearLine {
  readonly summary: Summary;
  readonly diagnostics: readonly Diagnostic[];
  /** The year's folder, relative to `--out` (`2024/`). */
  readonly folder: string;
}

/** `ok` (nothing above a note), `warnings` or `errors`, as a batch client's status. */
export function yearStatus(diagnostics: readonly Diagnostic[]): 'ok' | 'warnings' | 'errors' {
  const counts = countBySeverity(diagnostics);
  return counts.errors > 0 ? 'errors' : counts.warnings > 0 ? 'warnings' : 'ok';
}

/** @example renderYearsIndexCsv([{ summary, diagnostics: [], folder: '2024/' }]) // 'tax_year,status,…\n2024,ok,US,USD,480.00,…,2024/\n' */
export function renderYearsIndexCsv(lines: readonly YearLine[]): string {
  const money = (v: string) => (v === '' ? undefined : /^-?\d+\.\d{2}$/.test(v) ? num(v) : v);
  return renderCsv(
    YEARS_INDEX_COLUMNS,
    lines.map(({ summary: s, diagnostics, folder }) => {
      const counts = countBySeverity(diagnostics);
      // the US figures a UK summary has no counterpart of stay empty
      const us = s.jurisdiction === 'US' ? s : undefined;
      return [
        num(String(s.taxYear)), yearStatus(diagnostics), s.jurisdiction, s.currency,
        money(s.capitalGains.net), money(us?.capitalGains.shortTerm.gain ?? ''), money(us?.capitalGains.longTerm.gain ?? ''),
        money(s.income.total), money(us?.derivatives?.net ?? ''), money(s.missingBasis.proceeds),
        money(us?.capitalLoss.deductible ?? ''), counts.errors, counts.warnings, folder,
      ];
    }),
  );
}
