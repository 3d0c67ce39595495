/**
 * taxlot as a library: the same pure pipeline the CLI runs, for scripts and other tools.
 * Every option has the CLI's default (`REPORT_DEFAULTS`); the method is accepted in any case.
 *
 * @example
 * import { computeReport, renderOutputs } from 'taxlot';
 * const data = computeReport([{ file: 'wallet.csv', text }], { year: 2025, method: 'hifo' });
 * const files = renderOutputs(data); // Map<file name, bytes>
 */
export { computeReport } from './library/compute-report.js';
export { reportOptions, REPORT_DEFAULTS, type ReportOptionsInput } from './library/report-options.js';
export type { InputFile, ReportData, ReportOptions } from './pipeline/compute-report.js';
export { computeGains, type BookingPolicy } from './library/compute-gains.js';
export type { GainsResult } from './engine/compute-gains.js';
export { BOOKING_METHODS, type BookingMethod } from './engine/booking-methods.js';
export { matchTransfers, DEFAULT_TRANSFER_MATCHING } from './engine/match-transfers.js';
export { ALL_IMPORTERS, findImporter } from './importers/index.js';
export { importFile, type FileImport } from './importers/import-file.js';
export { withRowGuards, type RowGuardOptions } from './importers/row-guards.js';
export { defineImporter, type Importer } from './importers/importer-spec.js';
export { createPriceBook, type PricePoint } from './pricing/price-book.js';
export { priceEvents } from './pricing/price-events.js';
export { limitCapitalLoss } from './jurisdictions/us/capital-loss.js';
export { renderOutputs, REPORT_FILES } from './report/render-outputs.js';
export { formatDiagnostic } from './diagnostics/format-diagnostic.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export type { LedgerEvent } from './model/ledger-event.js';
export { Dec } from './model/decimal.js';
export { harvestFromReport, harvestReportOptions, type HarvestResult } from './harvest/compute-harvest.js';
export { parseMethodSchedule, type MethodChange } from './engine/method-schedule.js';
export { compareMethods } from './pipeline/compare-methods.js';
