/**
 * `--stablecoin-basis par` (issue 21): USD stablecoins of unknown origin at 1.00 USD per unit,
 * acquired the day they arrived — and the contract's default, unknown basis, when not asked for.
 * Every figure worked by hand from the rows (Koinly template, FIFO, tax year 2024).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBatchConfig } from '../src/cli/batch/batch-config.js';
import { BATCH_OPTION_TABLE } from '../src/cli/commands/batch.js';
import { UsageError } from '../src/cli/errors.js';
import { toReportOptions } from '../src/cli/options.js';
import { reportOptions } from '../src/library/report-options.js';
import { cliArgs, runKoinly } from './support/report-scenario.js';

// line 2: 5,000 USDC arrive from nowhere; line 3: 3,000 USDC buy 0.07 BTC; line 4: the 0.07 BTC sell for 4,200 USDC.
const SWAPS = `
  2024-02-01 10:00,,,5000,USDC,,,,,,,
  2024-02-05 10:00,3000,USDC,0.07,BTC,,,,,,,
  2024-06-01 10:00,0.07,BTC,4200,USDC,,,,,,,`;

const codes = (data: ReturnType<typeof runKoinly>) => data.diagnostics.map((d) => d.code);
const gains = (data: ReturnType<typeof runKoinly>) => data.summary['capitalGains'] as { net: string; shortTerm: { costBasis: string } };

describe('USD stablecoins of unknown origin', () => {
  it('default (unknown): the deposit is a lot of zero basis, so the 3,000 USDC spent are all gain and at risk', () => {
    const data = runKoinly({ 'ledger.csv': SWAPS }, { year: 2024 });
    // USDC: proceeds 3,000 (the BTC received, valued by the USDC leg at 1.00), basis 0 → +3,000;
    // BTC: proceeds 4,200, basis 3,000 → +1,200. Net 4,200; 3,000 of proceeds without basis.
    expect(gains(data).net).toBe('4200.00');
    expect(data.summary['missingBasis']).toEqual({ disposals: 1, proceeds: '3000.00' });
    expect(codes(data)).toEqual(expect.arrayContaining(['DEPOSIT_UNMATCHED', 'MISSING_BASIS']));
    expect(codes(data)).not.toContain('STABLECOIN_PAR_BASIS');
  });

  it('par: the deposit costs 1.00 USD per unit, acquired the day it arrived; one note names it', () => {
    const data = runKoinly({ 'ledger.csv': SWAPS }, { year: 2024, 'stablecoin-basis': 'par' });
    // USDC: proceeds 3,000 − basis 3,000 = 0; BTC: 4,200 − 3,000 = +1,200. Basis of both lines 6,000.
    expect(gains(data).net).toBe('1200.00');
    expect(gains(data).shortTerm.costBasis).toBe('6000.00');
    expect(data.summary['missingBasis']).toEqual({ disposals: 0, proceeds: '0.00' });
    const usdc = data.disposals.find((d) => d.asset === 'USDC');
    expect(usdc?.slices.map((s) => [s.acquiredDate, s.basis.toFixed(), s.basisStatus])).toEqual([['2024-02-01', '3000', 'known']]);
    // the 2,000 USDC left: basis 2,000, origin stablecoin-par
    const left = data.yearEndLots.filter((l) => l.origin === 'stablecoin-par');
    expect(left.map((l) => [l.asset, l.quantity.toFixed(), l.basis.toFixed(), l.acquiredDate])).toEqual([['USDC', '2000', '2000', '2024-02-01']]);
    const notes = data.diagnostics.filter((d) => d.code === 'STABLECOIN_PAR_BASIS');
    expect(notes.map((d) => [d.severity, d.file, d.source?.line])).toEqual([['note', 'ledger.csv', 2]]);
    expect(notes[0]?.hint).toContain('bought for dollars');
    expect(codes(data)).not.toContain('DEPOSIT_UNMATCHED');
    expect(codes(data)).not.toContain('MISSING_BASIS');
  });

  it('par: units a transfer brings beyond what its source held arrive at par; the overdraft warning stays and says so', () => {
    // exchange buys 100 USDT for 100 USD, sends 250 USDT to cold: 150 more than it held.
    const exchange = `
      2024-03-01 10:00,100,USD,100,USDT,,,,,,,
      2024-03-02 10:00,250,USDT,,,,,,,,,0xabc`;
    const cold = `
      2024-03-02 10:30,,,250,USDT,,,,,,,0xabc
      2024-04-01 10:00,250,USDT,0.005,BTC,,,,,,,
      2024-05-01 10:00,0.005,BTC,300,USD,,,,,,,`;
    const data = runKoinly({ 'exchange.csv': exchange, 'cold.csv': cold }, { year: 2024, 'stablecoin-basis': 'par' });
    const overdraft = data.diagnostics.find((d) => d.code === 'TRANSFER_OVERDRAFT');
    expect(overdraft?.message).toContain('at par basis (--stablecoin-basis par)');
    expect(data.diagnostics.filter((d) => d.code === 'STABLECOIN_PAR_BASIS').map((d) => d.message)).toEqual([
      expect.stringContaining('150 USDT of unknown origin get par basis 150 USD'),
    ]);
    // USDT: proceeds 250 (the leg at 1.00), basis 100 + 150 = 250 → 0; BTC: 300 − 250 = +50.
    expect(gains(data).net).toBe('50.00');
    expect(data.summary['missingBasis']).toEqual({ disposals: 0, proceeds: '0.00' });
  });

  it('par leaves every other coin alone: a BTC deposit of unknown origin is still of unknown basis', () => {
    const rows = `
      2024-02-01 10:00,,,0.1,BTC,,,,,,,
      2024-06-01 10:00,0.1,BTC,6000,USD,,,,,,,`;
    const data = runKoinly({ 'w.csv': rows }, { year: 2024, 'stablecoin-basis': 'par' });
    expect(data.summary['missingBasis']).toEqual({ disposals: 1, proceeds: '6000.00' });
    expect(codes(data)).toContain('DEPOSIT_UNMATCHED');
    expect(codes(data)).not.toContain('STABLECOIN_PAR_BASIS');
  });

  it('par in a EUR report: the dollar at the price table\'s rate of the day; no rate, no par', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxlot-par-'));
    const prices = join(dir, 'prices.csv');
    // 1 USD = 0.92 EUR on 2024-02-01: 5,000 USDC → basis 4,600.00 EUR
    writeFileSync(prices, 'date,asset,currency,price\n2024-02-01,USD,EUR,0.92\n');
    const rows = '2024-02-01 10:00,,,5000,USDC,,,,,,,\n2024-02-02 10:00,1,USDC,,,,,,,gift,,';
    const eur = runKoinly({ 'w.csv': rows }, { year: 2024, currency: 'EUR', prices, 'stablecoin-basis': 'par' });
    expect(eur.yearEndLots.map((l) => [l.quantity.toFixed(), l.basis.toFixed(), l.origin])).toEqual([['4999', '4599.08', 'stablecoin-par']]);
    writeFileSync(prices, 'date,asset,currency,price\n2024-03-01,USD,EUR,0.92\n');
    const noRate = runKoinly({ 'w.csv': rows }, { year: 2024, currency: 'EUR', prices, 'stablecoin-basis': 'par' });
    expect(noRate.yearEndLots.map((l) => [l.basisKnown, l.origin])).toEqual([[false, 'deposit']]);
    expect(codes(noRate)).toContain('DEPOSIT_UNMATCHED');
  });

  it('is an option of the command line, of taxlot.json and of the library, checked everywhere', () => {
    expect(toReportOptions(cliArgs({ 'stablecoin-basis': 'par' })).options.stablecoinBasis).toBe('par');
    expect(toReportOptions(cliArgs({})).options.stablecoinBasis).toBeUndefined();
    expect(() => toReportOptions(cliArgs({ 'stablecoin-basis': 'par', jurisdiction: 'uk' }))).toThrow(UsageError);
    expect(readBatchConfig('{"stablecoinBasis": "par"}', 'c/taxlot.json', BATCH_OPTION_TABLE)).toEqual({ values: { 'stablecoin-basis': 'par' }, problems: [] });
    expect(readBatchConfig('{"stablecoinBasis": "maybe"}', 'c/taxlot.json', BATCH_OPTION_TABLE).problems).toEqual([
      'c/taxlot.json: "stablecoinBasis" must be one of unknown, par, got "maybe"',
    ]);
    expect(reportOptions({ stablecoinBasis: 'par' }).stablecoinBasis).toBe('par');
    expect(() => reportOptions({ stablecoinBasis: 'maybe' as 'par' })).toThrow(TypeError);
  });
});
