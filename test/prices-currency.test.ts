/**
 * Report currency and exchange rates end to end, through `main()` with the Koinly universal
 * template: a EUR-valued export in a USD report, and a report in EUR. Figures computed by hand.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const HEADER = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const setup = (rows: string[], prices: string[]) => {
  const dir = mkdtempSync(join(tmpdir(), 'taxlot-currency-'));
  made.push(dir);
  writeFileSync(join(dir, 'wallet.csv'), `${[HEADER, ...rows].join('\n')}\n`);
  writeFileSync(join(dir, 'prices.csv'), `${['date,asset,currency,price', ...prices].join('\n')}\n`);
  return dir;
};
const summary = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));

describe('a Koinly export valued in EUR, report in USD', () => {
  const rows = [
    '2024-01-10 10:00,2500,EUR,1,ETH,,,,,,,',
    '2024-03-01 10:00,,,2,SOL,,,160,EUR,staking,,',
    '2024-04-01 10:00,1,ETH,0.05,BTC,,,3000,EUR,,,',
  ];

  it('converts every EUR amount with the table\'s rates', async () => {
    // ETH cost 2500 × 1.10 = 2750; SOL income 160 × 1.25 = 200;
    // swap value 3000 EUR / 0.8 (rate given as USD→EUR) = 3750 → gain 3750 − 2750 = 1000.
    const dir = setup(rows, ['2024-01-10,EUR,USD,1.10', '2024-03-01,EUR,USD,1.25', '2024-04-01,USD,EUR,0.8']);
    const r = await main(['report', join(dir, 'wallet.csv'), '--prices', join(dir, 'prices.csv'), '--out', join(dir, 'out'), '--no-pdf']);
    expect(r.exitCode).toBe(0);
    const s = summary(join(dir, 'out'));
    expect(s.currency).toBe('USD');
    expect(s.capitalGains.shortTerm).toEqual({ proceeds: '3750.00', costBasis: '2750.00', adjustment: '0.00', gain: '1000.00', disposals: 1 });
    expect(s.income.byKind.staking).toBe('200.00');
  });

  it('a missing rate is a PRICE_MISSING error for the rate (exit 1), and `prices missing` asks for it', async () => {
    const dir = setup(rows, ['2024-01-10,EUR,USD,1.10', '2024-03-01,EUR,USD,1.25']);
    const r = await main(['report', join(dir, 'wallet.csv'), '--prices', join(dir, 'prices.csv'), '--out', join(dir, 'out'), '--no-pdf']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('wallet.csv:4: error PRICE_MISSING: no USD rate for EUR on 2024-04-01 (needed for a trade); valued at 0');
    const needed = join(dir, 'needed.csv');
    await main(['prices', 'missing', join(dir, 'wallet.csv'), '--prices', join(dir, 'prices.csv'), '--out', needed]);
    expect(readFileSync(needed, 'utf8')).toBe('date,asset,currency,price\n2024-04-01,EUR,USD,\n');
  });
});

describe('--currency EUR', () => {
  const rows = [
    '2024-02-01 10:00,3000,USD,0.1,BTC,,,,,,,',
    '2024-05-01 10:00,0.1,BTC,4000,USD,,,,,,,',
    '2024-06-01 10:00,,,10,USDT,,,,,reward,,',
  ];

  it('values in EUR with the rates; a stablecoin is one dollar at the rate; summary.json says EUR', async () => {
    // cost 3000 × 0.92 = 2760; proceeds 4000 × 0.93 = 3720; gain 960; income 10 × 1 USD × 0.90 = 9.00
    const dir = setup(rows, ['2024-02-01,USD,EUR,0.92', '2024-05-01,USD,EUR,0.93', '2024-06-01,USD,EUR,0.90']);
    const r = await main(['report', join(dir, 'wallet.csv'), '--currency', 'eur', '--prices', join(dir, 'prices.csv'), '--out', join(dir, 'out'), '--no-pdf']);
    expect(r.exitCode).toBe(0);
    const s = summary(join(dir, 'out'));
    expect(s.currency).toBe('EUR');
    expect(s.capitalGains.shortTerm).toEqual({ proceeds: '3720.00', costBasis: '2760.00', adjustment: '0.00', gain: '960.00', disposals: 1 });
    expect(s.income.total).toBe('9.00');
  });

  it('without rates nothing counts at 1.00: every value is PRICE_MISSING', async () => {
    const dir = setup(rows, []);
    const r = await main(['report', join(dir, 'wallet.csv'), '--currency', 'EUR', '--out', join(dir, 'out'), '--no-pdf']);
    expect(r.exitCode).toBe(1);
    expect(summary(join(dir, 'out')).diagnostics.errors).toBe(3);
    expect(r.stderr).toContain('no EUR price for USDT on 2024-06-01 (needed for staking income)');
  });

  it('a currency that is not fiat is a usage error', async () => {
    const dir = setup(rows, []);
    const r = await main(['report', join(dir, 'wallet.csv'), '--currency', 'BTC', '--out', join(dir, 'out')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--currency must be a fiat currency code');
  });
});
