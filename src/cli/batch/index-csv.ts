/**
 * `<out>/index.csv`: the batch index as a CSV, one row per client, the clients that need
 * attention first. Its PDF twin is index-pdf.ts; both render the rows of index-row.ts.
 */
import { renderCsv, num } from '../../report/csv/write-csv.js';
import { needsAttentionFirst } from './index-order.js';
import { INDEX_COLUMNS, type IndexRow } from './index-row.js';

/** `index.csv`: one row per client (docs/contract.md) — per client and year for a multi-year client —, the clients that need attention first (`needsAttentionFirst`). */
export function renderIndexCsv(rows: readonly IndexRow[]): string {
  // Only a well-formed amount is written as a number; anything else stays (defused) text.
  const money = (v: string) => (v === '' ? undefined : /^-?\d+\.\d{2}$/.test(v) ? num(v) : v);
  return renderCsv(
    INDEX_COLUMNS,
    needsAttentionFirst(rows).map((r) => [
      r.client, r.status, r.taxYear === '' ? undefined : num(r.taxYear), r.jurisdiction, r.currency, money(r.net), money(r.shortTerm), money(r.longTerm), money(r.income), money(r.derivativesNet),
      money(r.missingBasisAtRisk), money(r.deductibleLoss), r.errors, r.warnings, r.diagnostics, r.diagnosticsFile, r.report, r.topProblem ?? '', r.reason, r.folder,
    ]),
  );
}
