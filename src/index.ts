/**
 * taxlot as a library: the same pure pipeline the CLI runs, for scripts and other tools.
 *
 * @example
 * import { computeReport, renderOutputs, ALL_IMPORTERS } from 'taxlot';
 * const data = computeReport([{ file: 'wallet.csv', text }], options);
 * const files = renderOutputs(data); // Map<file name, bytes>
 */
export { computeReport, type InputFile, type ReportData, type ReportOptions } from './pipeline/compute-report.js';
export { computeGains, type BookingPolicy, type GainsResult } from './engine/compute-gains.js';
export { BOOKING_METHODS, type BookingMethod } from './engine/booking-methods.js';
export { matchTransfers, DEFAULT_TRANSFER_MATCHING } from './engine/match-transfers.js';
export { ALL_IMPORTERS, findImporter } from './importers/index.js';
export { importFile, type FileImport } from './importers/import-file.js';
export { withRowGuards, type RowGuardOptions } from './importers/row-guards.js';
export { defineImporter, type Importer } from './importers/importer-spec.js';
export { createPriceBook, type PricePoint } from './pricing/price-book.js';
export { priceEvents } from './pricing/price-events.js';
export { limitCapitalLoss } from './report/capital-loss.js';
export { renderOutputs, REPORT_FILES } from './report/render-outputs.js';
export { formatDiagnostic } from './diagnostics/format-diagnostic.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export type { LedgerEvent } from './model/ledger-event.js';
export { Dec } from './model/decimal.js';
