/** `taxlot prices missing` when nothing is missing: it says so and writes no table to fill. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const HEADER = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';

describe('taxlot prices missing, nothing missing', () => {
  it('prints that every event has a price and writes no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxlot-pm-'));
    // both trades are against USD: each is valued by its USD side, no price is needed
    writeFileSync(join(dir, 'wallet.csv'), `${HEADER}\n2024-01-01 10:00,100,USD,0.01,BTC,,,,,,,\n2024-02-01 10:00,0.01,BTC,120,USD,,,,,,,\n`);
    const out = join(dir, 'needed.csv');
    const r = await main(['prices', 'missing', join(dir, 'wallet.csv'), '--out', out]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('taxlot: no missing prices — every event has a price; nothing written');
    expect(existsSync(out)).toBe(false);
  });
});
