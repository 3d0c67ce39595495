/**
 * `taxlot report --year 2019-2025` / `--year all`: one booking pass, one complete report folder
 * per year inside `--out` (`<out>/2019/`, … each exactly what `--year 2019` writes into its own
 * `--out`), and `<out>/index.csv`, a line per year. The whole `--out` is locked, staged and
 * swapped in as one folder (report-folder.ts), so it never mixes two runs.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportData } from '../pipeline/compute-report.js';
import type { YearSpan } from '../pipeline/compute-years.js';
import type { PricedEvent } from '../pricing/price-events.js';
import type { ProgressSink } from '../pipeline/progress.js';
import type { OutputProducer } from '../report/output-stream.js';
import { renderHistoryFile, renderOutputStreams, REPORT_FILES } from '../report/render-outputs.js';
import { withDiagnosticCounts, type Summary } from '../model/summary.js';
import { computeYearsWithPrices } from './compute-years-with-prices.js';
import { assertSafeOutput, physicalPath, readInputs } from './io.js';
import { acquireOutputLock } from './output-lock.js';
import { toPresentation, toPriceProvider, toReadOptions, type toReportOptions } from './options.js';
import { assertReplaceable, writeFolderAtomically } from './report-folder.js';
import { trackInputs } from './tracked-inputs.js';
import { renderYearsIndexCsv, YEARS_INDEX_FILE, type YearLine } from './years-index.js';
import type { ReportArgs } from './report-args.js';

/** One year's report as written into `<out>/<year>/`. */
export interface WrittenYear {
  readonly data: ReportData;
  /** summary.json as written (diagnostic counts include every stage). */
  readonly summary: Summary;
  readonly diagnostics: readonly Diagnostic[];
  /** Files of the year's folder. */
  readonly written: readonly string[];
}

export interface YearsFolder {
  readonly years: readonly WrittenYear[];
  /** When nothing could be read: nothing was written. */
  readonly nothingRead: boolean;
  /** Entries of `--out` taxlot did not write, carried into the new folder. */
  readonly kept: readonly string[];
}

/**
 * Compute every year of `span` in one pass and write `args.out` as a whole.
 * @throws {UsageError} when the output folder would overwrite an input, or an input is unreadable
 * @throws {OutputError} when another run holds the folder, or it cannot be written
 * @throws {Interrupted} on SIGINT/SIGTERM while writing
 */
export async function writeYearsFolder(
  args: ReportArgs,
  converted: ReturnType<typeof toReportOptions>,
  span: YearSpan,
  paths: readonly string[],
  track: (outputs: ReadonlyMap<string, OutputProducer>, progress: ProgressSink) => Map<string, OutputProducer>,
  progress?: ProgressSink,
): Promise<YearsFolder> {
  const placement = { inputFolders: args.inputs, allowInsideInputs: args['allow-out-inside-inputs'] === true };
  assertSafeOutput(args.out, paths, [YEARS_INDEX_FILE], placement);
  const realOut = physicalPath(args.out);
  assertReplaceable(realOut, args.out);
  const lock = await acquireOutputLock(realOut, args.out, 'report');
  try {
    const inputs = trackInputs(readInputs(paths, toReadOptions(args)), paths, progress);
    const options = progress ? { ...converted.options, progress } : converted.options;
    // the transactions file is the whole history, the same in every year's folder: rendered once
    let historyFile: readonly Uint8Array[] = [];
    const onHistory = (priced: readonly PricedEvent[]): void => {
      progress?.({ phase: 'prepare', what: `the transactions file (${priced.length} events)` });
      historyFile = [];
      historyFile = renderHistoryFile(priced, options);
    };
    const { data, providerDiagnostics } = await computeYearsWithPrices(inputs, options, span, toPriceProvider(args), onHistory);
    progress?.({ phase: 'prepare', what: 'the report files' });
    const presentation = { pdf: args.pdf, historyFile, ...toPresentation(args) };
    const outputs = new Map<string, OutputProducer>();
    const years: WrittenYear[] = data.years.map((year) => {
      const diagnostics = [...converted.diagnostics, ...providerDiagnostics, ...year.diagnostics];
      const summary = withDiagnosticCounts(year.summary, diagnostics);
      const files = year.nothingRead ? new Map<string, OutputProducer>() : renderOutputStreams({ ...year, diagnostics, summary }, presentation);
      for (const [name, produce] of files) outputs.set(`${year.taxYear}/${name}`, produce);
      return { data: year, summary, diagnostics, written: [...files.keys()] };
    });
    if (years[0]!.data.nothingRead) return { years, nothingRead: true, kept: [] };
    const lines: YearLine[] = years.map((y) => ({ summary: y.summary, diagnostics: y.diagnostics, folder: `${y.data.taxYear}/` }));
    outputs.set(YEARS_INDEX_FILE, () => [renderYearsIndexCsv(lines)]);
    assertSafeOutput(args.out, paths, [...outputs.keys(), ...REPORT_FILES], placement);
    const { kept } = await writeFolderAtomically(realOut, args.out, progress ? track(outputs, progress) : outputs, { prime: false });
    return { years, nothingRead: false, kept };
  } finally {
    lock.release();
  }
}

/** Each diagnostic once, across the years (most come from the files and are the same in every year). */
export function distinctDiagnostics(years: readonly WrittenYear[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of years.flatMap((y) => y.diagnostics)) {
    const key = [d.severity, d.code, d.file ?? '', d.source?.line ?? '', d.message].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
