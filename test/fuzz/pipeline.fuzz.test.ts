/**
 * The whole computation, lightly fuzzed: the sample's three exports (Coinbase, Kraken, Koinly
 * template), one of them mutated (mutate-csv.ts), through the pipeline and every CSV renderer the
 * CLI writes (the PDF is left to the PDF tests: it is the slow part). Nothing throws, the row
 * accounting adds up over the files, and no text cell of any CSV can run as a formula.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toReportOptions } from '../../src/cli/options.js';
import { computeReport } from '../../src/pipeline/compute-report.js';
import { renderOutputs } from '../../src/report/render-outputs.js';
import { defaultArgs, FIXTURES } from '../support/run-report.js';
import { hostileCell, mutate, mutation } from './mutate-csv.js';

const RUNS = Math.max(10, Math.round(Number(process.env['TAXLOT_FUZZ_RUNS'] ?? 120) / 4));
const SAMPLE = ['coinbase.csv', 'kraken.csv', 'ledger-nano.csv'].map((name) => ({
  file: `sample/${name}`,
  text: readFileSync(join(FIXTURES, 'sample', name), 'utf8'),
}));

describe('fuzz: pipeline and CSV outputs on a mutated sample', () => {
  it('never throws, accounts for every row, and writes inert CSV cells', () => {
    const { options } = toReportOptions(defaultArgs());
    fc.assert(
      fc.property(fc.nat({ max: 2 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), hostileCell, (which, mutations, walletSuffix) => {
        const inputs = SAMPLE.map((f, i) =>
          i === which ? { file: `sample/${walletSuffix.replace(/[\\/]/g, '')}${f.file.slice('sample/'.length)}`, text: mutate(f.text, mutations) } : f,
        );
        const data = computeReport(inputs, options);
        const i = data.inputs;
        expect(i.rows).toBe(i.imported + i.skipped + i.rejected);
        if (data.nothingRead) return;
        for (const [name, content] of renderOutputs(data, { pdf: false })) {
          if (!name.endsWith('.csv') || typeof content !== 'string') continue;
          for (const row of Papa.parse<string[]>(content, { header: false, skipEmptyLines: true }).data) {
            for (const cell of row) {
              const formula = /^[=+@\t\r]/.test(cell) || (cell.startsWith('-') && !/^-\d+(\.\d+)?$/.test(cell));
              expect(formula, `${name}: ${JSON.stringify(cell)}`).toBe(false);
            }
          }
        }
      }),
      { numRuns: RUNS, seed: 20_260_111 },
    );
  });
});
