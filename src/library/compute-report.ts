/**
 * The library's `computeReport`: the pipeline's, with every option defaulted as the CLI does
 * (`report-options.ts`). `computeReport([{ file: 'wallet.csv', text }])` is `taxlot report
 * wallet.csv` without the files written.
 */
import { computeReport as runPipeline, type InputFile, type ReportData } from '../pipeline/compute-report.js';
import type { PricedEvent } from '../pricing/price-events.js';
import { reportOptions, type ReportOptionsInput } from './report-options.js';

export function computeReport(
  inputs: readonly InputFile[],
  options: ReportOptionsInput = {},
  onHistory?: (priced: readonly PricedEvent[]) => void,
): ReportData {
  return runPipeline(inputs, reportOptions(options), onHistory);
}
