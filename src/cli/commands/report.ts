/** `taxlot report <input...>`: compute the tax year and write the report folder. */
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../diagnostics/format-diagnostic.js';
import { computeReport } from '../../pipeline/compute-report.js';
import { REPORT_FILES, renderOutputs } from '../../report/render-outputs.js';
import { assertSafeOutput, collectInputs, readInputs, writeFileAtomic } from '../io.js';
import { COMPUTE_OPTIONS, INPUT_OPTIONS, toReportOptions, type CommonArgs } from '../options.js';
import type { CommandResult, TaxlotCommand } from '../result.js';

interface ReportArgs extends CommonArgs {
  inputs: string[];
  out: string;
  pdf: boolean;
  'max-diagnostics': number;
  verbose: boolean;
}

export function runReport(args: ReportArgs): CommandResult {
  const { options, diagnostics: optionDiagnostics } = toReportOptions(args);
  const paths = collectInputs(args.inputs, [args.out]);
  if (paths.length === 0) return { exitCode: 2, stderr: `taxlot: no CSV files found in ${args.inputs.join(', ')}`, stdout: '' };
  assertSafeOutput(args.out, paths, REPORT_FILES);
  const data = computeReport(readInputs(paths), options);
  const all = [...optionDiagnostics, ...data.diagnostics];
  const stderr = formatDiagnostics(all, { max: args['max-diagnostics'], includeNotes: args.verbose });
  if (data.nothingRead) {
    return { exitCode: 2, stderr: `${stderr}\ntaxlot: nothing could be read (no input in a known format); no report written`, stdout: '' };
  }
  const outputs = renderOutputs({ ...data, diagnostics: all });
  for (const [name, content] of outputs) writeFileAtomic(join(args.out, name), content);
  const counts = countBySeverity(all);
  const i = data.inputs;
  const stdout =
    `taxlot: ${i.files} file${i.files === 1 ? '' : 's'}, ${i.rows} rows (${i.imported} imported, ${i.skipped} skipped, ${i.rejected} rejected); ` +
    `tax year ${data.taxYear}, ${options.method}; ${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}; ` +
    `wrote ${args.out}/ (${[...outputs.keys()].join(', ')})`;
  return { exitCode: counts.errors > 0 ? 1 : 0, stdout, stderr };
}

export const reportCommand: TaxlotCommand<ReportArgs> = {
  command: 'report <inputs...>',
  describe: 'compute gains, income and open lots for a tax year and write the report folder',
  builder: (y) =>
    (y as Argv<object>)
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'CSV files and/or folders (read recursively)' })
      .options(INPUT_OPTIONS)
      .options(COMPUTE_OPTIONS)
      .options({
        out: { type: 'string', default: 'taxlot-report', describe: 'output folder (created if missing)', group: 'Output:' },
        pdf: { type: 'boolean', default: true, describe: 'write the PDF report (--no-pdf to skip; the PDF is not implemented yet)', group: 'Output:' },
        'max-diagnostics': { type: 'number', default: 50, describe: 'diagnostics printed to stderr (all are in diagnostics.txt)', group: 'Output:' },
        verbose: { type: 'boolean', default: false, describe: 'also print notes (skipped rows, lot reallocations)', group: 'Output:' },
      }) as unknown as Argv<ReportArgs>,
  run: runReport,
};
