/**
 * A file imported in another thread (pipeline/import-elsewhere.ts, cli/import-thread.ts) must
 * change nothing a user can see. In process: a stand-in for the shell's thread runs the same
 * function the thread runs, into the same kind of store, and the report equals the one read in
 * one thread — including which file is sent, and a thread that fails. Through the CLI: with the
 * size threshold lowered so that the sample's largest file goes to a real thread, the report
 * folder and the printed streams equal those of `TAXLOT_THREADS=1`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs, readInputs } from '../src/cli/io.js';
import { toReportOptions } from '../src/cli/options.js';
import { computeReport } from '../src/pipeline/compute-report.js';
import { importFileEvents } from '../src/pipeline/import-elsewhere.js';
import type { ParallelImport } from '../src/pipeline/parallel-import.js';
import { memorySpillStore } from '../src/pipeline/spill-store.js';
import { fileDigests } from './support/folder-snapshot.js';
import { defaultArgs, FIXTURES } from './support/run-report.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'taxlot.js');

describe('a file imported elsewhere (in process, a stand-in thread)', () => {
  const inputs = readInputs(collectInputs([join(FIXTURES, 'sample')]));
  const { options } = toReportOptions(defaultArgs());
  const store = { ...memorySpillStore, runSize: 2 };
  const plain = computeReport(inputs, { ...options, spill: store });

  for (const pick of [0, 1, 2]) {
    it(`sending file ${pick} of the sample gives the same report`, () => {
      const offered: number[][] = [];
      const parallel: ParallelImport = {
        choose: (candidates) => (offered.push([...candidates]), pick),
        start: (request) => ({ wait: () => importFileEvents(inputs[request.index]!, request, options.importers, store) }),
      };
      const sent = computeReport(inputs, { ...options, spill: store, parallelImport: parallel });
      // the sample's three files are three formats: none can overlap another, all may go
      expect(offered).toEqual([[0, 1, 2]]);
      expect(sent.summary).toEqual(plain.summary);
      expect(sent.files).toEqual(plain.files);
      expect(sent.disposals).toEqual(plain.disposals);
    });
  }

  it('a thread that fails: the file is imported here, the same report', () => {
    const parallel: ParallelImport = { choose: () => 1, start: () => ({ wait: () => undefined }) };
    const sent = computeReport(inputs, { ...options, spill: store, parallelImport: parallel });
    expect(sent.summary).toEqual(plain.summary);
    expect(sent.files).toEqual(plain.files);
  });

  it('files that may overlap (same importer and wallet) are not offered', () => {
    const twice = [...inputs, { ...inputs[0]!, file: 'copy-of-coinbase.csv' }];
    const offered: number[][] = [];
    const parallel: ParallelImport = { choose: (c) => (offered.push([...c]), undefined), start: () => ({ wait: () => undefined }) };
    computeReport(twice, { ...options, spill: store, parallelImport: parallel });
    const coinbase = inputs.findIndex((f) => f.file.endsWith('coinbase.csv'));
    expect(offered[0]).not.toContain(coinbase);
    expect(offered[0]).not.toContain(3);
    expect(offered[0]?.length).toBe(2);
  });
});

describe('a file imported in a real thread (the CLI)', () => {
  it('the sample with its largest file in a thread: the same folder and streams as in one thread', () => {
    const runs = ['0', '1'].map((one) => {
      const out = join(mkdtempSync(join(tmpdir(), 'taxlot-import-thread-')), 'r');
      const env = { ...process.env, NO_COLOR: '1', TAXLOT_THREAD_MIN_BYTES: '0', TAXLOT_THREADS: one };
      const r = spawnSync(process.execPath, [BIN, 'report', 'fixtures/sample', '--out', out], { cwd: ROOT, encoding: 'utf8', env });
      return { status: r.status, stdout: r.stdout.replaceAll(out, 'OUT'), stderr: r.stderr.replaceAll(out, 'OUT'), files: fileDigests(out) };
    });
    expect(runs[0]!.status, runs[0]!.stderr).toBe(0);
    expect(runs[0]!.stdout).toContain('net capital gain       16616.86 USD');
    expect(runs[0]).toEqual(runs[1]);
  }, 60_000);
});
