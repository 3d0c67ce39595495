/** `taxlot check <input...>`: recognition and row accounting only, no tax computation. */
import type { Argv } from 'yargs';
import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../diagnostics/format-diagnostic.js';
import { importInputs } from '../../pipeline/compute-report.js';
import { collectInputs, readInputs } from '../io.js';
import { INPUT_OPTIONS, runImporters, toDateOrder, toReadOptions } from '../options.js';
import type { CommandResult, TaxlotCommand } from '../result.js';
import { diagnosticJsonLine, visibleJson } from '../answer.js';

interface CheckArgs {
  inputs: string[];
  format?: string;
  'input-timezone'?: string;
  'date-order'?: string;
  'max-input-size'?: number;
  'max-diagnostics': number;
  /** Global `--json`: the recognition table as one JSON object on stdout, diagnostics as JSON Lines on stderr. */
  json?: boolean;
}

export function runCheck(args: CheckArgs): CommandResult {
  const importers = runImporters();
  // the same reading and import as `report` (overlapping exports, unreadable files), no engine
  const files = importInputs(readInputs(collectInputs(args.inputs), toReadOptions(args)), {
    importers,
    ...(args.format ? { forcedFormat: args.format } : {}),
    ...(args['input-timezone'] ? { inputZone: args['input-timezone'] } : {}),
    ...(args['date-order'] ? { dateOrder: toDateOrder(args['date-order']) } : {}),
  });
  const lines: string[] = [];
  const total = { rows: 0, imported: 0, skipped: 0, rejected: 0 };
  for (const f of files) {
    const a = f.accounting;
    total.rows += a.rows;
    total.imported += a.imported;
    total.skipped += a.skipped;
    total.rejected += a.rejected;
    if (args.json) continue;
    lines.push(`${f.file}: ${f.format ?? (f.formatLabel ? 'NOT READ' : 'UNKNOWN FORMAT')}${f.formatLabel ? ` (${f.formatLabel})` : ''}`);
    lines.push(`  rows ${a.rows}: imported ${a.imported}, skipped ${a.skipped}, rejected ${a.rejected}; events ${f.events.length}`);
    for (const [reason, n] of Object.entries(a.skippedByReason).sort()) lines.push(`  skipped ${n}: ${reason}`);
  }
  lines.push(`total: ${files.length} files, rows ${total.rows}: imported ${total.imported}, skipped ${total.skipped}, rejected ${total.rejected}`);
  const diagnostics = files.flatMap((f) => f.diagnostics);
  const errors = countBySeverity(diagnostics).errors;
  const nothingRead = files.length === 0 || files.every((f) => f.format === undefined);
  const exitCode = nothingRead ? 2 : errors > 0 ? 1 : 0;
  if (args.json) {
    const table = files.map((f) => ({
      file: f.file,
      format: f.format ?? null,
      label: f.formatLabel ?? null,
      rows: f.accounting.rows,
      imported: f.accounting.imported,
      skipped: f.accounting.skipped,
      rejected: f.accounting.rejected,
      events: f.events.length,
      skippedByReason: Object.fromEntries(Object.entries(f.accounting.skippedByReason).sort()),
    }));
    return {
      exitCode,
      stdout: visibleJson({ exitCode, files: table, total: { files: files.length, ...total } }),
      stderr: diagnostics.filter((d) => d.severity !== 'note').map(diagnosticJsonLine).join('\n'),
    };
  }
  return {
    exitCode,
    stdout: lines.join('\n'),
    stderr: formatDiagnostics(diagnostics, { max: args['max-diagnostics'], includeNotes: false }),
  };
}

export const checkCommand: TaxlotCommand<CheckArgs> = {
  command: 'check <inputs...>',
  describe: 'show what each file was recognised as and its row accounting (no tax computation)',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'CSV files and/or folders' })
      .options(INPUT_OPTIONS)
      .options({ 'max-diagnostics': { type: 'number', default: 50, describe: 'diagnostics printed to stderr' } })
      .example('$0 check exports/', 'what each file was read as, and its rows imported, skipped and rejected')
      .example('$0 check exports/ --json | jq \'.files[] | select(.format == null)\'', 'the files no importer recognised') as unknown as Argv<CheckArgs>,
  run: runCheck,
};
