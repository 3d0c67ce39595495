/**
 * `taxlot batch <clients-dir> --out DIR`: one report folder per client plus an index.
 * Options per client: defaults ▸ `<clients-dir>/taxlot.json` ▸ the client's `taxlot.json` ▸ flags
 * given here. Progress goes to stderr as it happens (a bar on a terminal, plain lines otherwise).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Argv, Options } from 'yargs';
import { type OptionTable, type OptionValue } from '../batch/batch-config.js';
import { runBatch, type ProgressEvent } from '../batch/run-batch.js';
import { parseShard } from '../batch/shard.js';
import { UsageError } from '../errors.js';
import { COMPUTE_OPTIONS, INPUT_OPTIONS, PRESENTATION_OPTIONS, PRICE_PROVIDER_OPTIONS } from '../options.js';
import type { CommandResult, TaxlotCommand } from '../result.js';

/** The report output options that change what is written (terminal-only ones do not apply). */
const REPORT_OUTPUT_OPTIONS = {
  pdf: { type: 'boolean', default: true, describe: 'write each client\'s PDF report (--no-pdf to skip)', group: 'Output:' },
} as const satisfies Record<string, Options>;

/** Every option a `taxlot.json` may set (in camelCase) or a flag may override. */
export const BATCH_OPTION_TABLE: OptionTable = { ...INPUT_OPTIONS, ...COMPUTE_OPTIONS, ...PRICE_PROVIDER_OPTIONS, ...PRESENTATION_OPTIONS, ...REPORT_OUTPUT_OPTIONS };

interface BatchArgs {
  'clients-dir': string;
  out: string;
  jobs?: number;
  force: boolean;
  shard?: string;
  [flag: string]: unknown;
}

/** Flags keep no yargs default here: a flag given explicitly must be told apart from a default. */
function withoutDefaults(table: OptionTable): Record<string, Options> {
  return Object.fromEntries(
    Object.entries(table).map(([flag, { default: value, ...spec }]) => [
      flag,
      value === undefined ? spec : { ...spec, describe: `${spec.describe ?? ''} [default: ${String(value)}]` },
    ]),
  );
}

function taxlotVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function progressReporter(stream: NodeJS.WriteStream): (e: ProgressEvent) => void {
  if (stream.isTTY) {
    return (e) => {
      if (e.kind !== 'client') return;
      const width = 30;
      const filled = Math.round((width * e.done) / e.total);
      stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${e.done}/${e.total} ${e.client}: ${e.status}${e.skipped ? ' (unchanged)' : ''}`);
      if (e.done === e.total) stream.write('\n');
    };
  }
  return (e) => {
    if (e.kind === 'start') stream.write(`taxlot batch: ${e.total} clients, ${e.toRun} to compute\n`);
    else stream.write(`taxlot batch: [${e.done}/${e.total}] ${e.client}: ${e.status}${e.skipped ? ' (unchanged)' : ''}\n`);
  };
}

/** `3 clients (3 ok, …)`; with multi-year clients, `3 clients, 5 index rows (…)`: the tally counts rows. */
export function clientTally(rows: readonly { client: string }[], tally: string): string {
  const clients = new Set(rows.map((r) => r.client)).size;
  const many = `${clients} client${clients === 1 ? '' : 's'}`;
  return clients === rows.length ? `${many} (${tally})` : `${many}, ${rows.length} index rows (${tally})`;
}

export async function runBatchCommand(args: BatchArgs, progress: (e: ProgressEvent) => void = progressReporter(process.stderr)): Promise<CommandResult> {
  const jobs = args.jobs ?? availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of at least 1, got ${args.jobs}`);
  const flags: Record<string, OptionValue> = {};
  for (const flag of Object.keys(BATCH_OPTION_TABLE)) {
    const value = args[flag];
    if (value !== undefined) flags[flag] = value as OptionValue;
  }
  // `--year` is text (it also takes 2019-2025 or all); one year stays the number it always was
  if (typeof flags['year'] === 'string' && /^\d+$/.test(flags['year'].trim())) flags['year'] = Number(flags['year']);
  const result = await runBatch({
    clientsDir: args['clients-dir'],
    out: args.out,
    jobs,
    force: args.force,
    flags,
    table: BATCH_OPTION_TABLE,
    version: taxlotVersion(),
    onProgress: progress,
    ...(args.shard !== undefined ? { shard: parseShard(args.shard) } : {}),
  });
  const tally = (['ok', 'warnings', 'errors', 'failed'] as const).map((s) => `${result.rows.filter((r) => r.status === s).length} ${s}`).join(', ');
  const problems = result.rows.filter((r) => r.status === 'errors' || r.status === 'failed').map((r) => `taxlot batch: ${r.client}: ${r.status} (${r.reason})`);
  return {
    exitCode: result.exitCode,
    stdout:
      `taxlot batch: ${args.shard !== undefined ? `shard ${args.shard.trim()}: ` : ''}${clientTally(result.rows, tally)}; ` +
      `${result.computed} computed, ${result.unchanged} unchanged; wrote ${result.written.join(', ')}`,
    stderr: problems.join('\n'),
  };
}

export const batchCommand: TaxlotCommand<BatchArgs> = {
  command: 'batch <clients-dir>',
  describe: 'one report per client folder (each immediate subfolder of <clients-dir>) plus index.csv and index.pdf',
  builder: (y) =>
    (y as Argv<object>)
      .positional('clients-dir', { type: 'string', demandOption: true, describe: 'folder with one subfolder per client; taxlot.json files set options' })
      .options(withoutDefaults(INPUT_OPTIONS))
      .options(withoutDefaults(COMPUTE_OPTIONS))
      .options({
        ...withoutDefaults(PRICE_PROVIDER_OPTIONS),
        'price-cache': { ...PRICE_PROVIDER_OPTIONS['price-cache'], default: undefined, describe: 'folder of fetched prices [default: <out>/.taxlot-cache]' },
      })
      .options(withoutDefaults(PRESENTATION_OPTIONS))
      .options(withoutDefaults(REPORT_OUTPUT_OPTIONS))
      .options({
        out: { type: 'string', alias: 'o', demandOption: true, describe: 'output folder: <out>/<client>/, index.csv, index.pdf', group: 'Batch:' },
        jobs: { type: 'number', describe: `clients computed at once [default: ${availableParallelism()}]`, group: 'Batch:' },
        force: { type: 'boolean', default: false, describe: 'recompute clients whose inputs and options did not change', group: 'Batch:' },
        shard: {
          type: 'string',
          describe: 'K/N: run only the clients of shard K of N (by a hash of the client folder\'s name), for `taxlot merge-shards`',
          group: 'Batch:',
        },
      })
      .example('$0 batch clients/ -o reports/', 'one report per client folder, reports/index.csv and index.pdf')
      .example('$0 batch clients/ -o reports/ -y 2024 --jobs 2 --force', 'tax year 2024 for everyone, recomputing unchanged clients too')
      .example('$0 batch clients/ -o shard-2/ --shard 2/3', 'the second of three shards (on another machine); then `taxlot merge-shards shard-*/ -o reports/`') as unknown as Argv<BatchArgs>,
  run: (args) => runBatchCommand(args, args['quiet'] === true || args['json'] === true ? () => {} : progressReporter(process.stderr)),
};
