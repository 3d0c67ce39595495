/** `taxlot report <input...>`: compute the tax year and write the report folder. */
import type { Argv } from 'yargs';
import { countBySeverity, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../diagnostics/format-diagnostic.js';
import type { ReportData } from '../../pipeline/compute-report.js';
import { REPORT_FILES, renderOutputStreams } from '../../report/render-outputs.js';
import { turbotaxTransactionsChunksInOrder } from '../../report/exports/turbotax-transactions-csv.js';
import { loadTemplates } from '../../report/templates.js';
import type { HistoryUse } from '../../pipeline/compute-report.js';
import type { SpillRun, SpillStore } from '../../pipeline/spill-store.js';
import { createSpillFiles } from '../spill-files.js';
import { createParallelImport } from '../import-thread.js';
import { withDiagnosticCounts, type Summary } from '../../model/summary.js';
import { assertSafeOutput, collectInputs, physicalPath, readInputs } from '../io.js';
import { acquireOutputLock } from '../output-lock.js';
import { assertReplaceable, writeFolderAtomically } from '../report-folder.js';
import { UsageError } from '../errors.js';
import { computeReportWithPrices } from '../compute-with-prices.js';
import {
  COMPUTE_OPTIONS, INPUT_OPTIONS, PRESENTATION_OPTIONS, PRICE_PROVIDER_OPTIONS, toPresentation, toPriceProvider, toReadOptions, toReportOptions,
} from '../options.js';
import type { ReportArgs } from '../report-args.js';

export type { ReportArgs } from '../report-args.js';
import { PLAIN_CONTEXT, type CommandResult, type RunContext, type TaxlotCommand } from '../result.js';
import type { ProgressSink } from '../../pipeline/progress.js';
import { trackInputs } from '../tracked-inputs.js';
import { trackOutputs } from '../tracked-outputs.js';
import { answerJson, collapseFileList, diagnosticJsonLine, formatAnswer, paintDiagnostics, visibleJson } from '../answer.js';
import { formatMethodSchedule } from '../../engine/method-schedule.js';
import { ukTaxYearLabel } from '../../jurisdictions/uk/tax-year.js';
import { compareMethods, methodsSummary } from '../../pipeline/compare-methods.js';
import { assertYearsAllowed, runYears } from './report-years-answer.js';

/** What one report run produced; `written` is empty when nothing could be read. */
export interface ReportFolder {
  /** The report's data, its `priced` history empty: only its one output was made from it (see computeDetached). */
  readonly data: ReportData;
  /** The summary as written to summary.json (diagnostic counts include every stage). */
  readonly summary: Summary;
  readonly diagnostics: readonly Diagnostic[];
  readonly written: readonly string[];
  /** Entries of the folder that taxlot did not write, carried into the new folder unchanged. */
  readonly kept: readonly string[];
}

/**
 * Compute one set of inputs and write the report folder `args.out`: the one function behind
 * `taxlot report` and each client of `taxlot batch`, so both write the same bytes. The folder is
 * locked against a second run from the start, and replaced as a whole at the end
 * (report-folder.ts); when nothing could be read it is left as it was.
 * @throws {UsageError} when the output folder would overwrite an input, or an input is unreadable
 * @throws {OutputError} when another run holds the folder, or the report cannot be written
 * @throws {Interrupted} on SIGINT/SIGTERM while writing
 */
export async function writeReportFolder(
  args: ReportArgs,
  converted: ReturnType<typeof toReportOptions>,
  paths: readonly string[],
  progress?: ProgressSink,
): Promise<ReportFolder> {
  const placement = { inputFolders: args.inputs, allowInsideInputs: args['allow-out-inside-inputs'] === true };
  assertSafeOutput(args.out, paths, REPORT_FILES, placement);
  const realOut = physicalPath(args.out);
  assertReplaceable(realOut, args.out);
  const lock = await acquireOutputLock(realOut, args.out, 'report');
  const spill = createSpillFiles();
  try {
    const readOptions = toReadOptions(args);
    const read = readInputs(paths, readOptions);
    const inputs = trackInputs(read, paths, progress);
    // the largest file that cannot overlap another is imported in a thread of its own meanwhile
    const parallelImport = createParallelImport({ paths, readOptions, now: converted.now, spill, progress, names: read.map((f) => f.file) });
    const options = { ...converted.options, ...(progress ? { progress } : {}), ...(parallelImport ? { parallelImport } : {}) };
    const { data, historyFile, providerDiagnostics } = await computeDetached(inputs, options, toPriceProvider(args), spill, progress);
    progress?.({ phase: 'prepare', what: 'the report files' });
    const diagnostics = [...converted.diagnostics, ...providerDiagnostics, ...data.diagnostics];
    // lot methods are a US choice: UK matching has none to compare
    const methods = args['compare-methods'] && !data.nothingRead && !data.uk ? compareMethods(inputs, data) : undefined;
    const counted = withDiagnosticCounts(data.summary, diagnostics);
    const summary = methods ? { ...counted, methods: methodsSummary(methods) } : counted;
    if (data.nothingRead) return { data, summary, diagnostics, written: [], kept: [] };
    const outputs = renderOutputStreams({ ...data, diagnostics, summary }, { pdf: args.pdf, historyFile, ...toPresentation(args), ...(methods ? { methods } : {}) });
    assertSafeOutput(args.out, paths, [...outputs.keys()], placement);
    const { kept } = await writeFolderAtomically(realOut, args.out, progress ? trackOutputs(outputs, progress) : outputs);
    return { data, summary, diagnostics, written: [...outputs.keys()], kept };
  } finally {
    spill.dispose();
    lock.release();
  }
}

/**
 * The report's data, and `turbotax-transactions.csv` rendered as the history streams through the
 * engine, into a temporary file of `spill` (so are the history's sorted runs): nothing of the
 * history is kept in memory, and the file is copied into the report folder with the others.
 */
async function computeDetached(
  inputs: Parameters<typeof computeReportWithPrices>[0],
  options: Parameters<typeof computeReportWithPrices>[1],
  provider: Parameters<typeof computeReportWithPrices>[2],
  spill: SpillStore,
  progress?: ProgressSink,
): Promise<{ data: ReportData; historyFile: Iterable<string | Uint8Array>; providerDiagnostics: readonly Diagnostic[] }> {
  // with a price provider the report may be computed twice: the file of the last computation is kept
  let run: SpillRun | undefined;
  const layout = loadTemplates('us').exports.turbotaxTransactions;
  const history = (): HistoryUse => {
    run?.remove();
    const into = spill.create();
    run = into;
    progress?.({ phase: 'prepare', what: 'the transactions file' });
    return { render: (sorted) => turbotaxTransactionsChunksInOrder(sorted, options, layout), into };
  };
  const { data, providerDiagnostics } = await computeReportWithPrices(inputs, { ...options, spill }, provider, history);
  const written = run;
  // the file's bytes as they are on disk when the store has them, not decoded and encoded again
  const read = (r: SpillRun): Iterable<string | Uint8Array> => (r.readBytes ? r.readBytes() : r.read());
  return { data, historyFile: written ? { [Symbol.iterator]: () => read(written)[Symbol.iterator]() } : [], providerDiagnostics };
}

export async function runReport(args: ReportArgs, ctx: RunContext = PLAIN_CONTEXT): Promise<CommandResult> {
  const converted = toReportOptions(args, { spans: true });
  const { options, span } = converted;
  if (args['compare-methods'] && options.jurisdiction === 'uk') throw new UsageError('--compare-methods compares US lot methods: UK share pooling has no method to choose');
  if (span) assertYearsAllowed(args, options.jurisdiction);
  const paths = collectInputs(args.inputs, [args.out]);
  if (paths.length === 0) return { exitCode: 2, stderr: `taxlot: no CSV files found in ${args.inputs.join(', ')}`, stdout: '' };
  if (span) return runYears(args, converted, span, paths, ctx, trackOutputs);
  let folder: ReportFolder;
  try {
    folder = await writeReportFolder(args, converted, paths, ctx.progress);
  } finally {
    ctx.clearProgress();
  }
  const { data, diagnostics: all, written, summary, kept } = folder;
  const stderr = args.json
    ? all.filter((d) => args.verbose || d.severity !== 'note').map(diagnosticJsonLine).join('\n')
    : paintDiagnostics(formatDiagnostics(args.quiet ? all.filter((d) => d.severity === 'error') : all, { max: args['max-diagnostics'], includeNotes: args.verbose }), ctx.paintErr);
  if (data.nothingRead) {
    const why = 'nothing could be read (no input in a known format); no report written';
    return args.json
      ? { exitCode: 2, stderr, stdout: visibleJson({ exitCode: 2, error: why }) }
      : { exitCode: 2, stderr: `${stderr}\ntaxlot: ${why}`, stdout: '' };
  }
  const counts = countBySeverity(all);
  const exitCode = counts.errors > 0 ? 1 : 0;
  if (args.json) return { exitCode, stderr, stdout: answerJson({ summary, diagnostics: all, out: args.out, written, kept, exitCode }) };
  const i = data.inputs;
  const line =
    `taxlot: ${i.files} file${i.files === 1 ? '' : 's'}, ${i.rows} rows (${i.imported} imported, ${i.skipped} skipped, ${i.rejected} rejected); ` +
    `${data.uk ? `UK tax year ${ukTaxYearLabel(data.taxYear)}, HMRC share pooling` : `tax year ${data.taxYear}, ${options.methodSchedule ? formatMethodSchedule(options.methodSchedule) : options.method}`}; ${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}; ` +
    `wrote ${args.out}/ (${collapseFileList(written).join(', ')})` +
    (kept.length > 0 ? `; kept ${kept.join(', ')} (not written by taxlot, not part of this report)` : '');
  const stdout = args.quiet ? line : `${line}\n${formatAnswer({ summary, diagnostics: all, out: args.out, written }, ctx.paint)}`;
  return { exitCode, stdout, stderr };
}

export const reportCommand: TaxlotCommand<ReportArgs> = {
  command: 'report <inputs...>',
  describe: 'compute gains, income and open lots for a tax year and write the report folder',
  builder: (y) =>
    (y as Argv<object>)
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'CSV files and/or folders (read recursively)' })
      .options(INPUT_OPTIONS)
      .options(COMPUTE_OPTIONS)
      .options(PRICE_PROVIDER_OPTIONS)
      .options(PRESENTATION_OPTIONS)
      .options({
        out: {
          type: 'string',
          alias: 'o',
          default: 'taxlot-report',
          describe: 'output folder (created if missing, replaced as a whole at the end, your own files in it kept; never inside a folder given as input unless --allow-out-inside-inputs)',
          group: 'Output:',
        },
        'allow-out-inside-inputs': {
          type: 'boolean',
          default: false,
          describe: 'allow --out to be inside a folder given as input (its report files are never read back as inputs)',
          group: 'Output:',
        },
        pdf: { type: 'boolean', default: true, describe: 'write the PDF report, report.pdf (--no-pdf to skip it: the PDF is the slow part on huge histories)', group: 'Output:' },
        'max-diagnostics': { type: 'number', default: 50, describe: 'diagnostics printed to stderr (all are in diagnostics.txt)', group: 'Output:' },
        'compare-methods': {
          type: 'boolean',
          default: false,
          describe: 'also compute the tax year under FIFO, LIFO and HIFO: methods.csv, a PDF page, summary.json "methods"',
          group: 'Tax rules:',
        },
      })
      .example('$0 report exports/ -o report-2024 -y 2024', 'every CSV under exports/, tax year 2024, into report-2024/')
      .example('$0 report coinbase.csv kraken.csv -m hifo --prices prices.csv', 'HIFO, with a price table for rows without a value')
      .example('$0 report exports/ -y 2019-2025 -o amended', 'seven tax years from one pass: amended/2019/ … amended/2025/, amended/index.csv')
      .example('$0 report exports/ -y all -o every-year', 'a report folder for every year with a disposal or income')
      .example('$0 report exports/ --json 2> diagnostics.jsonl | jq .net', 'for scripts: the answer as JSON on stdout, diagnostics as JSON Lines on stderr') as unknown as Argv<ReportArgs>,
  run: runReport,
};
