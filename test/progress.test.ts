/** The pipeline reports its phases through the optional callback, and the result does not depend on it. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs, readInputs } from '../src/cli/io.js';
import { toReportOptions } from '../src/cli/options.js';
import { trackInputs } from '../src/cli/tracked-inputs.js';
import { computeReport } from '../src/pipeline/compute-report.js';
import type { ProgressEvent } from '../src/pipeline/progress.js';
import { defaultArgs, FIXTURES } from './support/run-report.js';

describe('ReportOptions.progress', () => {
  it('tells reading (the sample: 3 files), pairing, valuing and booking (to the last event), in that order', () => {
    const paths = collectInputs([join(FIXTURES, 'sample')]);
    const { options } = toReportOptions(defaultArgs());
    const events: ProgressEvent[] = [];
    const sink = (e: ProgressEvent) => events.push(e);
    const data = computeReport(trackInputs(readInputs(paths), paths, sink), { ...options, progress: sink });
    const phases = [...new Set(events.map((e) => e.phase))];
    expect(phases).toEqual(['read', 'match', 'price', 'book']);
    const reads = events.filter((e): e is Extract<ProgressEvent, { phase: 'read' }> => e.phase === 'read');
    expect(new Set(reads.map((e) => e.file)).size).toBe(3);
    const lastBook = events.filter((e) => e.phase === 'book').pop() as Extract<ProgressEvent, { phase: 'book' }>;
    expect(lastBook.done).toBe(lastBook.total);
    expect(lastBook.total).toBeGreaterThan(0);
    // the same report with and without a progress callback
    const plain = computeReport(readInputs(paths), options);
    expect(data.summary).toEqual(plain.summary);
  });
});
