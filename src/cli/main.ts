/**
 * The command line: yargs wiring, and the only top-level catch. Exit codes (contract):
 * 0 report complete (warnings allowed), 1 report written but the data has errors,
 * 2 usage error, nothing could be read, the report could not be written, or a bug;
 * 130 / 143 interrupted by SIGINT / SIGTERM (see interrupt.ts).
 */
import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { batchCommand } from './commands/batch.js';
import { checkCommand } from './commands/check.js';
import { formatsCommand } from './commands/formats.js';
import { harvestCommand } from './commands/harvest.js';
import { pricesMissingCommand } from './commands/prices-missing.js';
import { reportCommand } from './commands/report.js';
import { escapeInvisible } from '../model/visible-text.js';
import { describeFsError, Interrupted, isFsError, OutputError, UsageError } from './errors.js';
import type { CommandResult, TaxlotCommand } from './result.js';

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

export async function main(argv: readonly string[]): Promise<CommandResult> {
  let result: CommandResult | undefined;
  let help = '';
  const register = <A>(y: Argv<object>, cmd: TaxlotCommand<A>): Argv<object> =>
    y.command({
      command: cmd.command as string,
      describe: cmd.describe,
      builder: cmd.builder as (y: Argv<object>) => Argv<object>,
      handler: async (args) => {
        result = await cmd.run(args as unknown as A);
      },
    });
  let cli = yargs([...argv])
    .scriptName('taxlot')
    .usage('$0 <command> [options]\n\nCrypto tax reports from exchange CSV exports (US rules).')
    .strict()
    .demandCommand(1, 'choose a command')
    .recommendCommands()
    .help()
    .version(ownVersion())
    .wrap(process.stdout.isTTY ? Math.min(120, process.stdout.columns) : null)
    .exitProcess(false)
    .fail((msg, err) => {
      // yargs quotes the values it names as JSON (control characters escaped): its own line breaks are kept
      throw err ?? UsageError.ofLines(msg.split('\n'));
    });
  cli = register(cli, reportCommand);
  cli = register(cli, batchCommand);
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

/** Each line of `text` with its control and invisible characters escaped (the line breaks kept). */
export function visibleLines(text: string): string {
  return text.split('\n').map(escapeInvisible).join('\n');
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
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    const r = await main(argv);
    // a last net under every message: no line printed can hold a raw control or invisible character
    // (an input path, a client folder name, an option value); diagnostics come escaped already
    const stdout = visibleLines(r.stdout);
    const stderr = visibleLines(r.stderr);
    if (stdout) process.stdout.write(stdout.endsWith('\n') ? stdout : `${stdout}\n`);
    if (stderr) process.stderr.write(stderr.endsWith('\n') ? stderr : `${stderr}\n`);
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
