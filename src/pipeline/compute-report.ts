/**
 * The whole computation, pure: input texts and options in, everything a report shows out.
 *
 *   files ─import─▶ events ─match transfers─▶ ─price─▶ priced events ─engine─▶ gains ─▶ year view
 *
 * The CLI reads the files and writes the outputs; nothing here touches the file system, the
 * clock or the process. The stages live beside this file: `import-inputs.ts`,
 * `import-and-price.ts`, and `year-view.ts` (one tax year's data from the booked history).
 */
import { compareBookingOrder } from '../engine/booking-order.js';
import { computeGains, type BookingPolicy } from '../engine/compute-gains.js';
import type { Disposal } from '../model/disposal.js';
import { toLocalDate, yearOf } from '../model/local-date.js';
import { createPriceBook } from '../pricing/price-book.js';
import { handOver } from '../model/hand-over.js';
import type { PricedEvent } from '../pricing/price-events.js';
import { NO_OVERRIDES } from '../derivatives/overrides.js';
import { statedAllocation } from '../overrides/allocation.js';
import { computeUkReport } from './uk-report.js';
import { importAndPrice } from './import-and-price.js';
import { stablecoinPar } from './stablecoin-par.js';
import { yearView, type Booked } from './year-view.js';
import type { InputFile, ReportData, ReportOptions } from './report-data.js';

export type { ImportedFile, InputFile, ReportData, ReportOptions } from './report-data.js';
export type { PricedImport } from './import-and-price.js';
export { importInputs } from './import-inputs.js';

/**
 * The history for the engine, and for the report unless `onHistory` takes it: then it is put in
 * booking order (so that neither the engine nor a listing in that order sorts it again), shown
 * to `onHistory`, and handed to the engine alone, which lets each event go once booked.
 */
function shareHistory(
  history: () => PricedEvent[],
  onHistory: ((priced: readonly PricedEvent[]) => void) | undefined,
): { forEngine: readonly PricedEvent[] | (() => readonly PricedEvent[]); forReport: PricedEvent[] } {
  const priced = history();
  if (!onHistory) return { forEngine: priced, forReport: priced };
  onHistory(priced.sort(compareBookingOrder));
  return { forEngine: handOver(priced), forReport: [] };
}

/**
 * The report's data. `onHistory`, when given, is shown the priced history (every event with its
 * values, in booking order: `compareBookingOrder`) as soon as it is complete, and the history is then not kept:
 * `priced` is empty and each event is freed once the engine has booked it. On a million-row
 * input the history is most of the heap; a caller that needs it for one output (the CLI: the
 * TurboTax transactions file) renders that output there.
 */
export function computeReport(
  inputs: readonly InputFile[],
  options: ReportOptions,
  onHistory?: (priced: readonly PricedEvent[]) => void,
): ReportData {
  const book = createPriceBook({
    reportCurrency: options.currency,
    stablecoins: options.stablecoins,
    table: options.prices,
    windowMs: options.priceWindowMs,
  });
  const imported = importAndPrice(inputs, options, book);
  if (options.jurisdiction === 'uk') return computeUkReport(options, book, imported, onHistory);
  // Only the tax year's disposals are kept (the default year is the latest with one).
  const booked = bookHistory({ inputs, options, book, imported }, options.year ?? 'latest-year', onHistory);
  const { lastInstant, derivatives } = imported;
  const taxYear =
    options.year ??
    defaultYear(
      [...booked.gains.disposals, ...derivatives.disposals],
      lastInstant === undefined ? undefined : yearOf(toLocalDate(lastInstant, options.timezone)),
      options.fallbackYear ?? 2000,
    );
  return yearView(taxYear, booked);
}

/**
 * The one booking pass of a US report: the priced history through the engine, keeping the
 * disposals of the years `keep` names (and the year-end lots from the first of them on).
 * `computeReport` keeps one year; `computeYears` (compute-years.ts) a range.
 */
export function bookHistory(
  priced: Pick<Booked, 'inputs' | 'options' | 'book' | 'imported'>,
  keep: NonNullable<BookingPolicy['keepDisposals']>,
  onHistory?: (priced: readonly PricedEvent[]) => void,
): Booked {
  const { options, imported, book } = priced;
  const overrides = options.overrides ?? NO_OVERRIDES;
  const { forEngine, forReport } = shareHistory(imported.history, onHistory);
  const policy: BookingPolicy = {
    method: options.method,
    ...(options.methodSchedule ? { methodSchedule: options.methodSchedule } : {}),
    lotScope: options.lotScope,
    perWalletFrom: options.perWalletFrom,
    timezone: options.timezone,
    ...(overrides.allocation.length > 0 ? { allocation: statedAllocation(overrides) } : {}),
    ...(options.stablecoinBasis === 'par' ? { stablecoinPar: stablecoinPar(book) } : {}),
  };
  const onBooked = options.progress ? (done: number, total: number) => options.progress?.({ phase: 'book', done, total }) : undefined;
  const gains = computeGains(forEngine, { ...policy, yearEndSnapshots: true, keepDisposals: keep, ...(onBooked ? { onBooked } : {}) });
  return { ...priced, gains, forReport };
}

/**
 * Contract: the latest calendar year that has a disposal; failing that, the latest year with any
 * event; with no event at all (every row rejected), the caller's fallback (the CLI: last year).
 */
export function defaultYear(disposals: readonly Disposal[], lastEventYear: number | undefined, fallback: number): number {
  let latest: number | undefined;
  for (const d of disposals) {
    const y = yearOf(d.date);
    if (latest === undefined || y > latest) latest = y;
  }
  return latest ?? lastEventYear ?? fallback;
}
