/**
 * Where `taxlot report` may write: never over an input, and never inside a folder given as input
 * unless asked (`--allow-out-inside-inputs`) — the report would otherwise sit among the exports it
 * was computed from. Files given one by one do not make their folder an input folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { KOINLY_HEADER } from './support/report-scenario.js';

/** A folder with one Koinly wallet: 0.01 BTC bought for 100, sold for 120 (gain 20.00). */
function exportsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'taxlot-out-'));
  writeFileSync(join(dir, 'wallet.csv'), `${KOINLY_HEADER}\n2024-01-01 10:00,100,USD,0.01,BTC,,,,,,,\n2024-02-01 10:00,0.01,BTC,120,USD,,,,,,,\n`);
  return dir;
}

describe('report --out inside an input folder', () => {
  it('is refused (exit 2) naming both folders, and nothing is written', async () => {
    const dir = exportsFolder();
    const out = join(dir, 'report');
    const r = await main(['report', dir, '--out', out, '--no-pdf']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`the output folder ${out} is inside the input folder ${dir}`);
    expect(r.stderr).toContain('--allow-out-inside-inputs');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['wallet.csv']);
  });

  it('is refused when --out is the input folder itself, or deep inside it', async () => {
    const dir = exportsFolder();
    expect((await main(['report', dir, '--out', dir, '--no-pdf'])).exitCode).toBe(2);
    const deep = join(dir, 'a', 'b', 'c');
    expect((await main(['report', dir, '--out', deep, '--no-pdf'])).exitCode).toBe(2);
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });

  it('is refused through a symbolic link that leads into the input folder', async () => {
    const dir = exportsFolder();
    const elsewhere = mkdtempSync(join(tmpdir(), 'taxlot-link-'));
    mkdirSync(join(dir, 'reports'));
    symlinkSync(join(dir, 'reports'), join(elsewhere, 'link'));
    const r = await main(['report', dir, '--out', join(elsewhere, 'link', 'r'), '--no-pdf']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is inside the input folder');
  });

  it('is allowed with --allow-out-inside-inputs, and the report is not read back as input', async () => {
    const dir = exportsFolder();
    const out = join(dir, 'report');
    const r = await main(['report', dir, '--out', out, '--no-pdf', '--allow-out-inside-inputs']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('1 file, 2 rows');
    const again = await main(['report', dir, '--out', out, '--no-pdf', '--allow-out-inside-inputs']);
    expect(again.stdout).toContain('1 file, 2 rows');
  });

  it('a file given by itself does not make its folder an input folder', async () => {
    const dir = exportsFolder();
    const r = await main(['report', join(dir, 'wallet.csv'), '--out', join(dir, 'report'), '--no-pdf']);
    expect(r.exitCode).toBe(0);
  });

  it('an output folder beside the input folder is fine', async () => {
    const dir = exportsFolder();
    const r = await main(['report', dir, '--out', `${dir}-report`, '--no-pdf']);
    expect(r.exitCode).toBe(0);
  });
});
