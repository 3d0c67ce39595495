/**
 * `--overrides` on the command line: a malformed file and an override naming no row give their
 * diagnostics and the contract's exit codes (0 complete, 1 written with errors, 2 usage).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KOINLY_HEADER } from './support/report-scenario.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'taxlot.js');
const dir = mkdtempSync(join(tmpdir(), 'taxlot-ov-cli-'));
mkdirSync(join(dir, 'in'));
// buy 2 ETH for 4,000; sell 1 for 3,000: short-term 3,000 − 2,000 = 1,000.00
writeFileSync(join(dir, 'in', 'w.csv'), `${KOINLY_HEADER}\n2024-01-01 10:00,4000,USD,2,ETH,,,,,,,\n2024-06-01 10:00,1,ETH,3000,USD,,,,,,,\n`);
const run = (name: string, overrides: string) => {
  writeFileSync(join(dir, name), overrides);
  const out = join(dir, `out-${name}`);
  const r = spawnSync(process.execPath, [BIN, 'report', join(dir, 'in'), '--out', out, '--no-pdf', '--overrides', join(dir, name)], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stderr: r.stderr, out };
};

describe('--overrides', () => {
  it('a malformed file: OVERRIDES_INVALID at its line, exit 1, the report written without it', () => {
    const r = run('bad.json', '{"rows": [\n  {"file": "w.csv", "line": 2,, }\n]}\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json:2: error OVERRIDES_INVALID: not valid JSON/);
    const s = JSON.parse(readFileSync(join(r.out, 'summary.json'), 'utf8')) as { diagnostics: { errors: number }; capitalGains: { net: string } };
    expect(s.diagnostics.errors).toBe(1);
    expect(s.capitalGains.net).toBe('1000.00');
  });

  it('an unknown key (the old {"deposits": …}) is OVERRIDES_INVALID: exit 1', () => {
    const r = run('deposits.json', '{"deposits": []}');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deposits\.json:1: error OVERRIDES_INVALID: unknown key\(s\) "deposits"/);
  });

  it('an override naming no row: OVERRIDE_UNMATCHED warning, exit 0, figures unchanged', () => {
    const r = run('unmatched.json', '{"rows": [{"file": "w.csv", "line": 9, "ignore": "x"}]}');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/unmatched\.json:1: warning OVERRIDE_UNMATCHED: rows\[0\]: .*no data row at line 9/);
    expect(readFileSync(join(r.out, 'overrides-applied.csv'), 'utf8')).toBe('override,overrides_file,rows,change,from,to\n');
  });

  it('an overrides file that cannot be read is a usage error: exit 2', () => {
    const r = spawnSync(process.execPath, [BIN, 'report', join(dir, 'in'), '--out', join(dir, 'o'), '--overrides', join(dir, 'missing.json')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
  });
});
