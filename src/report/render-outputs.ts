/**
 * Every file of a report folder, rendered as streams of chunks (pure). The CLI writes them.
 * Same input → same bytes: no clock, no machine-dependent ordering.
 */
import { formatDiagnosticWithOverride, sortDiagnostics } from '../diagnostics/format-diagnostic.js';
import type { ReportData } from '../pipeline/compute-report.js';
import type { PricedEvent } from '../pricing/price-events.js';
import { form8949CsvChunks } from './csv/form8949-csv.js';
import { renderHoldingsCsv } from './csv/holdings-csv.js';
import { renderIncomeCsv } from './csv/income-csv.js';
import { renderOpenLotsCsv } from './csv/open-lots-csv.js';
import { renderDerivativesCsv } from './csv/derivatives-csv.js';
import { renderDerivativesReconciliationCsv } from './csv/derivatives-reconciliation-csv.js';
import { renderLiabilitiesCsv } from './csv/liabilities-csv.js';
import { renderMarginInterestCsv } from './csv/margin-interest-csv.js';
import { ALLOCATION_FILE, renderAllocationCsv } from './csv/allocation-csv.js';
import { REMOVALS_FILE, renderRemovalsCsv } from './csv/removals-csv.js';
import { allocationForYear } from './allocation.js';
import { removalRows } from './removals.js';
import { AUDIT_TRAIL_FILE, auditTrailChunks } from './exports/audit-trail-csv.js';
import { taxActChunks, TAXACT_FILE } from './exports/taxact-csv.js';
import { turbotaxGainsParts } from './exports/turbotax-gains-csv.js';
import { TURBOTAX_TRANSACTIONS_FILE, turbotaxTransactionsChunks, type TransactionsReport } from './exports/turbotax-transactions-csv.js';
import { countTxfIncomplete, TXF_FILE, txfChunks } from './exports/txf.js';
import { buildForm8949Lines, type Form8949Line } from './form8949-lines.js';
import { fixedOutput, joinOutput, type Chunk, type OutputProducer } from './output-stream.js';
import { renderPdfChunks } from './pdf/render-pdf.js';
import { methodOn } from '../engine/method-schedule.js';
import type { MethodComparison } from '../pipeline/compare-methods.js';
import { renderMethodsCsv } from './csv/methods-csv.js';
import type { Disposal } from '../model/disposal.js';
import { RECONCILIATION_FILE, reconciliationCsvChunks } from './form1099da/reconciliation-csv.js';
import { reportDate } from './report-date.js';
import { loadTemplates, type ReportTemplates } from './templates.js';
import { OVERRIDES_APPLIED_FILE, renderOverridesAppliedCsv } from './csv/overrides-applied-csv.js';
import { HTML_FILE, reportHtmlChunks } from './html/report-html.js';
import { renderUkOutputStreams } from './uk/uk-outputs.js';
import { MANIFEST_NAME, OUTPUT_FILES } from './output-files.js';
import { renderSummaryJson } from './summary-json.js';

export const PDF_FILE = 'report.pdf';

/** Written only with `--compare-methods`. */
export const METHODS_FILE = 'methods.csv';

/**
 * The names a report folder may hold, from the output registry (output-files.ts) less the manifest
 * the folder writer adds (the TurboTax gains file may instead be split into numbered parts,
 * `turbotax-gains-1.csv`, ...: see `renderOutputs`' keys for the exact list of a run).
 */
export const REPORT_FILES: readonly string[] = OUTPUT_FILES.filter((f) => f.name !== MANIFEST_NAME).map((f) => f.name);

/**
 * True for a name taxlot writes into a report folder (including the numbered TurboTax parts), so
 * a re-run can remove what it wrote last time and does not write now — never any other file.
 */
export function isReportFileName(name: string): boolean {
  return REPORT_FILES.includes(name) || /^turbotax-gains-\d+\.csv$/.test(name);
}

export interface RenderOptions {
  /** Write the PDF (default true; `--no-pdf` turns it off). */
  readonly pdf?: boolean;
  /** `--label`: taxpayer or client name printed on the PDF. */
  readonly label?: string;
  /** Form 8949 lines per box above which the PDF uses a code-M summary line (default: template). */
  readonly summaryThreshold?: number;
  /** Templates (default: the package's US templates). */
  readonly templates?: ReportTemplates;
  /**
   * `turbotax-transactions.csv`, already rendered by `renderHistoryFile` from the priced history
   * when it was complete (the CLI, through `computeReport`'s `onHistory`), so that the history did
   * not have to outlive the engine. Default: rendered here from `data.priced`.
   */
  readonly historyFile?: Iterable<Chunk>;
  /** `--compare-methods`: methods.csv and a PDF page (summary.json's block is the caller's). */
  readonly methods?: MethodComparison;
}

/**
 * The one report file made from the whole priced history (`turbotax-transactions.csv`), as UTF-8
 * bytes: a compact copy (~100 MB for a million events, against ~700 MB for the history itself)
 * that can wait for the other files while the history is let go.
 */
export function renderHistoryFile(history: readonly PricedEvent[], report: TransactionsReport, templates: ReportTemplates = loadTemplates('us')): Uint8Array[] {
  const utf8 = new TextEncoder();
  return Array.from(turbotaxTransactionsChunks(history, report, templates.exports.turbotaxTransactions), (chunk) => utf8.encode(chunk));
}

/**
 * Every file of the report folder, each whole in memory (for tests and library users; the CLI
 * streams `renderOutputStreams` instead). Text files are strings, the PDF is bytes.
 */
export function renderOutputs(data: ReportData, options: RenderOptions = {}): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  for (const [name, produce] of renderOutputStreams(data, options)) files.set(name, joinOutput(produce));
  return files;
}

/**
 * Every file of the report folder as a producer of chunks, in the order they are written: nothing
 * is rendered until a producer is called, so a writer holds one file's chunk at a time. The Form
 * 8949 lines (with their values formatted once) are built here and shared by every file.
 */
export function renderOutputStreams(data: ReportData, options: RenderOptions = {}): Map<string, OutputProducer> {
  if (data.uk) return renderUkOutputStreams(data, data.uk, options);
  const t = options.templates ?? loadTemplates('us');
  const files = new Map<string, OutputProducer>();
  let built: Form8949Line[] | undefined;
  const lines = (): Form8949Line[] => (built ??= buildForm8949Lines(data.taxYear, data.disposals, data.form1099da.lines));
  const lineCount = data.disposals.reduce((n, d) => n + d.slices.length, 0);
  files.set('summary.json', fixedOutput(renderSummaryJson(data.summary)));
  const historyFile = options.historyFile;
  files.set(TURBOTAX_TRANSACTIONS_FILE, historyFile ? () => historyFile : () => turbotaxTransactionsChunks(data.priced, data.options, t.exports.turbotaxTransactions));
  const schedule = data.options.methodSchedule;
  // derivative positions are not lots: no lot method applies to them
  const methodOf = schedule ? (d: Disposal): string => (d.kind === 'derivative' ? '' : methodOn(schedule, d.date)) : undefined;
  files.set('form8949.csv', () => form8949CsvChunks(data.disposals, lines(), methodOf));
  files.set('income.csv', () => [renderIncomeCsv(data.income)]);
  files.set('open-lots.csv', () => [renderOpenLotsCsv(data.yearEndLots, data.yearEnd.lots)]);
  files.set('holdings.csv', () => [renderHoldingsCsv(data.yearEnd)]);
  if (data.derivatives.present) {
    const year = data.derivativesYear;
    files.set('derivatives.csv', () => [renderDerivativesCsv(year.lines)]);
    files.set('derivatives-reconciliation.csv', () => [renderDerivativesReconciliationCsv(year.lines, data.options.currency)]);
    files.set('liabilities.csv', () => [renderLiabilitiesCsv(year.liabilities)]);
    files.set('margin-interest.csv', () => [renderMarginInterestCsv(year.interest)]);
  }
  const methods = options.methods;
  if (methods) files.set(METHODS_FILE, () => [renderMethodsCsv(methods)]);
  // written only when a Form 1099-DA input was given (src/jurisdictions/us/form1099da/README.md)
  if (data.form1099da.given) files.set(RECONCILIATION_FILE, () => reconciliationCsvChunks(data.form1099da, lines()));
  const removals = removalRows(data.gains.removals, data.taxYear);
  if (removals.length > 0) files.set(REMOVALS_FILE, () => [renderRemovalsCsv(removals)]);
  const allocation = allocationForYear(data.gains.allocation, data.taxYear);
  if (allocation) files.set(ALLOCATION_FILE, () => [renderAllocationCsv(allocation)]);
  files.set('diagnostics.txt', () => {
    const diagnostics = sortDiagnostics(data.diagnostics).map(formatDiagnosticWithOverride).join('\n');
    return [diagnostics === '' ? 'no diagnostics\n' : `${diagnostics}\n`];
  });

  const gains = turbotaxGainsParts(lineCount, lines, t.exports.turbotaxGains);
  for (const f of gains) files.set(f.name, f.produce);
  files.set(TAXACT_FILE, () => taxActChunks(lines(), t.exports.taxact));
  files.set(TXF_FILE, () => txfChunks(lines(), t.exports.txf, reportDate(data.taxYear)));
  files.set(AUDIT_TRAIL_FILE, () => auditTrailChunks(lines(), t.exports.auditTrail, data.overridesApplied));
  // with --overrides: what each override changed (also in report.html and the PDF)
  if (data.options.overrides?.file) files.set(OVERRIDES_APPLIED_FILE, () => [renderOverridesAppliedCsv(data.overridesApplied)]);
  files.set(HTML_FILE, () => reportHtmlChunks(data, lines()));
  if (options.pdf ?? true) {
    const names = [...files.keys()];
    files.set(PDF_FILE, () => renderPdfChunks({
      data,
      lines: lines(),
      exports: {
        files: names,
        turbotaxGainsFiles: gains.map((f) => f.name),
        turbotaxMaxRows: t.exports.turbotaxGains.maxRows,
        taxactMaxRows: t.exports.taxact.maxRows,
        txfRefnums: t.exports.txf.refnums,
        txfIncomplete: countTxfIncomplete(lines()),
      },
      report: t.report,
      form8949: t.form8949,
      ...(options.label !== undefined ? { label: options.label } : {}),
      ...(options.summaryThreshold !== undefined ? { summaryThreshold: options.summaryThreshold } : {}),
      ...(methods ? { methods } : {}),
    }));
  }
  return files;
}
