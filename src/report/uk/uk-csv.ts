/**
 * The UK CSVs (pure): `uk-disposals.csv` (each disposal with the acquisitions or pool share it
 * was matched to, one row per rule that matched it), `uk-pools.csv` (the section 104 pools at
 * 5 April) and `uk-sa108.csv` (the year's figures as the SA108 capital gains pages ask for them).
 * Line amounts are rounded per line (half-even) for display; summary.json holds the exact totals.
 */
import { share } from '../../model/decimal.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { num, renderCsv } from '../csv/write-csv.js';
import { formatMoney } from '../../model/rounding.js';
import type { UkDisposalDay, UkMatch, UkPool } from '../../jurisdictions/uk/match-uk.js';
import { ukTaxYearLabel } from '../../jurisdictions/uk/tax-year.js';
import type { UkTotals } from '../../jurisdictions/uk/uk-summary.js';

export const UK_DISPOSALS_FILE = 'uk-disposals.csv';
export const UK_POOLS_FILE = 'uk-pools.csv';
export const UK_SA108_FILE = 'uk-sa108.csv';

/** What a match was matched to, in words: the acquisition day, or the pool share. */
export function describeMatch(m: UkMatch, asset: string): string {
  if (m.rule !== 'pool') return `acquired ${m.acquired ?? ''}`;
  const before = m.poolBefore;
  const held = before ? `${m.units.minus(m.uncovered ?? 0).toFixed()} of ${before.units.toFixed()} ${asset} in the pool (cost ${formatMoney(before.cost)})` : '';
  return m.uncovered ? `${held}${held ? '; ' : ''}${m.uncovered.toFixed()} not in the pool (zero cost)` : held;
}

export function renderUkDisposalsCsv(disposals: readonly UkDisposalDay[]): string {
  const rows = disposals.flatMap((d, i) =>
    d.matches.map((m) => {
      const proceeds = share(d.proceeds, m.units, d.units);
      const fees = share(d.fees, m.units, d.units);
      const allowable = m.cost.plus(fees);
      return [
        i + 1, d.date, d.asset, num(m.units.toFixed()), num(formatMoney(proceeds)), num(formatMoney(m.cost)), num(formatMoney(fees)),
        num(formatMoney(allowable)), num(formatMoney(proceeds.minus(allowable))), m.rule, describeMatch(m, d.asset),
        num(d.units.toFixed()), num(formatMoney(d.gain)), d.items.map((x) => formatSourceRef(x.source)).join(' '),
      ];
    }),
  );
  return renderCsv(
    ['disposal', 'date', 'asset', 'units', 'proceeds', 'acquisition_cost', 'disposal_fees', 'allowable_cost', 'gain', 'rule', 'matched', 'disposal_units', 'disposal_gain', 'sources'],
    rows,
  );
}

export function renderUkPoolsCsv(pools: readonly UkPool[], date: string): string {
  return renderCsv(
    ['date', 'asset', 'units', 'cost', 'average_cost'],
    pools.map((p) => [date, p.asset, num(p.units.toFixed()), num(formatMoney(p.cost)), num(p.units.isZero() ? '' : p.cost.dividedBy(p.units).toDecimalPlaces(8).toFixed())]),
  );
}

/** The SA108 capital gains summary figures for cryptoassets, in the order the pages ask for them. */
export function renderUkSa108Csv(taxYear: number, t: UkTotals): string {
  return renderCsv(['tax_year', 'figure', 'amount'], [
    [ukTaxYearLabel(taxYear), 'number of disposals', num(String(t.disposals))],
    [ukTaxYearLabel(taxYear), 'disposal proceeds', num(formatMoney(t.proceeds))],
    [ukTaxYearLabel(taxYear), 'allowable costs (including the purchase price)', num(formatMoney(t.allowableCosts))],
    [ukTaxYearLabel(taxYear), 'gains in the year, before losses', num(formatMoney(t.gains))],
    [ukTaxYearLabel(taxYear), 'losses in the year', num(formatMoney(t.losses))],
    [ukTaxYearLabel(taxYear), 'net gain (gains less losses)', num(formatMoney(t.net))],
    [ukTaxYearLabel(taxYear), 'annual exempt amount', num(formatMoney(t.annualExemptAmount))],
  ]);
}
