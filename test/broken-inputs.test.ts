/**
 * Broken and hostile inputs (`fixtures/broken/`, table in its README): the built CLI on each one
 * alone and alongside the sample (whose figures are worked out by hand in
 * fixtures/sample/README.md). Whatever the file: the exit code the contract gives, diagnostics
 * naming the file (and `file:line`), no stack trace, no hang, CSV outputs whose text cells cannot
 * run as formulas — and the sample's figures unchanged when the broken file comes along.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODES, type DiagnosticCode } from '../src/diagnostics/codes.js';
import { BROKEN, brokenEntries, generateBroken, type BrokenEntry } from './support/broken-corpus.js';
import { FIXTURES } from './support/run-report.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'taxlot.js');
const SAMPLE = join(FIXTURES, 'sample');
/** A run that takes longer than this is a hang. */
const HANG_MS = 60_000;

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly out: string;
}

function runCli(cwd: string, args: readonly string[], out: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'report', ...args, '--out', out, '--no-pdf', '--verbose', '--max-diagnostics', '100000'], {
      cwd,
      env: { ...process.env, TZ: 'Pacific/Kiritimati' },
      timeout: HANG_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, out }));
  });
}

/** Run jobs two at a time (the machine has two cores). */
async function pool<T>(jobs: (() => Promise<T>)[], width = 2): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await (jobs[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

const summaryOf = (run: Run): { inputs: Record<string, number>; capitalGains: Record<string, unknown>; income: { total: string } } | undefined =>
  existsSync(join(run.out, 'summary.json')) ? JSON.parse(readFileSync(join(run.out, 'summary.json'), 'utf8')) : undefined;

/** The sample's 2025 figures, worked out by hand in fixtures/sample/README.md. */
const SAMPLE_2025 = {
  shortTerm: { proceeds: '6170.00', costBasis: '4824.00', adjustment: '0.00', gain: '1346.00', disposals: 1 },
  longTerm: { proceeds: '25827.19', costBasis: '10556.33', adjustment: '0.00', gain: '15270.86', disposals: 4 },
  net: '16616.86',
  // no Form 1099-DA: the short line in box I, the four long lines (fixtures/sample/README.md) in L
  byBox: {
    I: { proceeds: '6170.00', costBasis: '4824.00', adjustment: '0.00', gain: '1346.00', lines: 1 },
    L: { proceeds: '25827.19', costBasis: '10556.33', adjustment: '0.00', gain: '15270.86', lines: 4 },
  },
  income: '16.80',
  rows: 14,
};

function expectNoCrash(run: Run): void {
  expect(run.signal, 'killed: the run hung or ran out of memory').toBeNull();
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/TypeError|RangeError|ReferenceError|SyntaxError|internal error|FATAL ERROR|heap out of memory/);
}

/** Every text cell of every CSV written is inert in a spreadsheet (a leading `'` when it would start a formula). */
function expectCsvOutputsInert(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
    const rows = Papa.parse<string[]>(readFileSync(join(dir, name), 'utf8'), { header: false, skipEmptyLines: true }).data;
    for (const row of rows) {
      for (const cell of row) {
        if (/^[=+@\t\r]/.test(cell) || (cell.startsWith('-') && !/^-\d+(\.\d+)?$/.test(cell))) {
          throw new Error(`${name}: the cell ${JSON.stringify(cell)} would run as a formula`);
        }
      }
    }
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const severity = (code: string): string => CODES[code as DiagnosticCode]?.severity ?? 'error';

/** Lines of stderr that are diagnostics about `name` (a file, or any file of the folder `name`). */
function linesAbout(stderr: string, name: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith(name));
}

interface Case {
  readonly entry: BrokenEntry;
  alone?: Run;
  alongside?: Run;
}

const cases: Case[] = brokenEntries().map((entry) => ({ entry }));

beforeAll(async () => {
  const base = mkdtempSync(join(tmpdir(), 'taxlot-broken-'));
  const generated = mkdtempSync(join(tmpdir(), 'taxlot-broken-gen-'));
  const jobs = cases.flatMap((c, i) => {
    const cwd = c.entry.generate ? generated : BROKEN;
    if (c.entry.generate) generateBroken(c.entry, generated);
    return [
      async () => void (c.alone = await runCli(cwd, [c.entry.path], join(base, `alone-${i}`))),
      async () => void (c.alongside = await runCli(cwd, [SAMPLE, c.entry.path, '--year', '2025'], join(base, `along-${i}`))),
    ];
  });
  await pool(jobs);
}, 300_000);

describe('fixtures/broken: each input alone', () => {
  it.each(cases.map((c) => [c.entry.path, c] as const))('%s', (_path, c) => {
    const { entry } = c;
    const run = c.alone as Run;
    expectNoCrash(run);
    expect([0, 1, 2]).toContain(run.code);
    // a run that is not clean always says which file is at fault
    if (run.code !== 0) expect(run.stderr).toContain(entry.path);
    expectCsvOutputsInert(run.out);
    if (entry.pending) return;
    expect(run.code).toBe(entry.exit);
    const about = linesAbout(run.stderr, entry.path);
    for (const code of entry.codes) expect(about.some((l) => l.includes(` ${severity(code)} ${code}: `)), `${code} naming ${entry.path}`).toBe(true);
    for (const { line, code } of entry.at) {
      expect(run.stderr).toMatch(new RegExp(`^${escape(entry.path)}:${line}: ${severity(code)} ${code}: `, 'm'));
    }
    // no control character from a cell reaches the terminal
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const summary = summaryOf(run);
    expect(summary !== undefined).toBe(entry.exit !== 2);
    if (summary && entry.inputs) expect(summary.inputs).toMatchObject(entry.inputs);
  });
});

describe('fixtures/broken: each input alongside the sample', () => {
  it.each(cases.map((c) => [c.entry.path, c] as const))('%s leaves the sample\'s figures unchanged', (_path, c) => {
    const { entry } = c;
    const run = c.alongside as Run;
    expectNoCrash(run);
    // the sample is readable, so a report is always written
    expect([0, 1]).toContain(run.code);
    if (run.code !== 0) expect(run.stderr).toContain(entry.path);
    expectCsvOutputsInert(run.out);
    const summary = summaryOf(run);
    expect(summary?.capitalGains).toEqual({ shortTerm: SAMPLE_2025.shortTerm, longTerm: SAMPLE_2025.longTerm, net: SAMPLE_2025.net, byBox: SAMPLE_2025.byBox });
    expect(summary?.income.total).toBe(SAMPLE_2025.income);
    if (entry.pending) return;
    expect(run.code).toBe(entry.exitAlongside);
    if (entry.inputs) {
      expect(summary?.inputs['rows']).toBe(SAMPLE_2025.rows + entry.inputs.rows);
      expect(summary?.inputs['rejected']).toBe(entry.inputs.rejected);
    }
  });
});
