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
