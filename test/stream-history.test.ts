/**
 * The history streamed (sorted in bounded runs, priced and booked as it passes, then let go) must
 * give every output byte for byte as the whole history in memory does, whatever the run size and
 * the order of the files' rows; and it must really let the events go.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectInputs } from '../src/cli/io.js';
import { toReportOptions } from '../src/cli/options.js';
import { computeReport, computeReportWholeHistory, type InputFile, type ReportOptions } from '../src/pipeline/compute-report.js';
import { memorySpillStore, type SpillStore } from '../src/pipeline/spill-store.js';
import { renderOutputs } from '../src/report/render-outputs.js';
import { createPriceBook } from '../src/pricing/price-book.js';
import { streamHistory } from '../src/pipeline/stream-history.js';
import { importInputs } from '../src/pipeline/import-inputs.js';
import { isTransferCandidate } from '../src/engine/match-transfers.js';
// @ts-expect-error the generator is plain JavaScript (bench/), without type declarations
import { generateHistory } from '../bench/generate-history.js';
import { defaultArgs } from './support/run-report.js';

let inputs: InputFile[];
let options: ReportOptions;

/** The data rows of a CSV text in reverse order (header kept): a file sorted newest first. */
function reversed(text: string): string {
  const [header, ...rows] = text.trimEnd().split('\n');
  return [header, ...rows.reverse()].join('\n');
}

const outputsOf = (data: ReturnType<typeof computeReport>) => renderOutputs(data, { pdf: false });
const storeOf = (runSize: number): SpillStore => ({ ...memorySpillStore, runSize });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'taxlot-stream-'));
  await generateHistory({ rows: 6000, seed: 7, out: dir });
  options = toReportOptions(defaultArgs({ prices: join(dir, 'prices.csv') })).options;
  inputs = collectInputs([join(dir, 'exports')]).map((p) => ({ file: p, text: readFileSync(p, 'utf8') }));
}, 60_000);

describe('the streamed history', () => {
  it('gives every output of the whole-history computation, spilled in runs of any size', () => {
    const whole = outputsOf(computeReportWholeHistory(inputs, options));
    expect(whole.get('form8949.csv')?.toString().split('\n').length).toBeGreaterThan(100);
    expect(whole.get('turbotax-transactions.csv')?.toString().split('\n').length).toBeGreaterThan(3000);
    for (const spill of [undefined, storeOf(1), storeOf(37), storeOf(1000)]) {
      const streamed = outputsOf(computeReport(inputs, { ...options, ...(spill ? { spill } : {}) }));
      expect([...streamed.keys()]).toEqual([...whole.keys()]);
      for (const [name, content] of whole) expect(streamed.get(name), name).toEqual(content);
    }
  });

  it('gives the same outputs when the files list their rows newest first', () => {
    const whole = outputsOf(computeReportWholeHistory(inputs, options));
    const descending = inputs.map((f) => ({ file: f.file, text: reversed(f.text as string) }));
    const streamed = outputsOf(computeReport(descending, { ...options, spill: storeOf(500) }));
    // the rows keep their line numbers' meaning only within a file: compare what does not name lines
    expect(streamed.get('summary.json')).toEqual(whole.get('summary.json'));
    expect(outputsOf(computeReportWholeHistory(descending, options))).toEqual(streamed);
  });

});

describe('memory', () => {
  it('holds a bounded number of events with a spill store, the whole history without one', () => {
    const book = createPriceBook({ reportCurrency: options.currency, stablecoins: options.stablecoins, table: options.prices, windowMs: options.priceWindowMs });
    const peakOf = (spill?: SpillStore) => {
      const streamed = streamHistory(inputs, { ...options, ...(spill ? { spill } : {}) }, book);
      let n = 0;
      for (const _ of streamed.events) n++;
      streamed.finish();
      return { n, ...streamed.peakResident() };
    };
    const inMemory = peakOf();
    const spilled = peakOf(storeOf(200));
    expect(spilled.n).toBe(inMemory.n);
    // without a store every event waits in memory for the merge
    expect(inMemory.streaming).toBeGreaterThan(inMemory.n * 0.9);
    // with one: a run being filled and the transfer candidates (withdrawals and deposits), no more
    const candidates = importInputs(inputs, options).flatMap((f) => f.events).filter(isTransferCandidate).length;
    expect(candidates).toBeGreaterThan(50);
    expect(candidates).toBeLessThan(inMemory.n * 0.2);
    expect(spilled.importing).toBeLessThanOrEqual(200 + candidates);
    // the candidates not yet passed, and one instant's events
    expect(spilled.streaming).toBeLessThanOrEqual(candidates + 10);
  });
});
