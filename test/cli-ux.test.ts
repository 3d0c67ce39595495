/**
 * The command line for people and scripts (issue 21): the answer as the last word, --json,
 * --quiet, short aliases, examples in --help, "did you mean", colour only when wanted. Spawns the
 * compiled bin (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './support/run-report.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'taxlot.js');
const run = (args: string[], env: Record<string, string | undefined> = {}, cwd?: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env }, ...(cwd ? { cwd } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'taxlot-cliux-'));
const HEADER = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
// Buy 1 BTC for 1,000; sell 0.5 BTC for 800 (basis 500: +300); sell 1 ETH never bought for 200
// (zero basis: +200, the 200 of proceeds are at risk). Short-term 500.00, long-term 0.00.
const WALLET = `${HEADER}\n2024-01-02 12:00,1000,USD,1,BTC,,,,,,buy,\n2024-03-01 12:00,0.5,BTC,800,USD,,,,,,sell,\n2024-04-01 12:00,1,ETH,200,USD,,,,,,sell,\n`;

function wallet(): string {
  const dir = tmp();
  writeFileSync(join(dir, 'w.csv'), WALLET);
  return dir;
}

describe('taxlot report: the answer', () => {
  it('ends with the figures, the warnings by code and where the report is', () => {
    const dir = wallet();
    const r = run(['report', 'w.csv', '-o', 'out', '-y', '2024', '--no-pdf'], {}, dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain('1 file, 3 rows (3 imported, 0 skipped, 0 rejected); tax year 2024, FIFO; 0 errors, 2 warnings; wrote out/');
    expect(lines.slice(1)).toEqual([
      '  short-term gain        500.00 USD',
      '  long-term gain           0.00 USD',
      '  net capital gain       500.00 USD',
      '  income                   0.00 USD',
      '  missing basis at risk  200.00 USD',
      '  loss deduction           0.00 USD',
      '  warnings: BALANCE_NEGATIVE 1, MISSING_BASIS 1',
      '  report: out/ (all diagnostics in out/diagnostics.txt)',
    ]);
    // the diagnostics are on stderr (printed before the answer)
    expect(r.stderr).toContain('warning MISSING_BASIS');
    expect(r.stderr).not.toContain('\x1b['); // not a terminal: no colour, no progress line
  });

  it('--quiet: only the one-line summary and the errors', () => {
    const r = run(['report', 'w.csv', '-o', 'out', '-q', '--no-pdf'], {}, wallet());
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('');
  });

  it('--json: one JSON object on stdout, one JSON line per diagnostic on stderr', () => {
    const r = run(['report', 'w.csv', '--out', 'out', '--json', '--no-pdf'], {}, wallet());
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer).toMatchObject({
      exitCode: 0, taxYear: 2024, currency: 'USD', method: 'FIFO', shortTerm: '500.00', longTerm: '0.00', net: '500.00',
      income: '0.00', missingBasisAtRisk: '200.00', lossDeduction: '0.00', errors: {}, warnings: { BALANCE_NEGATIVE: 1, MISSING_BASIS: 1 }, out: 'out',
    });
    expect(answer.written).toContain('summary.json');
    const diagnostics = r.stderr.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(diagnostics.map((d) => [d.severity, d.code, d.file, d.line])).toEqual([
      ['warning', 'BALANCE_NEGATIVE', 'w.csv', 4],
      ['warning', 'MISSING_BASIS', 'w.csv', 4],
    ]);
  });

  it('--json: `written` is what the manifest lists, `kept` the user\'s own files carried over', () => {
    const dir = wallet();
    const first = JSON.parse(run(['report', 'w.csv', '--out', 'out', '--json', '--no-pdf'], {}, dir).stdout);
    expect(first.kept).toEqual([]);
    writeFileSync(join(dir, 'out', 'my-notes.txt'), 'call the accountant\n');
    const again = JSON.parse(run(['report', 'w.csv', '--out', 'out', '--json', '--no-pdf'], {}, dir).stdout);
    expect(again.kept).toEqual(['my-notes.txt']);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', '.taxlot-manifest.json'), 'utf8')) as { files: { name: string }[] };
    expect(again.written).toEqual(manifest.files.map((f) => f.name));
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.taxlot-manifest.json', ...again.written, ...again.kept].sort());
  });
});

describe('taxlot: habits', () => {
  it('-h and -V are --help and --version; every command --help has examples', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(run(['-V']).stdout.trim()).toBe(pkg.version);
    expect(run(['-h']).stdout).toContain('Examples:');
    for (const cmd of [['report'], ['batch'], ['check'], ['harvest'], ['formats'], ['prices', 'missing']]) {
      const help = run([...cmd, '--help']).stdout;
      expect(help, cmd.join(' ')).toContain('Examples:');
      expect(help, cmd.join(' ')).toContain(`taxlot ${cmd.join(' ')}`);
    }
    const report = run(['report', '--help']).stdout;
    for (const flag of ['-o, --out', '-y, --year', '-m, --method', '-q, --quiet', '-v, --verbose', '-h, --help', '-V, --version', '--json']) expect(report).toContain(flag);
  });

  it('suggests the option meant for a typo, and the command meant', () => {
    const r = run(['report', 'x.csv', '--yaer', '2024']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown argument: yaer');
    expect(r.stderr).toContain('did you mean --year? (for --yaer)');
    const c = run(['reprot', 'x.csv']);
    expect([c.code, c.stderr.split('\n')[0]]).toEqual([2, 'taxlot: Did you mean report?']);
    // nothing close: no suggestion
    expect(run(['report', 'x.csv', '--zzzzzzzz']).stderr).not.toContain('did you mean');
  });

  it('colour only when forced (FORCE_COLOR) and never with NO_COLOR alone in a pipe', () => {
    const dir = wallet();
    const forced = run(['report', 'w.csv', '-o', 'out', '--no-pdf'], { FORCE_COLOR: '1' }, dir);
    expect(forced.stdout).toContain('\x1b[33mwarnings\x1b[39m');
    const none = run(['report', 'w.csv', '-o', 'out', '--no-pdf'], { NO_COLOR: '1' }, dir);
    expect(none.stdout).not.toContain('\x1b[');
  });

  it('check --json: the recognition table as JSON', () => {
    const r = run(['check', join(FIXTURES, 'sample'), '--json']);
    expect(r.code).toBe(0);
    const table = JSON.parse(r.stdout);
    expect(table.total).toEqual({ files: 3, rows: 14, imported: 14, skipped: 0, rejected: 0 });
    const formats = Object.fromEntries(table.files.map((f: { file: string; format: string }) => [f.file.split('/').pop(), f.format]));
    expect(formats['coinbase.csv']).toBe('coinbase-transactions-v4');
    expect(formats['kraken.csv']).toBe('kraken-ledgers');
  });
});
