/**
 * The launcher runs the command line in a worker thread (src/cli/cli-thread.ts, for a larger
 * young generation). Whatever runs it, a user sees the same: the same stdout, stderr, exit code
 * and report bytes as with the CLI in the main thread (`TAXLOT_IN_PROCESS=1`). `npm test` builds
 * `dist/` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileDigests } from './support/folder-snapshot.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'taxlot.js');

function run(args: string[], inProcess: boolean): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, NO_COLOR: '1', TAXLOT_IN_PROCESS: inProcess ? '1' : '0' };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the CLI in its worker thread', () => {
  it('a report: the same streams, exit code and files as in the main thread', () => {
    const outs = [true, false].map((inProcess) => {
      const out = join(mkdtempSync(join(tmpdir(), 'taxlot-thread-')), 'r');
      const r = run(['report', 'fixtures/sample', '--out', out], inProcess);
      return { ...r, stdout: r.stdout.replaceAll(out, 'OUT'), stderr: r.stderr.replaceAll(out, 'OUT'), files: fileDigests(out) };
    });
    const [main, worker] = outs as [(typeof outs)[0], (typeof outs)[0]];
    expect(worker.status, worker.stderr).toBe(0);
    // the sample's hand-worked net gain (fixtures/sample/README.md)
    expect(worker.stdout).toContain('net capital gain       16616.86 USD');
    expect(worker).toEqual(main);
  }, 60_000);

  it('a usage error and --version: the same text and exit codes (2 and 0)', () => {
    for (const args of [['repot'], ['--version'], ['report', 'fixtures/sample', '--yaer', '2024']]) {
      const main = run(args, true);
      const worker = run(args, false);
      expect(worker).toEqual(main);
    }
    expect(run(['repot'], false).status).toBe(2);
    expect(run(['--version'], false).status).toBe(0);
  }, 60_000);

  it('a report whose data has errors (a truncated last row, fixtures/broken/expected.json) exits 1 from the worker too', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'taxlot-thread-')), 'r');
    const r = run(['report', 'fixtures/broken/truncated-last-line.csv', '--out', out, '--no-pdf'], false);
    expect(r.status, r.stderr).toBe(1);
  }, 60_000);
});

describe('the worker thread\'s output', () => {
  it('reaches the main thread while the worker computes without turning its event loop (progress does not freeze)', async () => {
    const { MessageChannel, Worker } = await import('node:worker_threads');
    const { pathToFileURL } = await import('node:url');
    const { port1, port2 } = new MessageChannel();
    const facts = { isTTY: false, columns: undefined, colors: false };
    const entry = pathToFileURL(join(ROOT, 'dist', 'cli', 'cli-thread.js')).href;
    // the worker writes, then computes for 1.5 s synchronously, then writes again
    const code = `
      const { workerTerminal } = await import(${JSON.stringify(entry)});
      const { end } = workerTerminal();
      process.stderr.write('first\\n');
      const until = Date.now() + 1500;
      while (Date.now() < until);
      process.stdout.write('second\\n');
      end();`;
    const arrivals: { text: string; at: number }[] = [];
    const started = Date.now();
    port1.on('message', (m: { text?: string }) => {
      if (m.text !== undefined) arrivals.push({ text: m.text, at: Date.now() - started });
    });
    const worker = new Worker(code, {
      eval: true,
      workerData: { argv: [], sections: new Int32Array(new SharedArrayBuffer(4)), stdout: facts, stderr: facts, output: port2 },
      transferList: [port2],
    });
    await new Promise((resolve) => worker.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    port1.close();
    expect(arrivals.map((a) => a.text)).toEqual(['first\n', 'second\n']);
    // the first line was there while the worker was still busy: well before the second
    expect(arrivals[1]!.at - arrivals[0]!.at).toBeGreaterThan(700);
  }, 30_000);
});
