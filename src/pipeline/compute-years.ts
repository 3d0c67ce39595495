/**
 * Several tax years from one booking pass (pure): `taxlot report --year 2019-2025` or `--year all`.
 *
 *   files ─import─▶ ─price─▶ priced events ─engine (keeps the asked years)─▶ booked ─▶ yearView × N
 *
 * The engine is told to keep the disposals of every asked year (`keepDisposals: { from, to }`, or
 * `all`), so memory holds those years' Form 8949 lines instead of one year's. Each year's view is
 * `yearView(year, booked)`, the very function a single-year report ends with: a year's data here
 * is the data `computeReport` gives with `year: Y` (the tests compare the written folders byte
 * for byte). US rules only: the UK matcher computes one tax year per pass (the CLI refuses a
 * range with `--jurisdiction uk`).
 */
import { toLocalDate, yearOf } from '../model/local-date.js';
import type { PricedEvent } from '../pricing/price-events.js';
import { bookHistory, defaultYear, priceBookOf } from './compute-report.js';
import { importAndPrice } from './import-and-price.js';
import { yearView, type Booked } from './year-view.js';
import type { InputFile, ReportData, ReportOptions } from './report-data.js';

/**
 * The years asked for: a range of calendar years (both ends included), or `all` — every year
 * with a disposal (spot or derivative) or an income receipt.
 */
export type YearSpan = { readonly from: number; readonly to: number } | 'all';

/** Each asked year's report data, in year order (never empty). */
export interface YearsData {
  readonly years: readonly ReportData[];
}

/**
 * The years of `span` (every year with a disposal or income for `all`; with none, the year a
 * single-year report would default to, so there is always one report).
 */
export function yearsOf(span: YearSpan, booked: Booked): number[] {
  if (span !== 'all') return Array.from({ length: span.to - span.from + 1 }, (_, i) => span.from + i);
  const { gains, imported, options } = booked;
  const active = new Set<number>();
  for (const d of gains.disposals) active.add(yearOf(d.date));
  for (const d of imported.derivatives.disposals) active.add(yearOf(d.date));
  for (const r of gains.income) active.add(yearOf(r.date));
  if (active.size > 0) return [...active].sort((a, b) => a - b);
  const last = imported.lastInstant === undefined ? undefined : yearOf(toLocalDate(imported.lastInstant, options.timezone));
  return [defaultYear([], last, options.fallbackYear ?? 2000)];
}

/**
 * The report data of every year of `span` (US rules), from one import, one pricing and one
 * booking pass. `onHistory` is as for `computeReport`: shown the priced history once, which is
 * then not kept.
 */
export function computeYears(
  inputs: readonly InputFile[],
  options: ReportOptions,
  span: YearSpan,
  onHistory?: (priced: readonly PricedEvent[]) => void,
): YearsData {
  const book = priceBookOf(options);
  const imported = importAndPrice(inputs, options, book);
  const booked = bookHistory({ inputs, options, book, imported }, span === 'all' ? 'all' : span, onHistory);
  return { years: yearsOf(span, booked).map((year) => yearView(year, booked)) };
}
