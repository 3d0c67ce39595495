/**
 * `taxlot report` end to end (in process): the report folder holds the PDF and every export,
 * `--no-pdf` leaves the PDF out, and an output folder that would overwrite an input is refused.
 */
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { pdfText } from './support/pdf-text.js';
import { KOINLY_HEADER, SCENARIO_2025 } from './support/report-scenario.js';

const dirs: string[] = [];
function workspace(): { input: string; out: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'taxlot-report-'));
  dirs.push(root);
  const input = join(root, 'wallet.csv');
  writeFileSync(input, `${KOINLY_HEADER}\n${SCENARIO_2025.trim().split('\n').map((l) => l.trim()).join('\n')}\n`);
  return { input, out: join(root, 'out'), root };
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('taxlot report', () => {
  it('writes the PDF and the tax-software exports, with the label on the PDF', async () => {
    const { input, out } = workspace();
    const r = await main(['report', input, '--out', out, '--year', '2025', '--label', 'Jane Q. Public']);
    // Warnings only (missing basis, negative balance): exit 0.
    expect(r.exitCode).toBe(0);
    const written = readdirSync(out).sort();
    for (const f of ['report.pdf', 'turbotax-gains.csv', 'turbotax-transactions.csv', 'taxact-capital-gains.csv', 'capital-gains.txf', 'audit-trail.csv', 'summary.json']) {
      expect(written, f).toContain(f);
    }
    expect(written.some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(pdfText(readFileSync(join(out, 'report.pdf')))).toContain('Jane Q. Public');
  });

  it('--no-pdf skips only the PDF', async () => {
    const { input, out } = workspace();
    const r = await main(['report', input, '--out', out, '--year', '2025', '--no-pdf']);
    expect(r.exitCode).toBe(0);
    expect(existsSync(join(out, 'report.pdf'))).toBe(false);
    expect(existsSync(join(out, 'capital-gains.txf'))).toBe(true);
  });

  it('refuses an output folder where a report file would overwrite an input', async () => {
    const { root } = workspace();
    const out = join(root, 'out');
    mkdirSync(out);
    // The input happens to carry the name of one of the new outputs.
    const input = join(out, 'capital-gains.txf');
    writeFileSync(input, `${KOINLY_HEADER}\n2025-01-01 10:00,100,USD,1,ETH,,,,,,,\n`);
    const r = await main(['report', input, '--out', out]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('would overwrite the input');
    expect(readFileSync(input, 'utf8')).toContain('2025-01-01 10:00');
  });

  it('rejects a summary threshold that is not a positive whole number', async () => {
    const { input, out } = workspace();
    const r = await main(['report', input, '--out', out, '--summary-threshold', '0']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--summary-threshold');
  });
});
