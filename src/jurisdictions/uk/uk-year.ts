/**
 * One UK tax year from the priced history (pure): movements → matching → the year's disposals,
 * pools at the year's end (5 April) and income. The tax year is the one asked for, else the
 * latest with a disposal, else the latest with any event (README.md "United Kingdom", src/jurisdictions/uk/README.md "Options").
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { IncomeRecord } from '../../engine/gains-result.js';
import { inBookingOrder } from '../../engine/booking-order.js';
import { toLocalDate } from '../../model/local-date.js';
import type { PricedEvent } from '../../pricing/price-events.js';
import { matchUk, type UkDisposalDay, type UkPool } from './match-uk.js';
import { ukTaxYearOf, ukTaxYearRange } from './tax-year.js';
import { toUkMovements } from './uk-movements.js';

export interface UkYear {
  readonly taxYear: number;
  /** The tax year's disposals (one per asset and day), in date then asset order. */
  readonly disposals: readonly UkDisposalDay[];
  /** The section 104 pools at the end of 5 April of the tax year. */
  readonly pools: readonly UkPool[];
  readonly income: readonly IncomeRecord[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface UkYearOptions {
  readonly timezone: string;
  readonly year?: number;
  readonly fallbackYear: number;
  readonly lastInstant?: number;
}

export function computeUkYear(history: readonly PricedEvent[] | (() => readonly PricedEvent[]), options: UkYearOptions): UkYear {
  const { movements, income, diagnostics } = toUkMovements(inBookingOrder(history), options.timezone);
  let latest: number | undefined;
  for (const m of movements) if (m.type === 'disposal') latest = Math.max(latest ?? 0, ukTaxYearOf(m.date));
  const lastEventYear = options.lastInstant === undefined ? undefined : ukTaxYearOf(toLocalDate(options.lastInstant, options.timezone));
  const taxYear = options.year ?? latest ?? lastEventYear ?? options.fallbackYear;
  const { end } = ukTaxYearRange(taxYear);
  const matched = matchUk(movements, [end]);
  const all = [...diagnostics];
  for (const d of matched.disposals) {
    if (d.missingUnits.isZero()) continue;
    const first = d.items[0];
    all.push(diagnostic('MISSING_BASIS', `disposal of ${d.units.toFixed()} ${d.asset} on ${d.date}: ${d.missingUnits.toFixed()} not covered by any acquisition of known cost; zero cost used for those units`, first?.source));
  }
  const inYear = (date: string): boolean => ukTaxYearOf(date) === taxYear;
  return {
    taxYear,
    disposals: matched.disposals.filter((d) => inYear(d.date)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.asset < b.asset ? -1 : a.asset > b.asset ? 1 : 0)),
    pools: matched.pools.get(end) ?? [],
    income: income.filter((r) => inYear(r.date)),
    diagnostics: all,
  };
}
