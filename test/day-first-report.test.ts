/**
 * The issue #17 case end to end: a comma-separated Koinly file with day-first dates (a UK-locale
 * spreadsheet's). Bought 1 December 2023 for 3,000, sold 11 February 2024 for 4,000: held under a
 * year, a short-term gain of 1,000 (read month-first it became 12 January 2023 → 2 November 2024,
 * long-term). Line 4 (`13/06/2024`) is what proves the file day-first.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs, readInputs } from '../src/cli/io.js';
import { toReportOptions } from '../src/cli/options.js';
import { computeReport } from '../src/pipeline/compute-report.js';
import { defaultArgs, FIXTURES } from './support/run-report.js';

const run = (overrides: Parameters<typeof defaultArgs>[0] = {}) =>
  computeReport(readInputs(collectInputs([join(FIXTURES, 'broken', 'day-first-comma.csv')])), toReportOptions(defaultArgs(overrides)).options);

describe('a day-first Koinly file', () => {
  it('reports the sale short-term, as the dates say', () => {
    const data = run();
    const gains = data.summary.capitalGains as { shortTerm: { gain: string }; longTerm: { gain: string } };
    expect(gains.shortTerm.gain).toBe('1000.00');
    expect(gains.longTerm.gain).toBe('0.00');
    expect(data.diagnostics.filter((d) => d.code.startsWith('DATE_ORDER'))).toEqual([]);
  });

  it('is refused whole under --date-order mdy, naming line 4', () => {
    const data = run({ 'date-order': 'mdy' });
    expect(data.diagnostics.filter((d) => d.code === 'DATE_ORDER_CONFLICT').map((d) => d.source?.line)).toEqual([4]);
    expect(data.summary.inputs).toMatchObject({ rows: 3, imported: 0, rejected: 3 });
  });
});

describe('the batch key', () => {
  it('takes dateOrder in taxlot.json like --date-order, and refuses other values', async () => {
    const { readBatchConfig } = await import('../src/cli/batch/batch-config.js');
    const { BATCH_OPTION_TABLE } = await import('../src/cli/commands/batch.js');
    expect(readBatchConfig('{"dateOrder": "dmy"}', 'c/taxlot.json', BATCH_OPTION_TABLE)).toEqual({ values: { 'date-order': 'dmy' }, problems: [] });
    expect(readBatchConfig('{"dateOrder": "dd/mm"}', 'c/taxlot.json', BATCH_OPTION_TABLE).problems.length).toBe(1);
  });
});
