/**
 * One tax year's data (pure), from the booked history: the year's Form 8949 lines and income,
 * its year-end holdings, the Form 1099-DA reconciliation, the totals, the loss limitation and
 * `summary.json`'s figures. Everything not of the year is left out, so that what a report keeps
 * does not grow with the history.
 */
import { countBySeverity, fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { GainsResult } from '../engine/compute-gains.js';
import type { BookingMethod } from '../engine/booking-methods.js';
import { formatMethodSchedule, methodsInYear, type MethodChange } from '../engine/method-schedule.js';
import { toLocalDate, yearOf } from '../model/local-date.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { MissingPrice, PricedEvent } from '../pricing/price-events.js';
import { valueHoldings } from '../pricing/value-holdings.js';
import { limitCapitalLoss } from '../jurisdictions/us/capital-loss.js';
import { buildSummary } from './summary.js';
import { totalYear } from '../jurisdictions/us/year-totals.js';
import type { InputCounts } from '../model/input-counts.js';
import { derivativesForYear } from '../derivatives/compute-derivatives.js';
import { NO_OVERRIDES } from '../overrides/overrides.js';
import { applyCorrections } from '../importers/form1099da/corrections.js';
import { form1099daBlock, reconcile1099Da } from '../jurisdictions/us/form1099da/reconcile.js';
import { byBoxJson, totalByBox, withBoxTerms } from '../jurisdictions/us/form1099da/box-totals.js';
import { allocationApplied } from '../overrides/allocation.js';
import { rowTexts } from './row-texts.js';
import type { PricedImport } from './import-and-price.js';
import type { InputFile, ReportData, ReportOptions } from './report-data.js';

/** What one booking pass produced: read by the view of each tax year. */
export interface Booked {
  readonly inputs: readonly InputFile[];
  readonly options: ReportOptions;
  readonly book: PriceBook;
  readonly imported: PricedImport;
  readonly gains: GainsResult;
  /** The priced history when the report keeps it (`ReportData.priced`), else empty. */
  readonly forReport: PricedEvent[];
}

/** The report's data for `taxYear`. */
export function yearView(taxYear: number, booked: Booked): ReportData {
  const { inputs, options, book, imported, gains, forReport } = booked;
  const { files, overlaps, eventCount, matchDiagnostics, pricing, derivatives, applied, transfers } = imported;
  const overrides = options.overrides ?? NO_OVERRIDES;
  const inYear = (date: string): boolean => yearOf(date) === taxYear;
  // a year after the last event: what is open at the end is what was open then
  const yearEndLots = gains.yearEndLots?.get(taxYear) ?? (taxYear > lastYear(gains) ? gains.openLots : []);
  const yearEnd = valueHoldings(yearEndLots, book, taxYear, options.timezone);
  // Derivative positions are Form 8949 lines like spot disposals (docs/contract.md "summary.json (schema 1)", `capitalGains`).
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
