/**
 * The whole computation, pure: input texts and options in, everything a report shows out.
 *
 *   files ─import─▶ events ─match transfers─▶ ─price─▶ priced events ─engine─▶ gains ─▶ year view
 *
 * The CLI reads the files and writes the outputs; nothing here touches the file system, the
 * clock or the process.
 */
import { countBySeverity, fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareBookingOrder } from '../engine/booking-order.js';
import { computeGains, type BookingPolicy, type GainsResult, type IncomeRecord, type LotScope } from '../engine/compute-gains.js';
import type { BookingMethod } from '../engine/booking-methods.js';
import { formatMethodSchedule, methodsInYear, type MethodChange } from '../engine/method-schedule.js';
import { matchTransfers, type TransferMatching } from '../engine/match-transfers.js';
import { detectFile, importFile, notRead, walletOf, type FileImport } from '../importers/import-file.js';
import type { TextSource } from '../importers/text-source.js';
import { findPossibleDuplicates } from '../importers/find-possible-duplicates.js';
import type { SourceRef } from '../model/source-ref.js';
import type { DateOrder } from '../importers/parse-instant.js';
import type { IncomeKind } from '../model/ledger-event.js';
import type { Importer } from '../importers/importer-spec.js';
import type { Dec } from '../model/decimal.js';
import type { Disposal } from '../model/disposal.js';
import { toLocalDate, yearOf, type LocalDate } from '../model/local-date.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { LotSnapshot } from '../model/lot.js';
import { createPriceBook, type PriceBook, type PricePoint } from '../pricing/price-book.js';
import { handOver } from '../model/hand-over.js';
import type { ProgressSink } from './progress.js';
import { priceEvents, type MissingPrice, type PricedEvent } from '../pricing/price-events.js';
import { valueHoldings, type YearEndValuation } from '../pricing/value-holdings.js';
import { limitCapitalLoss, type CapitalLoss, type FilingStatus } from '../report/capital-loss.js';
import { buildSummary, totalYear, type InputCounts, type YearTotals } from '../report/summary.js';
import { computeDerivatives, derivativesForYear, type DerivativesResult, type DerivativesYear } from '../derivatives/compute-derivatives.js';
import { NO_OVERRIDES, type Overrides } from '../derivatives/overrides.js';
import { detectForm1099Da, readForm1099Da } from '../importers/form1099da/read-form1099da.js';
import { applyCorrections } from '../importers/form1099da/corrections.js';
import { form1099daBlock, reconcile1099Da, type Reconciliation } from '../report/form1099da/reconcile.js';
import { byBoxJson, totalByBox, withBoxTerms } from '../report/form1099da/box-totals.js';
import { hasRowOverrides } from '../overrides/overrides.js';
import { applyOverrides, type AppliedOverride } from '../overrides/apply-overrides.js';
import { allocationApplied, statedAllocation } from '../overrides/allocation.js';
import { listTransfers, type TransferRecord } from './list-transfers.js';
import { rowTexts } from './row-texts.js';
import { rowReader } from './read-row-again.js';
import type { Valuation } from '../derivatives/position-lines.js';
import { computeUkReport, type UkReport } from '../jurisdictions/uk/uk-report-data.js';

export interface InputFile {
  /** The name shown in diagnostics and audit columns (as the user gave it). */
  readonly file: string;
  /** The decoded text: whole, or a function that streams it in chunks (see text-source.ts). */
  readonly text: TextSource;
  /** What reading the bytes found (an encoding fallback): reported with the file's diagnostics. */
  readonly readDiagnostics?: readonly Diagnostic[];
  /** The bytes are not a text file (binary, too large): only `readDiagnostics` is reported. */
  readonly unreadable?: boolean;
}

export interface ReportOptions {
  readonly year?: number;
  /** Tax year when neither --year nor any dated event gives one (all rows rejected). */
  readonly fallbackYear?: number;
  readonly method: BookingMethod;
  /**
   * `--method` with dates (`fifo,hifo:2025`): the method changes from each date forward, and
   * `method` is the first entry's. Absent for one method throughout.
   */
  readonly methodSchedule?: readonly MethodChange[];
  /** Where the method came from, for the report ("default", "--method flag", "taxlot.json"). */
  readonly methodOrigin: string;
  readonly lotScope: LotScope;
  readonly perWalletFrom: string;
  readonly timezone: string;
  readonly currency: string;
  /** `--jurisdiction uk`: HMRC rules (src/jurisdictions/uk/); absent for the US. */
  readonly jurisdiction?: 'uk';
  readonly filingStatus: FilingStatus;
  readonly carryoverShort: Dec;
  readonly carryoverLong: Dec;
  readonly prices: readonly PricePoint[];
  readonly stablecoins: readonly string[];
  readonly priceWindowMs: number;
  readonly transferMatching: TransferMatching;
  readonly importers: readonly Importer[];
  readonly forcedFormat?: string;
  readonly inputZone?: string;
  /** `--date-order`: the order of day-month dates in every input (src/importers/date-order.ts). */
  readonly dateOrder?: DateOrder;
  /** `--overrides`: the user's statements about rows, transfers, the 2025 allocation and liabilities (src/overrides/). */
  readonly overrides?: Overrides;
  /** When derivative positions are valued: at their close (default) or when each row was booked. */
  readonly derivativeValuation?: Valuation;
  /**
   * Book only the events dated up to the end of this calendar date in `timezone` (`taxlot
   * harvest --as-of`); later events are counted in an AFTER_AS_OF note. Transfers are paired first.
   */
  readonly through?: LocalDate;
  /** `--income-as-business`: income kinds earned in a trade or business (Schedule C); presentation only. */
  readonly incomeAsBusiness?: readonly IncomeKind[];
  /** Told what the computation is doing (phases, rows, events booked); for a progress display only. */
  readonly progress?: ProgressSink;
}

/** A file as the report describes it (its events are not kept twice: they are in `priced`). */
export type ImportedFile = Omit<FileImport, 'events'>;

export interface ReportData {
  readonly options: ReportOptions;
  readonly taxYear: number;
  /** Each file's recognition, accounting and diagnostics; its events are in `priced`. */
  readonly files: readonly ImportedFile[];
  /** The engine's result, its disposals narrowed to the tax year (all years' are not kept). */
  readonly gains: GainsResult;
  readonly disposals: readonly Disposal[];
  readonly income: readonly IncomeRecord[];
  readonly yearEndLots: readonly LotSnapshot[];
  /** The open lots at the end of December 31 of the tax year, at market value (informational). */
  readonly yearEnd: YearEndValuation;
  readonly totals: YearTotals;
  readonly capitalLoss: CapitalLoss;
  readonly inputs: InputCounts;
  /** Required values without a price (PRICE_MISSING errors), one per (asset, date). */
  readonly missingPrices: readonly MissingPrice[];
  /** Every event after transfer matching, with its resolved values (for exports that list events). */
  readonly priced: readonly PricedEvent[];
  /** Derivative positions (every year; their Form 8949 lines are also in `disposals`), liabilities, margin interest. */
  readonly derivatives: DerivativesResult;
  /** The tax year's derivative lines, liabilities, interest and the summary block's totals. */
  readonly derivativesYear: DerivativesYear;
  /** The Form 1099-DA reconciliation: placements of the matched lines (empty without a 1099-DA). */
  readonly form1099da: Reconciliation;
  readonly diagnostics: readonly Diagnostic[];
  /** The tax year's transfers between the user's wallets (report.html). */
  readonly transfers: readonly TransferRecord[];
  /** `file:line` → the text of the input rows diagnostics name (report.html). */
  readonly rowTexts: ReadonlyMap<string, string>;
  /** Every override of the overrides file that changed the report (overrides-applied.csv). */
  readonly overridesApplied: readonly AppliedOverride[];
  readonly summary: Record<string, unknown>;
  /** `--jurisdiction uk`: the UK year (then the US blocks above are empty). */
  readonly uk?: UkReport;
  /** True when no file could be read at all (exit code 2). */
  readonly nothingRead: boolean;
}

/**
 * Import every file and pair the transfers. Returned: the events as matched, and what the report
 * says of the files — not the files' own event lists: with them would stay alive every withdrawal
 * and deposit that matching merged into a transfer, for the rest of the run.
 */
function importAndMatch(inputs: readonly InputFile[], options: ReportOptions): {
  files: ImportedFile[];
  overlaps: Diagnostic[];
  lastInstant: number | undefined;
  eventCount: number;
  matched: ReturnType<typeof matchTransfers>;
  applied: AppliedOverride[];
  overrideDiagnostics: Diagnostic[];
  transfers: TransferRecord[];
} {
  const read = importInputs(inputs, options);
  const overrides = options.overrides ?? NO_OVERRIDES;
  const stated = hasRowOverrides(overrides)
    ? applyOverrides(read, overrides, {
      currency: options.currency,
      timezone: options.timezone,
      walletOf: (file) => {
        const format = read.find((f) => f.file === file)?.format;
        const importer = options.importers.find((i) => i.id === format);
        return importer ? walletOf(file, importer) : undefined;
      },
      readAgain: rowReader(inputs, options),
    })
    : undefined;
  const imported = stated?.files ?? read;
  const events = imported.flatMap((f) => f.events);
  let lastInstant: number | undefined;
  for (const e of events) if (lastInstant === undefined || e.instant > lastInstant) lastInstant = e.instant;
  options.progress?.({ phase: 'match', events: events.length });
  // what the user paired, unpaired or relabelled is not paired again by the heuristic
  const pinned = stated?.pinned;
  const matched = pinned && pinned.size > 0
    ? (() => {
      const m = matchTransfers(events.filter((e) => !pinned.has(e)), options.transferMatching);
      return { events: [...m.events, ...events.filter((e) => pinned.has(e))], diagnostics: m.diagnostics };
    })()
    : matchTransfers(events, options.transferMatching);
  return {
    transfers: listTransfers(matched.events),
    files: imported.map(({ events: _events, ...file }) => file),
    overlaps: findPossibleDuplicates(events),
    lastInstant,
    eventCount: events.length,
    matched,
    applied: stated?.applied ?? [],
    overrideDiagnostics: stated?.diagnostics ?? [],
  };
}

/**
 * Import, pair, price, and settle derivatives. The priced history comes back handed over (the
 * only reference to it, and through it to every event): the caller decides who holds it.
 */
function importAndPrice(inputs: readonly InputFile[], options: ReportOptions, book: PriceBook) {
  const { files, overlaps, lastInstant, eventCount, matched, applied, overrideDiagnostics, transfers } = importAndMatch(inputs, options);
  const cut = options.through === undefined ? undefined : bookedThrough(matched.events, options.through, options.timezone);
  const events = cut?.events ?? matched.events;
  options.progress?.({ phase: 'price', events: events.length });
  const pricing = priceEvents(events, book, options.timezone);
  const derivatives = computeDerivatives(events, {
    book,
    timezone: options.timezone,
    valuation: options.derivativeValuation ?? 'close',
    overrides: options.overrides ?? NO_OVERRIDES,
  });
  return {
    files,
    overlaps,
    lastInstant,
    eventCount,
    matchDiagnostics: [...overrideDiagnostics, ...matched.diagnostics, ...(cut?.note ? [cut.note] : [])],
    applied,
    transfers,
    pricing: { diagnostics: pricing.diagnostics, missing: pricing.missing },
    derivatives,
    history: handOver(pricing.priced),
  };
}

/** What importing, pairing and pricing found: the input of the US engine and of the UK matcher. */
export type PricedImport = ReturnType<typeof importAndPrice>;

/** The events dated up to the end of `through`, and a note counting the later ones. */
function bookedThrough(events: readonly LedgerEvent[], through: LocalDate, timezone: string): { events: LedgerEvent[]; note?: Diagnostic } {
  const kept = events.filter((e) => toLocalDate(e.instant, timezone) <= through);
  const later = events.length - kept.length;
  if (later === 0) return { events: kept };
  return { events: kept, note: fileDiagnostic('AFTER_AS_OF', '(harvest)', `${later} event${later === 1 ? '' : 's'} dated after ${through} not booked`) };
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
  const { files, overlaps, lastInstant, eventCount, matchDiagnostics, pricing, derivatives, history, applied, transfers } = imported;
  const overrides = options.overrides ?? NO_OVERRIDES;
  const { forEngine, forReport } = shareHistory(history, onHistory);
  const policy: BookingPolicy = {
    method: options.method,
    ...(options.methodSchedule ? { methodSchedule: options.methodSchedule } : {}),
    lotScope: options.lotScope,
    perWalletFrom: options.perWalletFrom,
    timezone: options.timezone,
    ...(overrides.allocation.length > 0 ? { allocation: statedAllocation(overrides) } : {}),
  };
  // Only the tax year's disposals are kept (the default year is the latest with one).
  const onBooked = options.progress ? (done: number, total: number) => options.progress?.({ phase: 'book', done, total }) : undefined;
  const gains = computeGains(forEngine, { ...policy, yearEndSnapshots: true, keepDisposals: options.year ?? 'latest-year', ...(onBooked ? { onBooked } : {}) });
  const taxYear =
    options.year ??
    defaultYear(
      [...gains.disposals, ...derivatives.disposals],
      lastInstant === undefined ? undefined : yearOf(toLocalDate(lastInstant, options.timezone)),
      options.fallbackYear ?? 2000,
    );

  const inYear = (date: string): boolean => yearOf(date) === taxYear;
  // a year after the last event: what is open at the end is what was open then
  const yearEndLots = gains.yearEndLots?.get(taxYear) ?? (taxYear > lastYear(gains) ? gains.openLots : []);
  const yearEnd = valueHoldings(yearEndLots, book, taxYear, options.timezone);
  // Derivative positions are Form 8949 lines like spot disposals (contract "capitalGains").
  const disposals = [...gains.disposals, ...derivatives.disposals].filter((d) => inYear(d.date)).sort((a, b) => a.instant - b.instant);
  const derivativesYear = derivativesForYear(derivatives, taxYear);
  const income = gains.income.filter((r) => inYear(r.date));
  const reportedFiles = files.flatMap((f) => (f.reported ? [f.reported] : []));
  const corrected = applyCorrections(reportedFiles);
  const form1099da = reconcile1099Da({ taxYear, disposals, rows: corrected.rows, given: reportedFiles.length > 0 });
  const boxes = totalByBox(taxYear, disposals, form1099da.lines);
  const diagnostics: Diagnostic[] = [
    ...files.flatMap((f) => f.diagnostics),
    ...overlaps,
    ...matchDiagnostics,
    ...pricing.diagnostics,
    ...gains.diagnostics,
    ...derivatives.diagnostics,
    ...yearEnd.diagnostics,
    ...corrected.diagnostics,
    ...form1099da.diagnostics,
  ];
  const overridesApplied = [...applied, ...allocationApplied(overrides, gains, diagnostics)];
  if (eventCount > 0 && disposals.length === 0 && income.length === 0) {
    diagnostics.push(fileDiagnostic('YEAR_WITHOUT_ACTIVITY', '(report)', `no disposal or income in tax year ${taxYear}`));
  }
  const totals = withBoxTerms(totalYear(disposals, income), boxes);
  const capitalLoss = limitCapitalLoss({
    shortTermGain: totals.shortTerm.gain,
    longTermGain: totals.longTerm.gain,
    carryoverShort: options.carryoverShort,
    carryoverLong: options.carryoverLong,
    filingStatus: options.filingStatus,
  });
  const inputsCount: InputCounts = {
    files: files.length,
    rows: sum(files, (f) => f.accounting.rows),
    imported: sum(files, (f) => f.accounting.imported),
    skipped: sum(files, (f) => f.accounting.skipped),
    rejected: sum(files, (f) => f.accounting.rejected),
  };
  const counts = countBySeverity(diagnostics);
  const summary = buildSummary({
    taxYear,
    currency: options.currency,
    method: options.methodSchedule ? yearMethodLabel(options.methodSchedule, taxYear) : options.method,
    ...(options.methodSchedule ? { methodSchedule: formatMethodSchedule(options.methodSchedule) } : {}),
    totals,
    capitalLoss,
    inputs: inputsCount,
    errors: counts.errors,
    warnings: counts.warnings,
    ...(derivatives.present ? { derivatives: derivativesYear.totals, liabilities: derivativesYear.liabilities } : {}),
    byBox: byBoxJson(boxes),
    ...(form1099da.given ? { form1099da: form1099daBlock(form1099da) } : {}),
  });
  return {
    options,
    taxYear,
    files,
    // the year's disposals only: a long history's other years would be held for nothing
    gains: { ...gains, disposals: gains.disposals.filter((d) => inYear(d.date)), yearEndLots: undefined },
    disposals,
    income,
    yearEndLots,
    yearEnd,
    totals,
    capitalLoss,
    inputs: inputsCount,
    missingPrices: mergeMissing(pricing.missing, derivatives.missing),
    overridesApplied,
    transfers: transfers.filter((t) => yearOf(toLocalDate(t.instant, options.timezone)) === taxYear),
    rowTexts: rowTexts(inputs, diagnostics),
    priced: forReport,
    derivatives,
    derivativesYear,
    form1099da,
    diagnostics,
    summary,
    // no file in a known format, or not a single data row in any of them (header-only files)
    nothingRead: files.length === 0 || files.every((f) => f.format === undefined) || inputsCount.rows === 0,
  };
}

/**
 * Import every file. Formats are detected first, from each file's head, so that only files that
 * share an importer and wallet with another file of the run — the ones whose rows can overlap —
 * pay for fingerprinting their rows (duplicate rows across overlapping exports are counted once).
 */
export function importInputs(inputs: readonly InputFile[], options: Pick<ReportOptions, 'importers' | 'forcedFormat' | 'inputZone' | 'dateOrder'>): FileImport[] {
  const detectOptions = { importers: options.importers, ...(options.forcedFormat ? { forcedFormat: options.forcedFormat } : {}) };
  // A Form 1099-DA statement is recognised first: its rows are what a broker reported, not events.
  const statements = inputs.map((f) => (f.unreadable ? undefined : detectForm1099Da(f.text)));
  const detections = inputs.map((f, i) => (f.unreadable || statements[i] ? undefined : detectFile(f.text, detectOptions)));
  const groupOf = (i: number): string | undefined => {
    const d = detections[i]?.detection;
    return d?.kind === 'match' ? `${d.match.importer.id}\u0000${walletOf(inputs[i]?.file ?? '', d.match.importer)}` : undefined;
  };
  const sizes = new Map<string, number>();
  inputs.forEach((_, i) => {
    const g = groupOf(i);
    if (g !== undefined) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  });
  const seenRows = new Map<string, SourceRef>();
  return inputs.map((f, i) => {
    const statement = statements[i];
    if (statement) {
      const read = readForm1099Da(f.file, f.text, statement);
      const imported: FileImport = { ...read.file, reported: read.rows };
      return f.readDiagnostics?.length ? { ...imported, diagnostics: [...f.readDiagnostics, ...imported.diagnostics] } : imported;
    }
    const detection = detections[i];
    if (!detection) return notRead(f.file, f.readDiagnostics ?? []);
    const g = groupOf(i);
    const imported = importFile(f.file, f.text, {
      ...detectOptions,
      detection,
      ...((sizes.get(g ?? '') ?? 0) > 1 ? { seenRows } : {}),
      ...(options.inputZone ? { inputZone: options.inputZone } : {}),
      ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    });
    return f.readDiagnostics?.length ? { ...imported, diagnostics: [...f.readDiagnostics, ...imported.diagnostics] } : imported;
  });
}

/**
 * Contract: the latest calendar year that has a disposal; failing that, the latest year with any
 * event; with no event at all (every row rejected), the caller's fallback (the CLI: last year).
 */
function defaultYear(disposals: readonly Disposal[], lastEventYear: number | undefined, fallback: number): number {
  let latest: number | undefined;
  for (const d of disposals) {
    const y = yearOf(d.date);
    if (latest === undefined || y > latest) latest = y;
  }
  return latest ?? lastEventYear ?? fallback;
}

/**
 * summary.json's `method` under a schedule: the one method in force through the tax year, or the
 * year's part of the schedule (`FIFO,HIFO:2025-07-01`) when it changes within the year.
 */
function yearMethodLabel(schedule: readonly MethodChange[], year: number): string {
  const methods = methodsInYear(schedule, year);
  if (methods.length === 1) return methods[0] as string;
  const start = `${String(year).padStart(4, '0')}-01-01`;
  const inYear = schedule.filter((c, i) => i > 0 && (c.from as string) > start && yearOf(c.from as string) === year);
  return formatMethodSchedule([{ method: methods[0] as BookingMethod }, ...inYear]);
}

/** The last year the engine saw (the last key of its year-end snapshots). */
function lastYear(gains: GainsResult): number {
  let last = -Infinity;
  for (const y of gains.yearEndLots?.keys() ?? []) if (y > last) last = y;
  return last;
}

function sum<T>(list: readonly T[], f: (t: T) => number): number {
  return list.reduce((s, t) => s + f(t), 0);
}

/** One entry per (asset, date), in first-seen order. */
function mergeMissing(...lists: (readonly MissingPrice[])[]): MissingPrice[] {
  const out = new Map<string, MissingPrice>();
  for (const m of lists.flat()) if (!out.has(`${m.asset}\u0000${m.date}`)) out.set(`${m.asset}\u0000${m.date}`, m);
  return [...out.values()];
}
