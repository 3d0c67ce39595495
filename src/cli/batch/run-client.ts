/**
 * One client, start to finish: the same option conversion and the same report writer as
 * `taxlot report`, then a status for the index. It never throws: a usage problem (bad options,
 * an unreadable file), a write fault (a full disk, a folder locked by another run) or a bug
 * becomes that client's `failed` outcome, so one client can never stop the batch — only a
 * signal does. Runs in the main thread (`--jobs 1`) or in a worker (`client-worker.ts`).
 */
import { resolve, sep } from 'node:path';
import { countBySeverity, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { writeReportFolder } from '../commands/report.js';
import type { ReportArgs } from '../report-args.js';
import { Interrupted, OutputError, UsageError } from '../errors.js';
import { toReportOptions } from '../options.js';
import type { ClientOutcome } from './index-row.js';
import { topProblem } from './top-problem.js';
import type { YearSpan } from '../../pipeline/compute-years.js';
import { distinctDiagnostics, writeYearsFolder } from '../report-years.js';
import { assertYearsAllowed } from '../commands/report-years-answer.js';
import { YEARS_INDEX_FILE } from '../years-index.js';
import type { Summary } from '../../model/summary.js';

/** Everything a worker needs for one client; plain data (structured-clone safe). */
export interface ClientJob {
  /** The arguments `taxlot report` would receive for this client (`out` = its output folder). */
  readonly args: ReportArgs;
  /** Its input files, in order. */
  readonly paths: readonly string[];
}

/** Distinct codes per severity, errors first: "errors: ROW_BAD_NUMBER; warnings: MISSING_BASIS". */
function codeSummary(diagnostics: readonly Diagnostic[]): string {
  const codes = (severity: Diagnostic['severity']) => [...new Set(diagnostics.filter((d) => d.severity === severity).map((d) => d.code))].sort();
  const parts: string[] = [];
  const errors = codes('error');
  const warnings = codes('warning');
  if (errors.length > 0) parts.push(`errors: ${errors.join(', ')}`);
  if (warnings.length > 0) parts.push(`warnings: ${warnings.join(', ')}`);
  return parts.join('; ');
}

/** A message with the clients folder's own path taken out of the paths it names (the index shows no absolute path). */
function relativeTo(message: string, root: string | undefined): string {
  if (root === undefined) return message;
  const abs = resolve(root);
  return message.split(`${abs}${sep}`).join('').split(`${root.replace(/[\\/]+$/, '')}${sep}`).join('');
}

const failed = (reason: string): ClientOutcome => ({ status: 'failed', reason, errors: 0, warnings: 0, written: [] });

/**
 * Compute and write one client's report folder.
 * @returns the outcome; rejects only with `Interrupted` (SIGINT/SIGTERM stops the whole batch)
 * @example await runClient({ args, paths: ['clients/alice/exchange.csv'] }) // { status: 'ok', reason: '', … }
 */
export async function runClient(job: ClientJob): Promise<ClientOutcome> {
  try {
    const converted = toReportOptions(job.args, { spans: true });
    if (converted.span) return await runYearsClient(job, converted, converted.span);
    const folder = await writeReportFolder(job.args, converted, job.paths);
    if (folder.data.nothingRead) {
      return failed(`nothing could be read (no input in a known format); ${codeSummary(folder.diagnostics)}`);
    }
    return outcomeOf(folder.diagnostics, folder.summary, folder.written);
  } catch (e) {
    if (e instanceof Interrupted) throw e;
    if (e instanceof UsageError || e instanceof OutputError) return failed(relativeTo(e.message, job.args['display-root']));
    return failed(`internal error (a bug, please report it): ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A year's (or a single report's) outcome from its diagnostics and summary. */
function outcomeOf(diagnostics: readonly Diagnostic[], summary: Summary | undefined, written: readonly string[]): ClientOutcome {
  const counts = countBySeverity(diagnostics);
  return {
    status: counts.errors > 0 ? 'errors' : counts.warnings > 0 ? 'warnings' : 'ok',
    reason: codeSummary(diagnostics),
    topProblem: topProblem(diagnostics),
    errors: counts.errors,
    warnings: counts.warnings,
    ...(summary ? { summary } : {}),
    written,
  };
}

/**
 * A client whose `taxlot.json` asks for several years (`"year": "2019-2025"` or `"all"`): its
 * folder is what `taxlot report --year 2019-2025` writes (a folder per year, `index.csv`), and its
 * outcome has one entry per year, so the index gets a row per (client, year).
 */
async function runYearsClient(job: ClientJob, converted: ReturnType<typeof toReportOptions>, span: YearSpan): Promise<ClientOutcome> {
  assertYearsAllowed(job.args, converted.options.jurisdiction);
  const folder = await writeYearsFolder(job.args, converted, span, job.paths, (outputs) => new Map(outputs));
  const all = distinctDiagnostics(folder.years);
  if (folder.nothingRead) return failed(`nothing could be read (no input in a known format); ${codeSummary(all)}`);
  const years = folder.years.map((y) => ({ ...outcomeOf(y.diagnostics, y.summary, y.written), taxYear: y.data.taxYear }));
  const written = [YEARS_INDEX_FILE, ...folder.years.flatMap((y) => y.written.map((name) => `${y.data.taxYear}/${name}`))];
  // the client's own line has no summary of its own: each year's is in `years`
  return { ...outcomeOf(all, undefined, written), years };
}
