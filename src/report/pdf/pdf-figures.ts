/**
 * The totals the PDF prints, all summed from line-rounded amounts so that every total ties out
 * with the lines shown (the footer says so): Form 8949 box and term totals, the Schedule D
 * figures and the loss limitation recomputed from them, income by kind, pricing-source counts.
 * summary.json keeps the exact-then-rounded totals (docs/contract.md); the two may differ by cents.
 */
import type { IncomeRecord } from '../../engine/compute-gains.js';
import { ZERO, type Dec } from '../../model/decimal.js';
import type { ReportData } from '../../pipeline/compute-report.js';
import { limitCapitalLoss, type CapitalLoss } from '../../jurisdictions/us/capital-loss.js';
import { groupByBox, totalLines, type Form8949Line, type LineTotals } from '../form8949-lines.js';
import { roundMoney } from '../../model/rounding.js';

export interface IncomeKindTotal {
  readonly count: number;
  readonly value: Dec;
}

export interface PdfFigures {
  readonly byBox: ReadonlyMap<string, LineTotals>;
  readonly shortTerm: LineTotals;
  readonly longTerm: LineTotals;
  /** Carryovers as entered, rounded to cents. */
  readonly carryoverShort: Dec;
  readonly carryoverLong: Dec;
  /** The loss limitation applied to the line-rounded totals. */
  readonly capitalLoss: CapitalLoss;
  readonly incomeByKind: ReadonlyMap<string, IncomeKindTotal>;
  readonly incomeTotal: Dec;
  /** Missing-basis lines and their line-rounded proceeds. */
  readonly missingBasisLines: number;
  readonly missingBasisProceeds: Dec;
  /** PriceSource → number of disposal proceeds / income values priced by it. */
  readonly priceSources: ReadonlyMap<string, { readonly proceeds: number; readonly income: number }>;
}

/**
 * @example computeFigures(data, lines).shortTerm.gain.toFixed(2) // → '-875.15'
 */
export function computeFigures(data: ReportData, lines: readonly Form8949Line[]): PdfFigures {
  const byBox = new Map<string, LineTotals>();
  for (const [box, group] of groupByBox(lines)) byBox.set(box, totalLines(group));
  const shortTerm = totalLines(lines.filter((l) => l.term === 'short'));
  const longTerm = totalLines(lines.filter((l) => l.term === 'long'));
  const carryoverShort = roundMoney(data.options.carryoverShort);
  const carryoverLong = roundMoney(data.options.carryoverLong);
  const capitalLoss = limitCapitalLoss({
    shortTermGain: shortTerm.gain,
    longTermGain: longTerm.gain,
    carryoverShort,
    carryoverLong,
    filingStatus: data.options.filingStatus,
  });
  const missing = lines.filter((l) => l.slice.basisStatus !== 'known');
  return {
    byBox,
    shortTerm,
    longTerm,
    carryoverShort,
    carryoverLong,
    capitalLoss,
    ...incomeTotals(data.income),
    missingBasisLines: missing.length,
    missingBasisProceeds: missing.reduce((s, l) => s.plus(l.proceeds), ZERO),
    priceSources: countPriceSources(data),
  };
}

function incomeTotals(income: readonly IncomeRecord[]): { incomeByKind: Map<string, IncomeKindTotal>; incomeTotal: Dec } {
  const incomeByKind = new Map<string, IncomeKindTotal>();
  let incomeTotal = ZERO;
  for (const r of income) {
    const value = roundMoney(r.value);
    const prior = incomeByKind.get(r.kind) ?? { count: 0, value: ZERO };
    incomeByKind.set(r.kind, { count: prior.count + 1, value: prior.value.plus(value) });
    incomeTotal = incomeTotal.plus(value);
  }
  return { incomeByKind, incomeTotal };
}

/** How the tax year's values were priced: disposals by proceeds source, income by value source. */
function countPriceSources(data: ReportData): Map<string, { proceeds: number; income: number }> {
  const counts = new Map<string, { proceeds: number; income: number }>();
  const bump = (source: string, key: 'proceeds' | 'income'): void => {
    const c = counts.get(source) ?? { proceeds: 0, income: 0 };
    counts.set(source, { ...c, [key]: c[key] + 1 });
  };
  for (const d of data.disposals) bump(d.proceedsSource, 'proceeds');
  for (const r of data.income) bump(r.valueSource, 'income');
  return counts;
}
