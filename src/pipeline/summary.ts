/**
 * The US `summary.json` figures (model/summary.ts `UsSummary`), exactly as docs/contract.md defines
 * them: every money value is the exact total of the tax year rounded once (half-even, two decimals). `derivatives` and `liabilities` are written only
 * when the inputs hold derivative or margin events (then with zeros / `[]` for a year without any;
 * src/derivatives/README.md "summary.json").
 */
import type { CapitalLoss } from '../jurisdictions/us/capital-loss.js';
import type { TermTotals, YearTotals } from '../jurisdictions/us/year-totals.js';
import type { InputCounts } from '../model/input-counts.js';
import { formatMoney } from '../model/rounding.js';
import { incomeFigures, type TermFigures, type UsSummary } from '../model/summary.js';
import type { DerivativeTotals } from '../derivatives/compute-derivatives.js';
import type { Liability } from '../derivatives/find-liabilities.js';

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

/** docs/contract.md's US `summary.json` object, key order as documented. */
export function buildSummary(s: SummaryInput): UsSummary {
  const term = (t: TermTotals): TermFigures => ({
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
    income: incomeFigures(t.income, t.incomeTotal),
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
