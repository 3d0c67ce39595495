/**
 * The UK year's figures as SA108 asks for them, and `summary.json` for `--jurisdiction uk`
 * (src/jurisdictions/uk/README.md "summary.json"): every money value is the exact total rounded once, half-even.
 */
import { ZERO, share, type Dec } from '../../model/decimal.js';
import { formatMoney } from '../../model/rounding.js';
import type { InputCounts } from '../../model/input-counts.js';
import { incomeFigures, type UkSummary } from '../../model/summary.js';
import type { YearTotals } from '../us/year-totals.js';
import type { UkDisposalDay, UkRule } from './match-uk.js';
import { annualExemptAmount } from './tax-year.js';
import type { UkYear } from './uk-year.js';

/** The UK year of a report (`ReportData.uk`): the matched disposals and pools, and their totals. */
export interface UkReport {
  readonly year: UkYear;
  readonly totals: UkTotals;
}

export interface UkTotals {
  /** SA108 "number of disposals": one per asset and day (TCGA 1992 s.105(1)(a)). */
  readonly disposals: number;
  readonly proceeds: Dec;
  readonly allowableCosts: Dec;
  /** Total of the disposals that made a gain. */
  readonly gains: Dec;
  /** Total of the disposals that made a loss, as a positive amount. */
  readonly losses: Dec;
  readonly net: Dec;
  readonly annualExemptAmount: Dec;
  readonly byRule: Readonly<Record<UkRule, Dec>>;
  readonly missingBasisDisposals: number;
  readonly missingBasisProceeds: Dec;
}

/**
 * The net gain a disposal makes under each rule that matched it: its proceeds and fees are split
 * among the rules by units (docs/contract.md), each rule's part less the cost of its units.
 */
export function gainByRule(d: UkDisposalDay): Record<UkRule, Dec> {
  const out: Record<UkRule, Dec> = { 'same-day': ZERO, 'bed-and-breakfast': ZERO, pool: ZERO };
  const net = d.proceeds.minus(d.fees);
  for (const m of d.matches) out[m.rule] = out[m.rule].plus(share(net, m.units, d.units)).minus(m.cost);
  return out;
}

export function totalUkYear(year: UkYear): UkTotals {
  let proceeds = ZERO;
  let allowableCosts = ZERO;
  let gains = ZERO;
  let losses = ZERO;
  let missingBasisDisposals = 0;
  let missingBasisProceeds = ZERO;
  const byRule: Record<UkRule, Dec> = { 'same-day': ZERO, 'bed-and-breakfast': ZERO, pool: ZERO };
  for (const d of year.disposals) {
    proceeds = proceeds.plus(d.proceeds);
    allowableCosts = allowableCosts.plus(d.allowableCost);
    if (d.gain.isNegative()) losses = losses.minus(d.gain);
    else gains = gains.plus(d.gain);
    const rules = gainByRule(d);
    for (const r of Object.keys(byRule) as UkRule[]) byRule[r] = byRule[r].plus(rules[r]);
    if (d.missingUnits.greaterThan(0)) {
      missingBasisDisposals++;
      missingBasisProceeds = missingBasisProceeds.plus(share(d.proceeds, d.missingUnits, d.units));
    }
  }
  return {
    disposals: year.disposals.length, proceeds, allowableCosts, gains, losses, net: gains.minus(losses),
    annualExemptAmount: annualExemptAmount(year.taxYear), byRule, missingBasisDisposals, missingBasisProceeds,
  };
}

export interface UkSummaryInput {
  readonly year: UkYear;
  readonly totals: UkTotals;
  readonly currency: string;
  /** The income block is the US one (income totals by kind), from `totalYear`. */
  readonly income: Pick<YearTotals, 'income' | 'incomeTotal'>;
  readonly inputs: InputCounts;
  readonly errors: number;
  readonly warnings: number;
}

/** `summary.json` for the UK, key order as docs/contract.md documents it. */
export function buildUkSummary(s: UkSummaryInput): UkSummary {
  const t = s.totals;
  return {
    schema: 1,
    taxYear: s.year.taxYear,
    jurisdiction: 'UK',
    currency: s.currency,
    capitalGains: {
      disposals: t.disposals,
      proceeds: formatMoney(t.proceeds),
      allowableCosts: formatMoney(t.allowableCosts),
      gains: formatMoney(t.gains),
      losses: formatMoney(t.losses),
      net: formatMoney(t.net),
      annualExemptAmount: formatMoney(t.annualExemptAmount),
      byRule: {
        sameDay: formatMoney(t.byRule['same-day']),
        bedAndBreakfast: formatMoney(t.byRule['bed-and-breakfast']),
        pool: formatMoney(t.byRule.pool),
      },
    },
    pools: s.year.pools.map((p) => ({ asset: p.asset, units: p.units.toFixed(), cost: formatMoney(p.cost) })),
    income: incomeFigures(s.income.income, s.income.incomeTotal),
    missingBasis: { disposals: t.missingBasisDisposals, proceeds: formatMoney(t.missingBasisProceeds) },
    inputs: { ...s.inputs },
    diagnostics: { errors: s.errors, warnings: s.warnings },
  };
}
