/**
 * The built CLI interrupted for real (issue 21 item 3, issue 17 item 3): a child process writing
 * a report of a generated 60,000-row history is sent SIGINT, SIGTERM or SIGKILL while its staging
 * folder exists (the write phase), or SIGINT while it is still computing. The previous report
 * must be byte-identical afterwards; nothing of the run may remain, except after SIGKILL, whose
 * staging folder the next run must remove. Two real processes into one folder: the second is
 * refused. `npm test` builds `dist/` first.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { physicalPath } from '../src/cli/io.js';
import { acquireOutputLock } from '../src/cli/output-lock.js';
import { leftovers, snapshot } from './support/folder-snapshot.js';
import { KOINLY_HEADER } from './support/report-scenario.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'taxlot.js');

/** 30,000 ETH buys and 30,000 sells a minute apart in 2024: 30,000 Form 8949 lines, ~17 MB of report. */
function history(rows: number): string {
  const lines = [KOINLY_HEADER];
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    const d = new Date(t0 + i * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    lines.push(i % 2 === 0 ? `${d},${1000 + (i % 97)},USD,1,ETH,,,,,,buy,` : `${d},1,ETH,${1010 + (i % 89)},USD,,,,,,sell,`);
  }
  return `${lines.join('\n')}\n`;
}

let input = '';
let baseline = '';
let baselineFiles = new Map<string, string>();

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'taxlot-interrupt-'));
  input = join(root, 'history.csv');
  writeFileSync(input, history(60_000));
  baseline = join(root, 'baseline');
  const r = spawnSync(process.execPath, [BIN, 'report', input, '--out', baseline, '--no-pdf'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  baselineFiles = snapshot(baseline);
}, 120_000);

/** A parent folder holding a copy of the baseline report as `r`. */
function previousReport(): { parent: string; out: string } {
  const parent = mkdtempSync(join(tmpdir(), 'taxlot-interrupt-out-'));
  const out = join(parent, 'r');
  mkdirSync(out);
  for (const [name, base64] of baselineFiles) writeFileSync(join(out, name), Buffer.from(base64, 'base64'));
  return { parent, out };
}

function start(out: string, ...more: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, 'report', input, '--out', out, '--no-pdf', '--method', 'hifo', ...more], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

/** Resolves once the run's staging folder exists in `parent` (it is writing), or rejects when the run ended first. */
function writing(parent: string, done: Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    let over = false;
    void done.then(() => (over = true));
    const timer = setInterval(() => {
      if (readdirSync(parent).some((n) => n.startsWith('.r.taxlot-tmp-'))) {
        clearInterval(timer);
        resolve();
      } else if (over) {
        clearInterval(timer);
        reject(new Error('the run ended before its staging folder was seen'));
      }
    }, 2);
  });
}

const method = (out: string): string => (JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { method: string }).method;

describe('a report run interrupted while writing', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal}: exit ${code}, the previous report byte-identical, no staging folder left`, async () => {
      const { parent, out } = previousReport();
      const { child, done } = start(out);
      await writing(parent, done);
      child.kill(signal);
      const r = await done;
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toContain(`taxlot: interrupted (${signal}); ${out} was left as it was`);
      expect(r.stderr).not.toContain('internal error');
      expect(snapshot(out)).toEqual(baselineFiles);
      expect(leftovers(parent)).toEqual([]);
    }, 60_000);
  }

  it('SIGKILL: the previous report byte-identical; the staging folder it leaves is removed by the next run', async () => {
    const { parent, out } = previousReport();
    const { child, done } = start(out);
    await writing(parent, done);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(snapshot(out)).toEqual(baselineFiles);
    expect(leftovers(parent).length).toBe(1);
    const next = spawnSync(process.execPath, [BIN, 'report', input, '--out', out, '--no-pdf', '--method', 'hifo'], { encoding: 'utf8' });
    expect(next.status, next.stderr).toBe(0);
    expect(leftovers(parent)).toEqual([]);
    expect(method(out)).toBe('HIFO');
  }, 60_000);

  it('SIGINT while writing a report with its PDF is honoured within a second or two (the PDF is laid out before writing starts)', async () => {
    const { parent, out } = previousReport();
    const { child, done } = start(out, '--pdf');
    await writing(parent, done);
    const sent = performance.now();
    child.kill('SIGINT');
    const r = await done;
    const waited = performance.now() - sent;
    // laying out 30,000 lines of PDF takes seconds: were it done while writing, the signal would wait for it
    expect(waited, r.stderr).toBeLessThan(2500);
    if (r.code === 130) expect(snapshot(out)).toEqual(baselineFiles);
    else expect(r.code, r.stderr).toBe(0); // it had already swapped the new report in
    expect(leftovers(parent)).toEqual([]);
  }, 120_000);

  it('SIGINT while still computing ends the run at once and leaves nothing', async () => {
    const { parent, out } = previousReport();
    const { child, done } = start(out);
    setTimeout(() => child.kill('SIGINT'), 300);
    const r = await done;
    // before the write phase the default action ends the process; had it reached the write phase, 130
    expect(r.signal === 'SIGINT' || r.code === 130, `${r.code} ${r.signal}`).toBe(true);
    expect(snapshot(out)).toEqual(baselineFiles);
    expect(readdirSync(parent)).toEqual(['r']);
  }, 60_000);
});

describe('a folder the user may not write to (a real EACCES)', () => {
  it('exit 2 with the path and the cause, the previous report as it was', () => {
    const { parent, out } = previousReport();
    chmodSync(parent, 0o555);
    chmodSync(out, 0o555);
    // root ignores permissions: run the CLI as "nobody" then (tests usually run as root here)
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const small = join(parent, '..', `${parent.split('/').pop()}-wallet.csv`);
    writeFileSync(small, `${KOINLY_HEADER}\n2024-01-01 10:00,100,USD,0.01,BTC,,,,,,,\n2024-02-01 10:00,0.01,BTC,120,USD,,,,,,,\n`);
    const r = spawnSync(process.execPath, [BIN, 'report', small, '--out', out, '--no-pdf'], { encoding: 'utf8', ...asUser });
    chmodSync(parent, 0o755);
    chmodSync(out, 0o755);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`taxlot: cannot write ${out}: permission denied (EACCES); ${out} was left as it was (taxlot writes the new report beside the folder`);
    expect(r.stderr).not.toContain('internal error');
    expect(snapshot(out)).toEqual(baselineFiles);
    expect(leftovers(parent)).toEqual([]);
  });
});

describe('two runs into one folder', () => {
  it('a run while another process holds the folder is refused with exit 2, naming the holder', async () => {
    const { parent, out } = previousReport();
    const lock = await acquireOutputLock(physicalPath(out), out, 'report');
    try {
      // spawned, not spawnSync: this process must stay free to answer who holds the lock
      const r = await start(out).done;
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`taxlot: another taxlot run (pid ${process.pid}, started `);
      expect(r.stderr).not.toContain('internal error');
    } finally {
      lock.release();
    }
    expect(snapshot(out)).toEqual(baselineFiles);
    expect(readdirSync(parent)).toEqual(['r']);
  }, 60_000);

  it('two CLI processes: the second is refused while the first writes; the folder is wholly the first run\'s', async () => {
    const { parent, out } = previousReport();
    const first = start(out);
    await writing(parent, first.done);
    first.child.kill('SIGSTOP'); // hold it mid-write, so the second surely meets it
    try {
      const second = spawnSync(process.execPath, [BIN, 'report', input, '--out', out, '--no-pdf', '--method', 'lifo'], { encoding: 'utf8' });
      expect(second.status).toBe(2);
      // a stopped holder answers nothing: on Linux its pid is read from its socket's name tag
      const named = process.platform === 'linux' ? `(pid ${first.child.pid}, started ` : '';
      expect(second.stderr).toContain(`taxlot: another taxlot run ${named}`);
      expect(second.stderr).toContain(`is writing ${out}; wait for it to finish`);
    } finally {
      first.child.kill('SIGCONT');
    }
    const r = await first.done;
    expect(r.code, r.stderr).toBe(0);
    expect(method(out)).toBe('HIFO');
    const listed = (JSON.parse(readFileSync(join(out, '.taxlot-manifest.json'), 'utf8')) as { files: { name: string }[] }).files.map((f) => f.name);
    expect(readdirSync(out).filter((n) => n !== '.taxlot-manifest.json').sort()).toEqual([...listed].sort());
    expect(leftovers(parent)).toEqual([]);
  }, 60_000);
});
