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
import { computeGains, OrderedBooking, type BookingPolicy, type GainsResult } from '../engine/compute-gains.js';
import type { Disposal } from '../model/disposal.js';
import { toLocalDate, yearOf } from '../model/local-date.js';
import { createPriceBook, type PriceBook } from '../pricing/price-book.js';
import { handOver } from '../model/hand-over.js';
import type { PricedEvent } from '../pricing/price-events.js';
import { NO_OVERRIDES } from '../overrides/overrides.js';
import { statedAllocation } from '../overrides/allocation.js';
import { jurisdictionFor, type JurisdictionId } from '../jurisdictions/index.js';
import { US_BOOKING } from '../jurisdictions/us/us-jurisdiction.js';
import { computeUkReport } from './uk-report.js';
import { importAndPrice, type PricedImport } from './import-and-price.js';
import { hasRowOverrides } from '../overrides/overrides.js';
import type { SpillRun } from './spill-store.js';
import { streamHistory } from './stream-history.js';
import { stablecoinPar } from './stablecoin-par.js';
import { yearView, type Booked } from './year-view.js';
import type { InputFile, ReportData, ReportOptions } from './report-data.js';

export type { ImportedFile, InputFile, ReportData, ReportOptions } from './report-data.js';
export type { PricedImport } from './import-and-price.js';
export { importInputs } from './import-inputs.js';

/**
 * What the caller does with the priced history (every event with its values, in booking order:
 * `compareBookingOrder`). Absent: it is kept in `ReportData.priced`. A function: shown it whole
 * once it is complete, and it is not kept (`priced` empty). A `HistoryWriter`: a file made from
 * it (the CLI: the TurboTax transactions file) is rendered as the history streams and written to
 * the writer's run; nothing of the history is kept. `'discard'`: not kept, not shown.
 */
export type HistoryUse = ((priced: readonly PricedEvent[]) => void) | HistoryWriter | 'discard';

export interface HistoryWriter {
  /** The file's text, rendered from the events in booking order as they come. */
  render(sorted: Iterable<PricedEvent>): Iterable<string>;
  /** Where the text goes (closed once the history has passed). */
  readonly into: SpillRun;
}

/** The whole-history path's form of a `HistoryUse` (shown the history once it is complete). */
function asCallback(use: HistoryUse | undefined): ((priced: readonly PricedEvent[]) => void) | undefined {
  if (use === undefined || typeof use === 'function') return use;
  if (use === 'discard') return () => undefined;
  return (priced) => {
    for (const chunk of use.render(priced)) use.into.append(chunk);
    use.into.close();
  };
}

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
 * The report's data. The history streams from the files through pricing into the engine and is
 * let go (`stream-history.ts`); `onHistory` says what else is done with it (`HistoryUse`). Row
 * overrides and the UK rules take the whole history at once (`import-and-price.ts`): the same
 * results, with the history in memory.
 */
export function computeReport(inputs: readonly InputFile[], options: ReportOptions, onHistory?: HistoryUse): ReportData {
  const book = priceBookOf(options);
  const overrides = options.overrides ?? NO_OVERRIDES;
  const jurisdiction = jurisdictionFor(options.jurisdiction);
  // the US engine takes the history streamed; other branches, and row overrides, take it whole
  if (jurisdiction.id !== 'us' || hasRowOverrides(overrides)) return WHOLE_HISTORY_BRANCHES[jurisdiction.id](inputs, options, book, asCallback(onHistory));
  const streamed = streamHistory(inputs, options, book);
  const booking = new OrderedBooking(bookingPolicy(options, book), streamed.expected);
  const booked = function* (): Generator<PricedEvent> {
    for (const priced of streamed.events) {
      booking.apply(priced);
      yield priced;
    }
  };
  const forReport: PricedEvent[] = [];
  if (onHistory === undefined || typeof onHistory === 'function') {
    for (const priced of booked()) forReport.push(priced);
  } else if (onHistory === 'discard') {
    for (const _ of booked());
  } else {
    for (const chunk of onHistory.render(booked())) onHistory.into.append(chunk);
    onHistory.into.close();
  }
  const gains = booking.finish();
  const imported = streamed.finish();
  if (typeof onHistory === 'function') {
    onHistory(forReport);
    forReport.length = 0;
  }
  return yearView(reportYear(options, gains, imported), { inputs, options, book, imported, gains, forReport });
}

/** The run's booking policy; only the tax year's disposals are kept (by default the latest year with one). */
function bookingPolicy(options: ReportOptions, book: PriceBook): BookingPolicy {
  const overrides = options.overrides ?? NO_OVERRIDES;
  const onBooked = options.progress ? (done: number, total: number) => options.progress?.({ phase: 'book', done, total }) : undefined;
  return {
    method: options.method,
    ...(options.methodSchedule ? { methodSchedule: options.methodSchedule } : {}),
    lotScope: options.lotScope,
    perWalletFrom: options.perWalletFrom,
    timezone: options.timezone,
    rules: US_BOOKING,
    ...(overrides.allocation.length > 0 ? { allocation: statedAllocation(overrides) } : {}),
    ...(options.stablecoinBasis === 'par' ? { stablecoinPar: stablecoinPar(book) } : {}),
    yearEndSnapshots: true,
    keepDisposals: options.year ?? 'latest-year',
    ...(onBooked ? { onBooked } : {}),
  };
}

function reportYear(options: ReportOptions, gains: GainsResult, imported: PricedImport): number {
  const { lastInstant, derivatives } = imported;
  return options.year ??
    defaultYear(
      [...gains.disposals, ...derivatives.disposals],
      lastInstant === undefined ? undefined : yearOf(toLocalDate(lastInstant, options.timezone)),
      options.fallbackYear ?? 2000,
    );
}

/** The run's price book: the price table, the stablecoins at par and the pricing window of the options. */
export function priceBookOf(options: ReportOptions): PriceBook {
  return createPriceBook({
    reportCurrency: options.currency,
    stablecoins: options.stablecoins,
    table: options.prices,
    windowMs: options.priceWindowMs,
  });
}

/**
 * The report computed with the whole history in memory, as row overrides and the UK rules do
 * (for tests: the streamed report must equal it).
 */
export function computeReportWholeHistory(inputs: readonly InputFile[], options: ReportOptions, onHistory?: HistoryUse): ReportData {
  return WHOLE_HISTORY_BRANCHES[jurisdictionFor(options.jurisdiction).id](inputs, options, priceBookOf(options), asCallback(onHistory));
}

type WholeHistoryBranch = (
  inputs: readonly InputFile[],
  options: ReportOptions,
  book: PriceBook,
  onHistory: ((priced: readonly PricedEvent[]) => void) | undefined,
) => ReportData;

/**
 * Each jurisdiction's branch of the pipeline with the whole history imported and priced at once
 * (src/jurisdictions/README.md): the US books specific lots with the engine and takes its year
 * view (the path of row overrides); the UK runs its share-pooling matcher. A jurisdiction id
 * without a branch here does not compile.
 */
const WHOLE_HISTORY_BRANCHES: Readonly<Record<JurisdictionId, WholeHistoryBranch>> = {
  us: (inputs, options, book, onHistory) => {
    const booked = bookHistory({ inputs, options, book, imported: importAndPrice(inputs, options, book) }, options.year ?? 'latest-year', onHistory);
    return yearView(reportYear(options, booked.gains, booked.imported), booked);
  },
  uk: (inputs, options, book, onHistory) => computeUkReport(options, book, importAndPrice(inputs, options, book), onHistory),
};

/**
 * The one booking pass of a whole-history US report (`computeYears`, compute-years.ts: several
 * years): the priced history through the engine, keeping the disposals of the years `keep` names
 * (and the year-end lots from the first of them on).
 */
export function bookHistory(
  priced: Pick<Booked, 'inputs' | 'options' | 'book' | 'imported'>,
  keep: NonNullable<BookingPolicy['keepDisposals']>,
  onHistory?: (priced: readonly PricedEvent[]) => void,
): Booked {
  const { options, imported, book } = priced;
  const { forEngine, forReport } = shareHistory(imported.history, onHistory);
  const gains = computeGains(forEngine, { ...bookingPolicy(options, book), keepDisposals: keep });
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
