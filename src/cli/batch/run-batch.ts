/**
 * `taxlot batch`: many clients, one command.
 *
 *   clients-dir ─scan─▶ client folders ─options (taxlot.json ▸ taxlot.json ▸ flags)─▶ jobs
 *     ─fingerprint unchanged?─▶ skip (row from stamp) │ else run (in-process or worker pool)
 *     ─▶ <out>/<client>/ (exactly `taxlot report`), stamps, index.csv, index.pdf
 *
 * Invariants: every path written is inside `--out` (checked on real paths); `--out` and the
 * clients folder do not overlap; one client's problem (bad options, unreadable or malformed
 * files, a crash) is that client's status, never the batch's. Usage errors — a missing clients
 * folder, a bad shared `taxlot.json`, bad flags — are thrown as `UsageError` (exit 2).
 */
import { existsSync, lstatSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Interrupted, UsageError } from '../errors.js';
import { interruptible } from '../interrupt.js';
import { physicalPath } from '../io.js';
import { acquireOutputLock } from '../output-lock.js';
import { writeFileAtomic } from '../write-outputs.js';
import { toPresentation, toPriceProvider, toReportOptions } from '../options.js';
import type { ReportArgs } from '../report-args.js';
import { CONTENT_OPTIONS, FINGERPRINT_EXCLUDED, optionDefaults, readBatchConfig, type OptionTable, type OptionValues } from './batch-config.js';
import { BatchRecorder, INDEX_CSV, removeDeadLeftovers, removeOwnStaging } from './batch-record.js';
import { fingerprintClient, isStampCurrent, readStamp, stampRows } from './client-stamp.js';
import { collectClientInputs, isInside, listClientFolders, type ClientFolder } from './find-clients.js';
import { printableName, type ClientOutcome, type IndexRow } from './index-row.js';
import { displayPath } from '../read-input.js';
import { renderIndexPdf } from './index-pdf.js';
import { runClient, type ClientJob } from './run-client.js';
import { safeClientNames } from './safe-client-names.js';
import { optionsFingerprint, SHARD_FILE, shardOf, type Shard, type ShardRecord } from './shard.js';
import { runWorkerPool } from './worker-pool.js';

export const CONFIG_FILE = 'taxlot.json';
const PRICE_CACHE_FOLDER = '.taxlot-cache';

export type ProgressEvent =
  | { readonly kind: 'start'; readonly total: number; readonly toRun: number }
  | { readonly kind: 'client'; readonly done: number; readonly total: number; readonly client: string; readonly status: string; readonly skipped: boolean };

export interface BatchRequest {
  readonly clientsDir: string;
  readonly out: string;
  /** Clients computed at once: 1 runs them in this thread, more in a worker pool. */
  readonly jobs: number;
  /** Recompute every client even when its fingerprint is unchanged. */
  readonly force: boolean;
  /** Options given explicitly on the command line (flag names), the last word over taxlot.json. */
  readonly flags: OptionValues;
  /** The report options `taxlot.json` may set (flag names, with their defaults). */
  readonly table: OptionTable;
  readonly version: string;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** The compiled worker module; default `dist/cli/batch/client-worker.js` next to this package. */
  readonly workerUrl?: URL;
  /** `--shard K/N`: run only the clients of shard K (shard.ts), and record the shard for the merge. */
  readonly shard?: Shard;
}

export interface BatchResult {
  /** One row per client, in folder-name order. */
  readonly rows: readonly IndexRow[];
  /** Clients computed in this run (the rest were unchanged, or could not be run at all). */
  readonly computed: number;
  readonly unchanged: number;
  readonly written: readonly string[];
  readonly exitCode: 0 | 1;
}

/** From `src/cli/batch/` (tests, TS sources) and from `dist/cli/batch/` alike, this names the compiled worker. */
export const DEFAULT_WORKER_URL = new URL('../../../dist/cli/batch/client-worker.js', import.meta.url);

/** A client after scanning: a job to run, a row to reuse (unchanged), or an outcome already known (failed). */
interface Planned {
  readonly folder: string;
  readonly client: string;
  readonly notes: readonly string[];
  readonly outcome?: ClientOutcome;
  readonly job?: ClientJob;
  readonly hash?: string;
  readonly stampRows?: readonly IndexRow[];
}

/** A multi-year client's status on the progress line: its worst year's. */
function worstStatus(rows: readonly IndexRow[]): string {
  const order = ['failed', 'errors', 'warnings', 'ok'];
  return order.find((s) => rows.some((r) => r.status === s)) ?? rows[0]!.status;
}

const failedOutcome = (reason: string): ClientOutcome => ({ status: 'failed', reason, errors: 0, warnings: 0, written: [] });

/** Read a taxlot.json; problems name it as `shown` (relative to the clients folder for a client's own file). */
function readConfig(path: string, table: OptionTable, shown = path): { values: OptionValues; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { values: {}, problems: [`cannot read ${shown}: ${(e as Error).message.replace(/^[A-Z]+: /, '').replace(path, shown)}`] };
  }
  const read = readBatchConfig(text, path, table);
  return shown === path ? read : { ...read, problems: read.problems.map((m) => m.split(path).join(shown)) };
}

/**
 * Run the batch.
 * @throws {UsageError} for a missing clients folder, an `--out` that is a file or overlaps it, a bad shared taxlot.json or bad flags
 * @example await runBatch({ clientsDir: 'clients', out: 'reports', jobs: 2, force: false, flags: {}, table, version: '0.1.0' })
 *   // { rows: [...], computed: 3, unchanged: 0, exitCode: 0, written: ['reports/index.csv', 'reports/index.pdf'] }
 */
export async function runBatch(req: BatchRequest): Promise<BatchResult> {
  const { clientsDir, out, table } = req;
  if (!existsSync(clientsDir) || !statSync(clientsDir).isDirectory()) throw new UsageError(`the clients folder ${clientsDir} does not exist or is not a folder`);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file; give a folder`);
  const root = realpathSync(clientsDir);
  const outReal = physicalPath(out);
  if (isInside(outReal, root) || isInside(root, outReal)) {
    throw new UsageError(`--out ${out} and the clients folder ${clientsDir} must not contain each other; choose an output folder outside ${clientsDir}`);
  }

  // Fetched prices are cached under --out unless a cache folder is named: nothing is written outside it.
  const defaults = { ...optionDefaults(table), ...('price-cache' in table ? { 'price-cache': join(out, PRICE_CACHE_FOLDER) } : {}) };
  const sharedConfigPath = join(clientsDir, CONFIG_FILE);
  let shared: OptionValues = {};
  if (existsSync(sharedConfigPath)) {
    const parsed = readConfig(sharedConfigPath, table);
    if (parsed.problems.length > 0) throw UsageError.ofLines(parsed.problems);
    shared = parsed.values;
  }
  // Validate what every client shares once, so a bad flag is one usage error, not N failures.
  const sharedArgs = { ...defaults, ...shared, ...req.flags } as unknown as ReportArgs;
  toReportOptions(sharedArgs, { spans: true });
  toPriceProvider(sharedArgs);
  toPresentation(sharedArgs);

  const folders = listClientFolders(clientsDir, root);
  if (folders.length === 0) throw new UsageError(`no client folders in ${clientsDir} (each immediate subfolder is a client)`);
  const names = safeClientNames(folders.map((f) => f.name));

  const { shard } = req;
  const mine = shard ? folders.filter((f) => shardOf(f.name, shard.count) === shard.index) : folders;
  const lock = await acquireOutputLock(outReal, out, 'batch');
  try {
    removeDeadLeftovers(outReal);
    // a shard record is written last, by a shard that finished: never one left from another run
    rmSync(join(out, SHARD_FILE), { force: true });
    const context: PlanContext = { req, root, defaults, shared, names };
    const planned = mine.map((folder) => planClient(folder, context));
    const result = await runPlanned(req, planned);
    if (!shard) return result;
    const record: ShardRecord = {
      schema: 1,
      generator: 'taxlot',
      version: req.version,
      shard,
      options: optionsFingerprint(req.flags, existsSync(sharedConfigPath) ? sharedConfigPath : undefined),
      clients: folders.map((f) => names.get(f.name)!),
      rows: result.rows,
    };
    writeFileAtomic(join(out, SHARD_FILE), `${JSON.stringify(record, null, 2)}\n`);
    return { ...result, written: [...result.written, join(out, SHARD_FILE)] };
  } finally {
    lock.release();
  }
}

interface PlanContext {
  readonly req: BatchRequest;
  readonly root: string;
  readonly defaults: OptionValues;
  readonly shared: OptionValues;
  readonly names: ReadonlyMap<string, string>;
}

/** A client folder → its job, its unchanged row, or why it cannot run. */
function planClient(folder: ClientFolder, { req, root, defaults, shared, names }: PlanContext): Planned {
  const { out } = req;
  const client = names.get(folder.name)!;
  const base = { folder: folder.name, client };
  try {
    if (folder.problem) return { ...base, notes: [], outcome: failedOutcome(folder.problem) };
    const clientOut = join(out, client);
    if (existsSync(clientOut) && lstatSync(clientOut).isSymbolicLink()) {
      return { ...base, notes: [], outcome: failedOutcome(`the output folder ${client}/ is a symbolic link; remove it`) };
    }
    let own: OptionValues = {};
    const configPath = join(folder.dir, CONFIG_FILE);
    const configShown = `${folder.name}/${CONFIG_FILE}`;
    if (existsSync(configPath)) {
      if (!isInside(realpathSync(configPath), root)) {
        return { ...base, notes: [], outcome: failedOutcome(`${configShown} is a symbolic link that leaves the clients folder; not followed`) };
      }
      const parsed = readConfig(configPath, req.table, configShown);
      if (parsed.problems.length > 0) return { ...base, notes: [], outcome: failedOutcome(parsed.problems.join('; ')) };
      own = parsed.values;
    }
    const options: OptionValues = { ...defaults, ...shared, ...own, ...req.flags };
    const optionFiles = CONTENT_OPTIONS.map((k) => options[k]).filter((v): v is string => typeof v === 'string');
    const named = new Set(optionFiles.map((p) => resolve(p)));
    const found = collectClientInputs(folder.dir, root);
    // A price table kept in the client's folder is an option file, not an export to import.
    const inputs = found.files.filter((p) => !named.has(resolve(p)));
    const notes = found.escapingLinks.length > 0
      ? [`not followed (symbolic link leaving the clients folder): ${found.escapingLinks.map((p) => displayPath(p, req.clientsDir)).join(', ')}`]
      : [];
    if (inputs.length === 0) return { ...base, notes, outcome: failedOutcome(`no CSV files in ${folder.name}/`) };
    // Inputs are named relative to the clients folder, and a client without a label by its folder:
    // no path of the accountant's disk appears in a client's report.
    const presentation = { 'display-root': req.clientsDir, label: typeof options['label'] === 'string' && options['label'].trim() !== '' ? options['label'] : printableName(folder.name) };
    const args = { ...options, ...presentation, inputs: [folder.dir], out: clientOut, 'max-diagnostics': 0, verbose: false } as unknown as ReportArgs;
    const shaping = Object.fromEntries(Object.entries(options).filter(([k]) => !FINGERPRINT_EXCLUDED.includes(k)));
    const hash = fingerprintClient({ version: req.version, folder: folder.name, options: shaping, optionFiles, inputs, escapingLinks: found.escapingLinks });
    const stamp = req.force ? undefined : readStamp(out, client);
    if (isStampCurrent(stamp, hash, out, client)) return { ...base, notes, hash, stampRows: stampRows(stamp) };
    return { ...base, notes, hash, job: { args, paths: inputs } };
  } catch (e) {
    return { ...base, notes: [], outcome: failedOutcome(`cannot read the client folder: ${(e as Error).message}`) };
  }
}

/**
 * Run the planned clients. Each finished client is recorded at once — its stamp, and index.csv
 * rewritten with every client finished so far — so an interrupted batch leaves a valid index of
 * the finished clients, and a re-run computes only the others.
 */
async function runPlanned(req: BatchRequest, planned: readonly Planned[]): Promise<BatchResult> {
  const { out } = req;
  const toRun = planned.filter((p) => p.job !== undefined);
  const total = planned.length;
  let done = 0;
  const report = (p: Planned, status: string, skipped: boolean): void => {
    done++;
    req.onProgress?.({ kind: 'client', done, total, client: p.client, status, skipped });
  };
  req.onProgress?.({ kind: 'start', total, toRun: toRun.length });
  const recorder = new BatchRecorder(out, planned);
  for (const p of planned) {
    if (p.stampRows) recorder.reuse(p, p.stampRows);
    else if (p.outcome) recorder.finish(p, p.outcome);
  }
  // From here on index.csv lists exactly the clients finished so far (an interrupted run leaves
  // no stale figures and no missing index); index.pdf is made once every client is done.
  recorder.writeIndex();
  if (toRun.length > 0) rmSync(join(out, 'index.pdf'), { force: true });
  for (const p of planned) {
    if (p.stampRows) report(p, worstStatus(p.stampRows), true);
    else if (p.outcome) report(p, p.outcome.status, false);
  }

  const jobs = toRun.map((p) => p.job!);
  try {
    if (req.jobs <= 1 || jobs.length <= 1) {
      // In this thread: a signal while a client computes ends the process at once (nothing of
      // that client is on disk yet); while it writes, its writer cleans up and rethrows.
      for (const [i, job] of jobs.entries()) {
        const outcome = await runClient(job);
        recorder.finish(toRun[i]!, outcome);
        report(toRun[i]!, outcome.status, false);
      }
    } else {
      const workerUrl = req.workerUrl ?? DEFAULT_WORKER_URL;
      if (!existsSync(fileURLToPath(workerUrl))) {
        throw new UsageError(`the compiled batch worker ${fileURLToPath(workerUrl)} is missing; run \`npm run build\`, or use --jobs 1`);
      }
      await interruptible((abort) =>
        runWorkerPool({
          workerUrl,
          size: req.jobs,
          jobs,
          abort,
          onCrash: (_job, reason) => failedOutcome(`internal error (a bug, please report it): ${reason}`),
          onResult: (i, outcome) => {
            recorder.finish(toRun[i]!, outcome);
            report(toRun[i]!, outcome.status, false);
          },
        }),
      );
    }
  } catch (e) {
    // stopped workers (a signal, or recording a result failed) leave their staging folders
    removeOwnStaging(physicalPath(out));
    if (!(e instanceof Interrupted)) throw e;
    const left = total - recorder.finished;
    throw new Interrupted(
      e.signal,
      `${recorder.finished} of ${total} clients finished and are listed in ${join(out, INDEX_CSV)}; the ${left} other${left === 1 ? '' : 's'} kept their previous report; run the same command again to finish them`,
    );
  }

  // a worker that died mid-write (out of memory) left its staging folder: nothing is in flight now
  removeOwnStaging(physicalPath(out));
  const rows = recorder.rows();
  const indexCsv = recorder.writeIndex();
  const indexPdf = join(out, 'index.pdf');
  writeFileAtomic(indexPdf, await renderIndexPdf(rows));
  return {
    rows,
    computed: toRun.length,
    unchanged: planned.filter((p) => p.stampRows).length,
    written: [indexCsv, indexPdf],
    exitCode: rows.some((r) => r.status === 'errors' || r.status === 'failed') ? 1 : 0,
  };
}
