/**
 * The command line: yargs wiring, and the only top-level catch. Exit codes (docs/contract.md):
 * 0 report complete (warnings allowed), 1 report written but the data has errors,
 * 2 usage error, nothing could be read, the report could not be written, or a bug;
 * 130 / 143 interrupted by SIGINT / SIGTERM (see interrupt.ts).
 */
import { readFileSync } from 'node:fs';
import yargs, { type Argv, type Options } from 'yargs';
import { batchCommand } from './commands/batch.js';
import { checkCommand } from './commands/check.js';
import { formatsCommand } from './commands/formats.js';
import { harvestCommand } from './commands/harvest.js';
import { mergeShardsCommand } from './commands/merge-shards.js';
import { pricesMissingCommand } from './commands/prices-missing.js';
import { reportCommand } from './commands/report.js';
import { escapeInvisible } from '../model/visible-text.js';
import { describeFsError, Interrupted, isFsError, OutputError, UsageError } from './errors.js';
import type { CommandResult, RunContext, TaxlotCommand } from './result.js';
import { colorEnabled, painter, type ColorStream } from './color.js';
import { createProgressDisplay, type ProgressStream } from './progress-display.js';
import { withOptionSuggestions } from './suggest.js';

/** Options every command takes. */
const GLOBAL_OPTIONS = {
  quiet: { type: 'boolean', alias: 'q', default: false, global: true, describe: 'no progress, no answer block: errors and the one-line summary only' },
  verbose: { type: 'boolean', alias: 'v', default: false, global: true, describe: 'also print notes (skipped rows, lot reallocations)' },
  json: {
    type: 'boolean',
    default: false,
    global: true,
    describe: 'for scripts: the answer as one JSON object on stdout, diagnostics as JSON Lines on stderr, no progress (report, check)',
  },
} as const satisfies Record<string, Options>;

/**
 * taxlot's own version, from the package.json shipped beside `dist/` (yargs' default looks for
 * the nearest package.json from the working directory, which is the host project's when taxlot is
 * installed as a dependency).
 */
function ownVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name?: string; version?: string };
    return pkg.name === 'taxlot' && typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The terminal `main` talks to: stderr (progress, colour) and the environment (NO_COLOR, FORCE_COLOR). */
export interface Terminal {
  readonly stdout: ColorStream & { readonly columns?: number };
  readonly stderr: ProgressStream & ColorStream;
  readonly env: NodeJS.ProcessEnv;
}

/** The context of one command: progress on stderr unless --quiet or --json, colour when the terminal allows. */
function contextFor(args: { quiet?: boolean; json?: boolean }, term: Terminal): RunContext {
  const paint = painter(!args.json && colorEnabled(term.stdout, term.env));
  const paintErr = painter(!args.json && colorEnabled(term.stderr, term.env));
  if (args.quiet || args.json) return { clearProgress: () => {}, paint, paintErr };
  const display = createProgressDisplay(term.stderr);
  return { progress: display.sink, clearProgress: display.clear, paint, paintErr };
}

export async function main(argv: readonly string[], term: Terminal = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<CommandResult> {
  let result: CommandResult | undefined;
  let help = '';
  let known: string[] = [];
  const register = <A>(y: Argv<object>, cmd: TaxlotCommand<A>): Argv<object> =>
    y.command({
      command: cmd.command as string,
      describe: cmd.describe,
      builder: (y: Argv<object>) => {
        const built = (cmd.builder as (y: Argv<object>) => Argv<object>)(y);
        // the options of the command being run, for "did you mean" (getOptions is yargs' own, untyped)
        known = Object.keys((built as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
        return built;
      },
      handler: async (args) => {
        result = await cmd.run(args as unknown as A, contextFor(args as { quiet?: boolean; json?: boolean }, term));
      },
    });
  let cli: Argv<object> = yargs([...argv])
    .scriptName('taxlot')
    .usage('$0 <command> [options]\n\nCrypto tax reports from exchange CSV exports (US rules).')
    .strict()
    .demandCommand(1, 'choose a command')
    .recommendCommands()
    .options(GLOBAL_OPTIONS)
    .help('help')
    .alias('help', 'h')
    .version(ownVersion())
    .alias('version', 'V')
    .example('$0 report exports/ -o report-2024', 'the tax report of every CSV under exports/')
    .example('$0 check exports/', 'what each file was recognised as, without computing')
    .example('$0 <command> --help', 'the options and examples of one command')
    .wrap(term.stdout.isTTY ? Math.min(120, term.stdout.columns ?? 80) : null)
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      // yargs quotes the values it names as JSON (control characters escaped): its own line breaks are kept
      throw UsageError.ofLines(withOptionSuggestions(msg, [...known, ...Object.keys(GLOBAL_OPTIONS), 'help', 'version']).split('\n'));
    });
  cli = register(cli, reportCommand);
  cli = register(cli, batchCommand);
  cli = register(cli, mergeShardsCommand);
  cli = register(cli, checkCommand);
  cli = register(cli, harvestCommand);
  cli = register(cli, formatsCommand);
  cli = cli.command('prices', 'price tables', (y) => register(y, pricesMissingCommand).demandCommand(1, 'choose: prices missing'));
  if (argv.length === 0) return { exitCode: 2, stdout: '', stderr: await cli.getHelp() };
  try {
    await cli.parseAsync([...argv], {}, (_err, _argv, output) => {
      help = output;
    });
  } catch (e) {
    if (e instanceof UsageError) return { exitCode: 2, stdout: '', stderr: `taxlot: ${e.printed()}\nrun \`taxlot --help\` for usage` };
    const fault = environmentFault(e);
    if (fault) return fault;
    throw e;
  }
  return result ?? { exitCode: 0, stdout: help, stderr: '' };
}

/** The colour sequences taxlot's own painter writes (color.ts): bold, dim, red, green, yellow, cyan and their resets; nothing that moves the cursor or hides text. */
const OWN_COLOURS = /(\x1b\[(?:0|1|2|22|31|32|33|36|39|49)m)/;

/** Each line of `text` with its control and invisible characters escaped (the line breaks and taxlot's colours kept). */
export function visibleLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.split(OWN_COLOURS).map((piece, i) => (i % 2 === 1 ? piece : escapeInvisible(piece))).join(''))
    .join('\n');
}

/**
 * What the environment did to the run, as a result: the output could not be written or was
 * locked (exit 2, the path and the cause), a signal (130/143), or another system error such as an
 * unreadable folder (exit 2) — none of them a bug, so no stack trace.
 */
function environmentFault(e: unknown): CommandResult | undefined {
  if (e instanceof OutputError) return { exitCode: 2, stdout: '', stderr: `taxlot: ${visibleLines(e.message)}` };
  if (e instanceof Interrupted) return { exitCode: e.exitCode, stdout: '', stderr: `taxlot: ${visibleLines(e.message)}` };
  if (isFsError(e)) {
    const where = typeof e.path === 'string' ? ` ${e.path}` : '';
    return { exitCode: 2, stdout: '', stderr: visibleLines(`taxlot: cannot ${e.syscall}${where}: ${describeFsError(e)}`) };
  }
  return undefined;
}

/** Run as a program: print, set the exit code; a thrown error here is a bug. */
export async function runCli(argv: readonly string[], term?: Terminal): Promise<void> {
  try {
    const r = await main(argv, term);
    // a last net under every message: no line printed can hold a raw control or invisible character
    // (an input path, a client folder name, an option value); diagnostics come escaped already.
    // The diagnostics first, so that the answer on stdout is the last thing on a terminal.
    const stdout = visibleLines(r.stdout);
    const stderr = visibleLines(r.stderr);
    if (stderr) process.stderr.write(stderr.endsWith('\n') ? stderr : `${stderr}\n`);
    if (stdout) process.stdout.write(stdout.endsWith('\n') ? stdout : `${stdout}\n`);
    process.exitCode = r.exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`taxlot: ${e.printed()}\n`);
    } else {
      process.stderr.write(visibleLines(`taxlot: internal error — this is a bug, please report it with the command and versions.\n${(e as Error).stack ?? String(e)}\n`));
    }
    process.exitCode = 2;
  }
}
