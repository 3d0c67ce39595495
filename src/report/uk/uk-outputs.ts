/**
 * The files of a UK report folder (pure): summary.json, the UK CSVs, income.csv and
 * diagnostics.txt, report.pdf. The US files (Form 8949, tax-software exports, lots) are not written.
 */
import { formatDiagnostic, sortDiagnostics } from '../../diagnostics/format-diagnostic.js';
import type { ReportData } from '../../pipeline/compute-report.js';
import { renderIncomeCsv } from '../csv/income-csv.js';
import { fixedOutput, type OutputProducer } from '../output-stream.js';
import { renderUkPdfChunks } from '../pdf/uk-pdf.js';
import { renderSummaryJson } from '../summary-json.js';
import { ukTaxYearRange } from '../../jurisdictions/uk/tax-year.js';
import { renderUkDisposalsCsv, renderUkPoolsCsv, renderUkSa108Csv, UK_DISPOSALS_FILE, UK_POOLS_FILE, UK_SA108_FILE } from './uk-csv.js';
import type { UkReport } from '../../jurisdictions/uk/uk-summary.js';

export const UK_REPORT_FILES = [UK_DISPOSALS_FILE, UK_POOLS_FILE, UK_SA108_FILE] as const;

/** What of the render options the UK folder uses: the PDF switch and the label printed on it. */
export interface UkRenderOptions {
  readonly pdf?: boolean;
  readonly label?: string;
}

export function renderUkOutputStreams(data: ReportData, uk: UkReport, options: UkRenderOptions = {}): Map<string, OutputProducer> {
  const files = new Map<string, OutputProducer>();
  files.set('summary.json', fixedOutput(renderSummaryJson(data.summary)));
  files.set(UK_DISPOSALS_FILE, () => [renderUkDisposalsCsv(uk.year.disposals)]);
  files.set(UK_POOLS_FILE, () => [renderUkPoolsCsv(uk.year.pools, ukTaxYearRange(uk.year.taxYear).end)]);
  files.set(UK_SA108_FILE, () => [renderUkSa108Csv(uk.year.taxYear, uk.totals)]);
  files.set('income.csv', () => [renderIncomeCsv(data.income)]);
  files.set('diagnostics.txt', () => {
    const diagnostics = sortDiagnostics(data.diagnostics).map(formatDiagnostic).join('\n');
    return [diagnostics === '' ? 'no diagnostics\n' : `${diagnostics}\n`];
  });
  if (options.pdf ?? true) files.set('report.pdf', () => renderUkPdfChunks(data, uk, options.label));
  return files;
}
