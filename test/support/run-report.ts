/** Run the report pipeline on a fixture folder with command-line style options, in process. */
import { join } from 'node:path';
import { collectInputs, readInputs } from '../../src/cli/io.js';
import { COMPUTE_OPTIONS, INPUT_OPTIONS, toReportOptions, type CommonArgs } from '../../src/cli/options.js';
import { computeReport, type ReportData } from '../../src/pipeline/compute-report.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** Default values of every shared option, as yargs would fill them. */
export function defaultArgs(overrides: Partial<CommonArgs> = {}): CommonArgs {
  const args: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries({ ...INPUT_OPTIONS, ...COMPUTE_OPTIONS })) {
    if ('default' in spec) args[name] = spec.default;
  }
  return { ...(args as unknown as CommonArgs), ...overrides };
}

export function runFixture(folder: string, overrides: Partial<CommonArgs> = {}): ReportData {
  const { options } = toReportOptions(defaultArgs(overrides));
  return computeReport(readInputs(collectInputs([join(FIXTURES, folder)])), options);
}
