/**
 * `taxlot report --year 2019-2025` / `--year all` on the terminal: the checks, the run
 * (report-years.ts) and the answer — one line for the run, then one line per year with its
 * figures and status, and where the index is.
 */
import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../diagnostics/format-diagnostic.js';
import { formatMethodSchedule } from '../../engine/method-schedule.js';
import type { YearSpan } from '../../pipeline/compute-years.js';
import { answerFigures, countByCode, diagnosticJsonLine, paintDiagnostics, visibleJson } from '../answer.js';
import { UsageError } from '../errors.js';
import type { toReportOptions } from '../options.js';
import { distinctDiagnostics, writeYearsFolder } from '../report-years.js';
import type { CommandResult, RunContext } from '../result.js';
import { yearStatus, YEARS_INDEX_FILE } from '../years-index.js';
import type { ReportArgs } from '../report-args.js';
import type { ProgressSink } from '../../pipeline/progress.js';
import type { OutputProducer } from '../../report/output-stream.js';

/**
 * What a multi-year run cannot do (yet): UK tax years (the UK matcher computes one year per
 * pass), and `--compare-methods` (three more passes per year).
 * @throws {UsageError}
 */
export function assertYearsAllowed(args: ReportArgs, jurisdiction: string | undefined): void {
  const asked = `--year ${String(args.year)}`;
  if (jurisdiction === 'uk') throw new UsageError(`${asked}: several tax years in one run are US rules only for now; with --jurisdiction uk run one --year per tax year`);
  if (args['compare-methods']) throw new UsageError(`${asked}: --compare-methods compares one tax year; run it with a single --year`);
}

export async function runYears(
  args: ReportArgs,
  converted: ReturnType<typeof toReportOptions>,
  span: YearSpan,
  paths: readonly string[],
  ctx: RunContext,
  track: (outputs: ReadonlyMap<string, OutputProducer>, progress: ProgressSink) => Map<string, OutputProducer>,
): Promise<CommandResult> {
  let folder: Awaited<ReturnType<typeof writeYearsFolder>>;
  try {
    folder = await writeYearsFolder(args, converted, span, paths, track, ctx.progress);
  } finally {
    ctx.clearProgress();
  }
  const all = distinctDiagnostics(folder.years);
  const stderr = args.json
    ? all.filter((d) => args.verbose || d.severity !== 'note').map(diagnosticJsonLine).join('\n')
    : paintDiagnostics(formatDiagnostics(args.quiet ? all.filter((d) => d.severity === 'error') : all, { max: args['max-diagnostics'], includeNotes: args.verbose }), ctx.paintErr);
  if (folder.nothingRead) {
    const why = 'nothing could be read (no input in a known format); no report written';
    return args.json ? { exitCode: 2, stderr, stdout: visibleJson({ exitCode: 2, error: why }) } : { exitCode: 2, stderr: `${stderr}\ntaxlot: ${why}`, stdout: '' };
  }
  const exitCode = folder.years.some((y) => countBySeverity(y.diagnostics).errors > 0) ? 1 : 0;
  const years = folder.years.map((y) => y.data.taxYear);
  if (args.json) {
    return {
      exitCode,
      stderr,
      stdout: visibleJson({
        exitCode,
        out: args.out,
        written: [YEARS_INDEX_FILE, ...years.map((y) => `${y}/`)],
        years: folder.years.map((y) => ({
          taxYear: y.summary['taxYear'],
          status: yearStatus(y.diagnostics),
          currency: y.summary['currency'],
          method: y.summary['method'],
          ...Object.fromEntries(answerFigures(y.summary).map((f) => [f.key, f.value])),
          errors: Object.fromEntries(countByCode(y.diagnostics, 'error')),
          warnings: Object.fromEntries(countByCode(y.diagnostics, 'warning')),
          report: `${y.data.taxYear}/`,
          written: y.written,
        })),
      }),
    };
  }
  const counts = countBySeverity(all);
  const i = folder.years[0]!.data.inputs;
  const { options } = converted;
  const named = years.length === 1 ? `tax year ${years[0]}` : `tax years ${years[0]}–${years[years.length - 1]} (${years.length} reports)`;
  const line =
    `taxlot: ${i.files} file${i.files === 1 ? '' : 's'}, ${i.rows} rows (${i.imported} imported, ${i.skipped} skipped, ${i.rejected} rejected); ` +
    `${named}, ${options.methodSchedule ? formatMethodSchedule(options.methodSchedule) : options.method}; ${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}; ` +
    `wrote ${args.out}/ (${YEARS_INDEX_FILE}, ${years.length === 1 ? `${years[0]}/` : `${years[0]}/ … ${years[years.length - 1]}/`})` +
    (folder.kept.length > 0 ? `; kept ${folder.kept.join(', ')} (not written by taxlot, not part of this report)` : '');
  if (args.quiet) return { exitCode, stdout: line, stderr };
  const currency = String(folder.years[0]!.summary['currency'] ?? '');
  const table = folder.years.map((y) => {
    const f = Object.fromEntries(answerFigures(y.summary).map((x) => [x.key, x.value]));
    const status = yearStatus(y.diagnostics);
    const painted = status === 'errors' ? ctx.paint('red', status) : status === 'warnings' ? ctx.paint('yellow', status) : ctx.paint('green', status);
    return { year: String(y.data.taxYear), net: f['net'] ?? '', short: f['shortTerm'] ?? '', long: f['longTerm'] ?? '', income: f['income'] ?? '', painted };
  });
  const w = (k: 'net' | 'short' | 'long' | 'income', title: string) => Math.max(title.length, ...table.map((r) => r[k].length));
  const widths = { net: w('net', 'net'), short: w('short', 'short-term'), long: w('long', 'long-term'), income: w('income', 'income') };
  const lines = [
    `  year  ${'net'.padStart(widths.net)}  ${'short-term'.padStart(widths.short)}  ${'long-term'.padStart(widths.long)}  ${'income'.padStart(widths.income)}  (${currency})`,
    ...table.map((r) => `  ${r.year}  ${r.net.padStart(widths.net)}  ${r.short.padStart(widths.short)}  ${r.long.padStart(widths.long)}  ${r.income.padStart(widths.income)}  ${r.painted}`),
    `  reports: ${ctx.paint('bold', `${args.out}/<year>/`)} (each year's figures in ${args.out}/${YEARS_INDEX_FILE}, its diagnostics in ${args.out}/<year>/diagnostics.txt)`,
  ];
  return { exitCode, stdout: `${line}\n${lines.join('\n')}`, stderr };
}
