/**
 * One realistic export per exchange (fixtures/scenarios/exchange-<name>/), imported with no
 * rejected row, and its summary.json figures for two tax years checked against totals worked out
 * by hand in each folder's README (FIFO, USD, stablecoins at 1.00).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runFixture } from './support/run-report.js';

type Term = [proceeds: string, costBasis: string, gain: string, disposals: number];
interface Year {
  short: Term;
  long: Term;
  net: string;
  income: Partial<Record<'staking' | 'airdrop' | 'mining' | 'interest' | 'reward' | 'other', string>>;
  missing: [disposals: number, proceeds: string];
}
interface Case {
  rows: [files: number, rows: number, imported: number, skipped: number];
  years: Record<number, Year>;
}

const NONE: Term = ['0.00', '0.00', '0.00', 0];

const CASES: Record<string, Case> = {
  coinbase: {
    rows: [1, 16, 16, 0],
    years: {
      2024: { short: ['4463.20', '3007.55', '1455.65', 2], long: NONE, net: '1455.65', income: { staking: '16.00' }, missing: [0, '0.00'] },
      2025: { short: ['1762.00', '1692.00', '70.00', 2], long: ['7138.00', '4627.00', '2511.00', 2], net: '2581.00', income: { staking: '21.00' }, missing: [1, '315.08'] },
    },
  },
  binance: {
    rows: [1, 24, 22, 2],
    years: {
      2024: { short: ['3960.00', '841.20', '3118.80', 4], long: NONE, net: '3118.80', income: { interest: '4.10', staking: '3.00' }, missing: [2, '2698.80'] },
      2025: { short: ['539.46', '700.00', '-160.54', 1], long: ['2800.00', '840.90', '1959.10', 3], net: '1798.56', income: { interest: '3.25' }, missing: [1, '1000.00'] },
    },
  },
  kraken: {
    rows: [1, 22, 18, 4],
    years: {
      2024: { short: ['1799.92', '1205.13', '594.79', 2], long: NONE, net: '594.79', income: { staking: '20.30' }, missing: [0, '0.00'] },
      2025: { short: ['474.05', '720.00', '-245.95', 1], long: ['5685.18', '2606.76', '3078.42', 2], net: '2832.47', income: { staking: '7.00' }, missing: [0, '0.00'] },
    },
  },
  gemini: {
    rows: [1, 11, 11, 0],
    years: {
      2024: { short: ['1400.00', '865.17', '534.83', 1], long: NONE, net: '534.83', income: { staking: '7.60' }, missing: [0, '0.00'] },
      2025: { short: ['2634.72', '2008.00', '626.72', 1], long: ['5722.33', '3702.85', '2019.48', 2], net: '2646.20', income: { staking: '3.75' }, missing: [0, '0.00'] },
    },
  },
  bitstamp: {
    rows: [1, 11, 11, 0],
    years: {
      2024: { short: ['1511.40', '1115.44', '395.96', 2], long: NONE, net: '395.96', income: { staking: '3.40' }, missing: [0, '0.00'] },
      2025: { short: NONE, long: ['5521.43', '3856.74', '1664.69', 3], net: '1664.69', income: { staking: '1.44' }, missing: [0, '0.00'] },
    },
  },
  kucoin: {
    rows: [4, 9, 8, 1],
    years: {
      2024: { short: ['3900.00', '0.00', '3900.00', 2], long: NONE, net: '3900.00', income: { interest: '1.50' }, missing: [2, '3900.00'] },
      2025: { short: NONE, long: ['3439.11', '2362.00', '1077.11', 3], net: '1077.11', income: { staking: '3.20' }, missing: [0, '0.00'] },
    },
  },
  cryptocom: {
    rows: [1, 13, 13, 0],
    years: {
      2024: { short: ['600.00', '500.00', '100.00', 1], long: NONE, net: '100.00', income: { interest: '1.40', staking: '1.20', reward: '2.25' }, missing: [0, '0.00'] },
      2025: { short: ['240.00', '360.00', '-120.00', 1], long: ['2920.00', '1680.00', '1240.00', 2], net: '1120.00', income: { interest: '0.80', reward: '2.40' }, missing: [0, '0.00'] },
    },
  },
  uphold: {
    rows: [1, 9, 8, 1],
    years: {
      2024: { short: ['855.80', '581.37', '274.43', 2], long: NONE, net: '274.43', income: {}, missing: [0, '0.00'] },
      2025: { short: NONE, long: ['3660.00', '2256.41', '1403.59', 2], net: '1403.59', income: {}, missing: [0, '0.00'] },
    },
  },
};

const term = ([proceeds, costBasis, gain, disposals]: Term) => ({ proceeds, costBasis, adjustment: '0.00', gain, disposals });
const cents = (s: string) => Math.round(Number(s) * 100);

describe.each(Object.entries(CASES))('exchange-%s', (name, c) => {
  const folder = join('scenarios', `exchange-${name}`);
  const pricesFile = join(FIXTURES, folder, 'prices.csv');
  const prices = existsSync(pricesFile) ? { prices: pricesFile } : {};

  it.each(Object.entries(c.years))('tax year %s matches the hand computation', (year, y) => {
    const r = runFixture(join(folder, 'input'), { year: Number(year), ...prices });
    const s = r.summary as Record<string, unknown>;
    const [files, rows, imported, skipped] = c.rows;
    expect(s['inputs']).toEqual({ files, rows, imported, skipped, rejected: 0 });
    expect((s['diagnostics'] as { errors: number }).errors).toBe(0);
    // byBox: no Form 1099-DA here, so every line is in C/F (2024) or I/L (2025), each box the
    // totals of its term; only the boxes used are listed
    const [shortBox, longBox] = Number(year) >= 2025 ? ['I', 'L'] : ['C', 'F'];
    const box = ([proceeds, costBasis, gain, disposals]: Term) =>
      disposals === 0 ? {} : { proceeds, costBasis, adjustment: '0.00', gain, lines: expect.any(Number) };
    const byBox = Object.fromEntries(
      [[shortBox, box(y.short)], [longBox, box(y.long)]].filter(([, b]) => Object.keys(b as object).length > 0),
    );
    expect(s['capitalGains']).toEqual({ shortTerm: term(y.short), longTerm: term(y.long), net: y.net, byBox });
    const byKind = { staking: '0.00', airdrop: '0.00', mining: '0.00', interest: '0.00', reward: '0.00', other: '0.00', ...y.income };
    const total = Object.values(byKind).reduce((a, v) => a + cents(v), 0);
    expect(s['income']).toEqual({ total: (total / 100).toFixed(2), byKind });
    expect(s['missingBasis']).toEqual({ disposals: y.missing[0], proceeds: y.missing[1] });
  });
});
