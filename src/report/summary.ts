/**
 * `summary.json`, exactly as the contract defines it: every money value is the exact total of the
 * tax year rounded once (half-even, two decimals). `derivatives` and `liabilities` are written only
 * when the inputs hold derivative or margin events (then with zeros / `[]` for a year without any;
 * src/derivatives/README.md "summary.json").
 */
import { ZERO, type Dec } from '../model/decimal.js';
import { INCOME_KINDS, type IncomeKind } from '../model/ledger-event.js';
import type { Disposal } from '../model/disposal.js';
import type { IncomeRecord } from '../engine/compute-gains.js';
import type { CapitalLoss } from '../jurisdictions/us/capital-loss.js';
import { formatMoney } from './rounding.js';
import type { DerivativeTotals } from '../derivatives/compute-derivatives.js';
import type { Liability } from '../derivatives/find-liabilities.js';

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

export interface InputCounts {
  readonly files: number;
  readonly rows: number;
  readonly imported: number;
  readonly skipped: number;
  readonly rejected: number;
}

export interface SummaryInput {
  readonly taxYear: number;
  readonly currency: string;
  readonly method: string;
  /** `--method` with dates: the whole schedule (`FIFO,HIFO:2025-01-01`), written after `method`. */
  readonly methodSchedule?: string;
  readonly totals: YearTotals;
  readonly capitalLoss: CapitalLoss;
  readonly inputs: InputCounts;
  readonly errors: number;
  readonly warnings: number;
  /** Present when the inputs hold derivative events (src/derivatives/README.md "summary.json"). */
  readonly derivatives?: DerivativeTotals;
  readonly liabilities?: readonly Liability[];
  /** `capitalGains.byBox`, already formatted (src/jurisdictions/us/form1099da/box-totals.ts). */
  readonly byBox?: Record<string, unknown>;
  /** `form1099da`, only when a Form 1099-DA input was given (src/jurisdictions/us/form1099da). */
  readonly form1099da?: Record<string, unknown>;
}

/** The contract's `summary.json` object, key order as documented. */
export function buildSummary(s: SummaryInput): Record<string, unknown> {
  const term = (t: TermTotals) => ({
    proceeds: formatMoney(t.proceeds),
    costBasis: formatMoney(t.costBasis),
    adjustment: formatMoney(t.adjustment),
    gain: formatMoney(t.gain),
    disposals: t.disposals,
  });
  const t = s.totals;
  return {
    schema: 1,
    taxYear: s.taxYear,
    jurisdiction: 'US',
    currency: s.currency,
    method: s.method.toUpperCase(),
    ...(s.methodSchedule !== undefined ? { methodSchedule: s.methodSchedule } : {}),
    capitalGains: {
      shortTerm: term(t.shortTerm),
      longTerm: term(t.longTerm),
      net: formatMoney(t.shortTerm.gain.plus(t.longTerm.gain)),
      ...(s.byBox ? { byBox: s.byBox } : {}),
    },
    income: {
      total: formatMoney(t.incomeTotal),
      byKind: Object.fromEntries(Object.entries(t.income).map(([k, v]) => [k, formatMoney(v)])),
    },
    missingBasis: { disposals: t.missingBasisDisposals, proceeds: formatMoney(t.missingBasisProceeds) },
    ...(s.derivatives
      ? {
          derivatives: {
            realizedPnl: formatMoney(s.derivatives.realizedPnl),
            fees: formatMoney(s.derivatives.fees),
            funding: formatMoney(s.derivatives.funding),
            interest: formatMoney(s.derivatives.interest),
            net: formatMoney(s.derivatives.net),
            positions: s.derivatives.positions,
            liquidations: s.derivatives.liquidations,
          },
        }
      : {}),
    ...(s.liabilities
      ? {
          liabilities: s.liabilities.map((l) => ({
            venue: l.venue,
            asset: l.asset,
            amount: formatMoney(l.value),
            date: l.date,
            status: l.status,
          })),
        }
      : {}),
    ...(s.form1099da ? { form1099da: s.form1099da } : {}),
    capitalLoss: {
      deductible: formatMoney(s.capitalLoss.deductible),
      carryforwardShortTerm: formatMoney(s.capitalLoss.carryforwardShortTerm),
      carryforwardLongTerm: formatMoney(s.capitalLoss.carryforwardLongTerm),
    },
    inputs: { ...s.inputs },
    diagnostics: { errors: s.errors, warnings: s.warnings },
  };
}

/**
 * The summary with its `diagnostics` counts taken from the full list — including what was found
 * outside the pipeline (the price table file, the online provider) — so the counts always agree
 * with the exit code.
 */
export function withDiagnosticCounts(summary: Record<string, unknown>, diagnostics: readonly { severity: string }[]): Record<string, unknown> {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return { ...summary, diagnostics: { errors, warnings } };
}
