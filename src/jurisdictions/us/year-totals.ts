/**
 * A tax year's totals by holding period (pure): proceeds, cost basis and gain of the short-term
 * and long-term slices (Form 8949 Part I and Part II, Schedule D lines 1-7 and 8-15), income by
 * kind, and the disposals whose basis is missing. Exact: `summary.json` rounds each total once.
 */
import { ZERO, type Dec } from '../../model/decimal.js';
import { INCOME_KINDS, type IncomeKind } from '../../model/ledger-event.js';
import type { Disposal } from '../../model/disposal.js';
import type { IncomeRecord } from '../../engine/gains-result.js';

export interface TermTotals {
  readonly proceeds: Dec;
  readonly costBasis: Dec;
  readonly adjustment: Dec;
  readonly gain: Dec;
  /** Disposals with at least one slice of this term (a disposal split across terms counts in both). */
  readonly disposals: number;
}

export interface YearTotals {
  readonly shortTerm: TermTotals;
  readonly longTerm: TermTotals;
  readonly income: Readonly<Record<IncomeKind, Dec>>;
  readonly incomeTotal: Dec;
  readonly missingBasisDisposals: number;
  readonly missingBasisProceeds: Dec;
}

export function totalYear(disposals: readonly Disposal[], income: readonly IncomeRecord[]): YearTotals {
  const term = (t: 'short' | 'long'): TermTotals => {
    let proceeds = ZERO;
    let costBasis = ZERO;
    let count = 0;
    for (const d of disposals) {
      const slices = d.slices.filter((s) => s.term === t);
      if (slices.length === 0) continue;
      count++;
      for (const s of slices) {
        proceeds = proceeds.plus(s.proceeds);
        costBasis = costBasis.plus(s.basis);
      }
    }
    return { proceeds, costBasis, adjustment: ZERO, gain: proceeds.minus(costBasis), disposals: count };
  };
  const byKind = Object.fromEntries(INCOME_KINDS.map((k) => [k, ZERO])) as Record<IncomeKind, Dec>;
  let incomeTotal = ZERO;
  for (const r of income) {
    byKind[r.kind] = byKind[r.kind].plus(r.value);
    incomeTotal = incomeTotal.plus(r.value);
  }
  let missingBasisDisposals = 0;
  let missingBasisProceeds = ZERO;
  for (const d of disposals) {
    const missing = d.slices.filter((s) => s.basisStatus !== 'known');
    if (missing.length === 0) continue;
    missingBasisDisposals++;
    for (const s of missing) missingBasisProceeds = missingBasisProceeds.plus(s.proceeds);
  }
  return { shortTerm: term('short'), longTerm: term('long'), income: byKind, incomeTotal, missingBasisDisposals, missingBasisProceeds };
}
