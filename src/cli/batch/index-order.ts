/**
 * How the accountant reads the index: the clients that need attention first, and the totals.
 *
 * Order: `failed` (no report at all), then `errors`, then by amount at risk — the proceeds of
 * disposals without a cost basis (`missing_basis_at_risk`), which would be taxed in full if the
 * basis is never found — largest first, then `warnings`, then `ok`; within each, the larger
 * amount at risk, then more errors and warnings, then the client name (never the file system).
 *
 * Totals are summed exactly (decimal.js) per report currency, from the same rounded amounts the
 * rows show, so they tie out with the column sums a spreadsheet would compute.
 */
import { Dec, ZERO } from '../../model/decimal.js';
import type { IndexRow } from './index-row.js';

function amount(v: string): Dec {
  return /^-?\d+(\.\d+)?$/.test(v) ? new Dec(v) : ZERO;
}

/** The rows, the ones that need attention first (see the module comment); a new array. */
export function needsAttentionFirst(rows: readonly IndexRow[]): IndexRow[] {
  const atRisk = (r: IndexRow) => amount(r.missingBasisAtRisk);
  const rank = (r: IndexRow): number => {
    if (r.status === 'failed') return 0;
    if (r.status === 'errors') return 1;
    // among reports without errors: any amount at risk comes before warnings only
    if (atRisk(r).greaterThan(0)) return 2;
    return r.status === 'warnings' ? 3 : 4;
  };
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      atRisk(b).comparedTo(atRisk(a)) ||
      (b.errors ?? 0) - (a.errors ?? 0) ||
      (b.warnings ?? 0) - (a.warnings ?? 0) ||
      (a.client < b.client ? -1 : a.client > b.client ? 1 : 0) ||
      // a multi-year client's years, oldest first
      Number(a.taxYear) - Number(b.taxYear),
  );
}

/** One currency's totals over the clients that have a report in it. */
export interface IndexTotals {
  readonly currency: string;
  readonly clients: number;
  readonly net: string;
  readonly shortTerm: string;
  readonly longTerm: string;
  readonly income: string;
  readonly missingBasisAtRisk: string;
  readonly deductibleLoss: string;
  readonly errors: number;
  readonly warnings: number;
}

/**
 * Totals per report currency (clients without a report are not summed), currencies in code order.
 * @example indexTotals([aliceUsd, bobUsd]) // [{ currency: 'USD', clients: 2, net: '460.00', … }]
 */
export function indexTotals(rows: readonly IndexRow[]): IndexTotals[] {
  const byCurrency = new Map<string, IndexRow[]>();
  for (const r of rows) if (r.currency !== '') byCurrency.set(r.currency, [...(byCurrency.get(r.currency) ?? []), r]);
  const total = (list: readonly IndexRow[], f: (r: IndexRow) => string) => list.reduce((s, r) => s.plus(amount(f(r))), ZERO).toFixed(2);
  return [...byCurrency]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([currency, list]) => ({
      currency,
      clients: list.length,
      net: total(list, (r) => r.net),
      shortTerm: total(list, (r) => r.shortTerm),
      longTerm: total(list, (r) => r.longTerm),
      income: total(list, (r) => r.income),
      missingBasisAtRisk: total(list, (r) => r.missingBasisAtRisk),
      deductibleLoss: total(list, (r) => r.deductibleLoss),
      errors: list.reduce((s, r) => s + (r.errors ?? 0), 0),
      warnings: list.reduce((s, r) => s + (r.warnings ?? 0), 0),
    }));
}
