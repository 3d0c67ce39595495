/**
 * The pipeline's UK branch (pure): the priced, transfer-paired history the US engine would
 * receive goes to the UK matcher instead, and the report's data carries the UK year in `uk`.
 * The US-only parts of `ReportData` (Form 8949 disposals, lots, loss limitation) are empty.
 */
import { countBySeverity, fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareBookingOrder } from '../engine/booking-order.js';
import { derivativesForYear } from '../derivatives/compute-derivatives.js';
import { ZERO } from '../model/decimal.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { PricedEvent } from '../pricing/price-events.js';
import { valueHoldings } from '../pricing/value-holdings.js';
import { NO_RECONCILIATION } from '../jurisdictions/us/form1099da/reconcile.js';
import { limitCapitalLoss } from '../jurisdictions/us/capital-loss.js';
import type { InputCounts } from '../model/input-counts.js';
import { totalYear } from '../jurisdictions/us/year-totals.js';
import type { PricedImport } from './import-and-price.js';
import type { ReportData, ReportOptions } from './report-data.js';
import { toLocalDate } from '../model/local-date.js';
import { ukTaxYearLabel, ukTaxYearOf } from '../jurisdictions/uk/tax-year.js';
import { buildUkSummary, totalUkYear } from '../jurisdictions/uk/uk-summary.js';
import { computeUkYear } from '../jurisdictions/uk/uk-year.js';

export function computeUkReport(
  options: ReportOptions,
  book: PriceBook,
  imported: PricedImport,
  onHistory?: (priced: readonly PricedEvent[]) => void,
): ReportData {
  const { files, overlaps, lastInstant, eventCount, matchDiagnostics, pricing, derivatives, history, applied, transfers } = imported;
  const priced = history().sort(compareBookingOrder);
  const year = computeUkYear(priced, {
    timezone: options.timezone,
    ...(options.year !== undefined ? { year: options.year } : {}),
    fallbackYear: options.fallbackYear ?? 2000,
    ...(lastInstant !== undefined ? { lastInstant } : {}),
  });
  const totals = totalUkYear(year);
  const diagnostics: Diagnostic[] = [...files.flatMap((f) => f.diagnostics), ...overlaps, ...matchDiagnostics, ...pricing.diagnostics, ...year.diagnostics];
  if (derivatives.present) {
    diagnostics.push(fileDiagnostic('UK_DERIVATIVES_NOT_COUNTED', '(report)', `the inputs hold derivative or margin rows: their gains and losses are not in the UK figures`));
  }
  if (eventCount > 0 && year.disposals.length === 0 && year.income.length === 0) {
    diagnostics.push(fileDiagnostic('YEAR_WITHOUT_ACTIVITY', '(report)', `no disposal or income in tax year ${ukTaxYearLabel(year.taxYear)}`));
  }
  const inputs: InputCounts = {
    files: files.length,
    rows: files.reduce((n, f) => n + f.accounting.rows, 0),
    imported: files.reduce((n, f) => n + f.accounting.imported, 0),
    skipped: files.reduce((n, f) => n + f.accounting.skipped, 0),
    rejected: files.reduce((n, f) => n + f.accounting.rejected, 0),
  };
  const usTotals = totalYear([], year.income);
  const counts = countBySeverity(diagnostics);
  const summary = buildUkSummary({ year, totals, currency: options.currency, income: usTotals, inputs, errors: counts.errors, warnings: counts.warnings });
  if (onHistory) onHistory(priced);
  return {
    options,
    taxYear: year.taxYear,
    files,
    gains: { disposals: [], income: year.income, removals: [], openLots: [], reallocations: [], diagnostics: [], overdrafts: [] },
    disposals: [],
    income: year.income,
    yearEndLots: [],
    yearEnd: valueHoldings([], book, year.taxYear, options.timezone),
    totals: usTotals,
    // no US loss limitation applies: a neutral (all-zero) figure, never written for the UK
    capitalLoss: limitCapitalLoss({ shortTermGain: ZERO, longTermGain: ZERO, carryoverShort: ZERO, carryoverLong: ZERO, filingStatus: 'single' }),
    inputs,
    missingPrices: [...pricing.missing],
    priced: onHistory ? [] : priced,
    // Form 1099-DA is a US information return: not reconciled under UK rules
    form1099da: NO_RECONCILIATION,
    derivatives,
    derivativesYear: derivativesForYear(derivatives, year.taxYear),
    diagnostics,
    // the overrides that changed rows (the US 2025 allocation does not apply to UK pools)
    overridesApplied: [...applied],
    transfers: transfers.filter((t) => ukTaxYearOf(toLocalDate(t.instant, options.timezone)) === year.taxYear),
    // row texts feed report.html, a US output not written for the UK
    rowTexts: new Map(),
    summary,
    uk: { year, totals },
    nothingRead: files.length === 0 || files.every((f) => f.format === undefined) || inputs.rows === 0,
  };
}
