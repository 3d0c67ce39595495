/**
 * The command line as a user runs it: the compiled bin (`npm test` builds first), exit codes,
 * and what lands on stdout/stderr and in the output folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './support/run-report.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'taxlot.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'Pacific/Kiritimati' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'taxlot-cli-'));
const KOINLY_HEADER = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';

describe('taxlot report', () => {
  it('writes the report for the sample and exits 0 (machine zone far from UTC changes nothing)', () => {
    const out = join(tmp(), 'report');
    const r = run('report', join(FIXTURES, 'sample'), '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 files, 14 rows (14 imported, 0 skipped, 0 rejected); tax year 2025, FIFO');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.capitalGains.net).toBe('16616.86');
  });

  it('--max-input-size: a larger file is not read (INPUT_TOO_LARGE), the others are', () => {
    const dir = tmp();
    const small = `${KOINLY_HEADER}\n2024-01-01 10:00,100,USD,0.01,BTC,,,,,,,\n2024-02-01 10:00,0.01,BTC,120,USD,,,,,,,\n`;
    writeFileSync(join(dir, 'small.csv'), small); // under 300 bytes
    writeFileSync(join(dir, 'big.csv'), small + '2024-03-01 10:00,100,USD,0.01,BTC,,,,,,,\n'.repeat(100)); // over 4 KiB
    const out = join(tmp(), 'out');
    const r = run('report', dir, '--out', out, '--max-input-size', String(1 / 256)); // 4 KiB
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/big\.csv: error INPUT_TOO_LARGE: the file has \d+ bytes; the limit is 4096/);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    // small.csv alone: bought for 100, sold for 120
    expect(s.capitalGains.net).toBe('20.00');
    expect(s.inputs).toEqual({ files: 2, rows: 2, imported: 2, skipped: 0, rejected: 0 });
  });

  it('gives the same bytes whatever the read size (TAXLOT_CHUNK_BYTES=3: reads of 3 bytes cut every line and quoted cell)', () => {
    const outs = ['', '3'].map((chunk) => {
      const out = join(tmp(), 'report');
      const r = spawnSync(process.execPath, [BIN, 'report', join(FIXTURES, 'sample'), '--out', out, '--no-pdf'], {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'Pacific/Kiritimati', TAXLOT_CHUNK_BYTES: chunk },
      });
      expect(r.status).toBe(0);
      return ['summary.json', 'form8949.csv', 'audit-trail.csv'].map((f) => readFileSync(join(out, f), 'utf8'));
    });
    expect(outs[1]).toEqual(outs[0]);
  });

  it('is deterministic: two runs give identical bytes', () => {
    const a = join(tmp(), 'a');
    const b = join(tmp(), 'b');
    run('report', join(FIXTURES, 'sample'), '--out', a);
    run('report', join(FIXTURES, 'sample'), '--out', b);
    for (const f of ['summary.json', 'form8949.csv', 'income.csv', 'open-lots.csv']) {
      expect(readFileSync(join(a, f))).toEqual(readFileSync(join(b, f)));
    }
  });

  it('a malformed row: exit 1, a diagnostic with file and line, and the row counted as rejected', () => {
    const dir = tmp();
    const file = join(dir, 'wallet.csv');
    writeFileSync(file, `${KOINLY_HEADER}\n2024-01-01 10:00,100,USD,0.01,BTC,,,,,,,\n2024-02-01 10:00,0.01,BTC,12x0,USD,,,,,,,\n`);
    const out = join(dir, 'out');
    const r = run('report', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/wallet\.csv:3: error ROW_BAD_NUMBER: cannot read "12x0" as a number in column "Received Amount"/);
    const inputs = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).inputs;
    expect(inputs).toEqual({ files: 1, rows: 2, imported: 1, skipped: 0, rejected: 1 });
  });

  it('only a file of unknown format: exit 2, names the file and the closest format, writes nothing', () => {
    const dir = tmp();
    const file = join(dir, 'mystery.csv');
    writeFileSync(file, 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency\n2024-01-01,1,BTC,,\n');
    const out = join(dir, 'out');
    const r = run('report', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mystery.csv: error FORMAT_UNKNOWN: unknown format; closest is koinly-universal, missing columns: Fee Amount, Fee Currency');
    expect(existsSync(join(out, 'summary.json'))).toBe(false);
  });

  it('an unknown file among good ones: exit 1 and the rest is reported', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'good.csv'), `${KOINLY_HEADER}\n2024-01-01 10:00,100,USD,0.01,BTC,,,,,,,\n2024-02-01 10:00,0.01,BTC,120,USD,,,,,,,\n`);
    writeFileSync(join(dir, 'bad.csv'), 'foo,bar\n1,2\n');
    const out = join(tmp(), 'out');
    const r = run('report', dir, '--out', out);
    expect(r.code).toBe(1);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    // 0.01 BTC bought for 100, sold for 120: gain 20
    expect(s.capitalGains.net).toBe('20.00');
    expect(s.inputs).toEqual({ files: 2, rows: 3, imported: 2, skipped: 0, rejected: 1 });
  });

  it('a re-run into the same folder removes its own stale files and nothing else', () => {
    const out = join(tmp(), 'report');
    expect(run('report', join(FIXTURES, 'sample'), '--out', out).code).toBe(0);
    expect(existsSync(join(out, 'report.pdf'))).toBe(true);
    writeFileSync(join(out, 'my-notes.txt'), 'keep me');
    expect(run('report', join(FIXTURES, 'sample'), '--out', out, '--no-pdf').code).toBe(0);
    expect(existsSync(join(out, 'report.pdf'))).toBe(false);
    expect(readFileSync(join(out, 'my-notes.txt'), 'utf8')).toBe('keep me');
  });

  it('never writes over a file it reads, and says so without a stack trace', () => {
    const dir = tmp();
    const file = join(dir, 'w.csv');
    const content = `${KOINLY_HEADER}\n2024-01-01 10:00,1,ETH,0.05,BTC,,,,,,,\n`;
    writeFileSync(file, content);
    const a = run('prices', 'missing', file, '--out', file);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('would overwrite');
    expect(readFileSync(file, 'utf8')).toBe(content);
    const b = run('report', file, '--out', file);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('is a file; it must be a folder');
    expect(b.stderr).not.toContain('internal error');
    expect(run('prices', 'missing', file, '--out', dir).stderr).toContain('is a folder');
  });

  it('a header-only file: nothing could be read, exit 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.csv'), `${KOINLY_HEADER}\n`);
    const out = join(tmp(), 'out');
    const r = run('report', dir, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing could be read');
    expect(existsSync(join(out, 'summary.json'))).toBe(false);
  });

  it('does not read back the report folder of an earlier run inside the inputs', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'good.csv'), `${KOINLY_HEADER}\n2024-01-01 10:00,100,USD,0.01,BTC,,,,,,,\n2024-02-01 10:00,0.01,BTC,120,USD,,,,,,,\n`);
    expect(run('report', dir, '--out', join(dir, 'report'), '--allow-out-inside-inputs').code).toBe(0);
    const again = run('report', dir, '--out', join(tmp(), 'elsewhere'));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('1 file, 2 rows');
  });

  it('usage errors exit 2', () => {
    expect(run('report', join(FIXTURES, 'sample'), '--transfer-window', '-3').code).toBe(2);
    expect(run('report', join(FIXTURES, 'sample'), '--year', 'abc').stderr).toContain('--year must be a calendar year such as 2024');
    expect(run('report', '/nonexistent/path').code).toBe(2);
    expect(run('report', join(FIXTURES, 'sample'), '--method', 'avg').code).toBe(2);
    expect(run('report', join(FIXTURES, 'sample'), '--timezone', 'Mars/Olympus').code).toBe(2);
  });
});

describe('taxlot check and formats', () => {
  it('check reports what each file is and its row accounting', () => {
    const r = run('check', join(FIXTURES, 'sample'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('coinbase.csv: coinbase-transactions-v4');
    expect(r.stdout).toContain('kraken.csv: kraken-ledgers');
    expect(r.stdout).toContain('total: 3 files, rows 14: imported 14, skipped 0, rejected 0');
  });
  it('formats lists every importer with its id', () => {
    const r = run('formats');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('koinly-universal');
    expect(r.stdout).toContain('kraken-ledgers');
  });
});
