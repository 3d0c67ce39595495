/**
 * Whole-pipeline scenarios in the Koinly universal template (how users write them), checked
 * against summary.json values computed by hand. Each fixture folder has a README with the story.
 */
import { describe, expect, it } from 'vitest';
import { runFixture } from './support/run-report.js';

const cg = (s: Record<string, unknown>) => s['capitalGains'] as Record<string, Record<string, unknown> | string>;

describe('methods-2024: FIFO, LIFO, HIFO on the same history', () => {
  // Sale of 1.5 BTC for 90,000 on 2024-06-15 (60,000 per BTC).
  it.each([
    // FIFO: A 1 BTC (basis 20,500, bought 2023-01-10: long) + B 0.5 (basis 10,200, bought
    // 2023-06-15: exactly one year → short). Proceeds 60,000 long / 30,000 short.
    ['fifo', { proceeds: '30000.00', costBasis: '10200.00', gain: '19800.00', disposals: 1 }, { proceeds: '60000.00', costBasis: '20500.00', gain: '39500.00', disposals: 1 }, '59300.00'],
    // LIFO: C 1 BTC (30,000) + B 0.5 (10,200), both short: gain 90,000 − 40,200 = 49,800
    ['lifo', { proceeds: '90000.00', costBasis: '40200.00', gain: '49800.00', disposals: 1 }, { proceeds: '0.00', costBasis: '0.00', gain: '0.00', disposals: 0 }, '49800.00'],
    // HIFO with fees in the unit cost: C (30,000, short) then A (20,500/BTC > B's 20,400):
    // 0.5 A = 10,250, long. Short 60,000 − 30,000; long 30,000 − 10,250.
    ['hifo', { proceeds: '60000.00', costBasis: '30000.00', gain: '30000.00', disposals: 1 }, { proceeds: '30000.00', costBasis: '10250.00', gain: '19750.00', disposals: 1 }, '49750.00'],
  ] as const)('%s', (method, shortTerm, longTerm, net) => {
    const s = runFixture('scenarios/methods-2024', { method }).summary;
    expect(s['method']).toBe(method.toUpperCase());
    expect(s['taxYear']).toBe(2024);
    expect(cg(s)['shortTerm']).toEqual({ ...shortTerm, adjustment: '0.00' });
    expect(cg(s)['longTerm']).toEqual({ ...longTerm, adjustment: '0.00' });
    expect(cg(s)['net']).toBe(net);
  });
});

describe('per-wallet-2025: lots are per wallet from 2025-01-01', () => {
  it('FIFO: the transfer moved lot A to cold storage, so the exchange sells lot B', () => {
    // basis 30,000 (bought 2024-05-01, sold 2025-03-01: short), proceeds 50,000
    const s = runFixture('scenarios/per-wallet-2025').summary;
    expect(cg(s)['shortTerm']).toEqual({ proceeds: '50000.00', costBasis: '30000.00', adjustment: '0.00', gain: '20000.00', disposals: 1 });
    expect(cg(s)['net']).toBe('20000.00');
  });
  it('universal lots (forced) would sell the oldest lot: basis 10,000, long-term', () => {
    const s = runFixture('scenarios/per-wallet-2025', { 'lot-scope': 'universal' }).summary;
    expect(cg(s)['longTerm']).toEqual({ proceeds: '50000.00', costBasis: '10000.00', adjustment: '0.00', gain: '40000.00', disposals: 1 });
  });
  it('the transfer keeps the acquisition date in the cold wallet', () => {
    const r = runFixture('scenarios/per-wallet-2025');
    const cold = r.yearEndLots.filter((l) => l.wallet === 'cold-wallet');
    expect(cold.map((l) => [l.quantity.toFixed(), l.basis.toFixed(), l.acquiredDate])).toEqual([['1', '10000', '2024-01-10']]);
    expect(r.diagnostics.filter((d) => d.severity !== 'note')).toEqual([]);
  });
});

describe('oversell-staking: income, and a sale of more than was ever acquired', () => {
  it.each(['fifo', 'lifo', 'hifo'] as const)('%s', (method) => {
    const r = runFixture('scenarios/oversell-staking', { method });
    const s = r.summary;
    // 100 DOT sold for 900 (9/DOT): 70 covered (basis 350 + 160 = 510), 30 uncovered (0)
    expect(cg(s)['shortTerm']).toEqual({ proceeds: '900.00', costBasis: '510.00', adjustment: '0.00', gain: '390.00', disposals: 1 });
    expect(s['income']).toEqual({
      total: '350.00',
      byKind: { staking: '350.00', airdrop: '0.00', mining: '0.00', interest: '0.00', reward: '0.00', other: '0.00' },
    });
    expect(s['missingBasis']).toEqual({ disposals: 1, proceeds: '270.00' });
    expect(r.diagnostics.map((d) => d.code)).toContain('MISSING_BASIS');
    expect((s['diagnostics'] as { errors: number }).errors).toBe(0);
  });
});

describe('the bundled sample (README main job)', () => {
  it('gives the hand-checked 2025 figures with no diagnostics', () => {
    // See fixtures/sample/README.md for the arithmetic of every line.
    const s = runFixture('sample').summary;
    expect(cg(s)['shortTerm']).toEqual({ proceeds: '6170.00', costBasis: '4824.00', adjustment: '0.00', gain: '1346.00', disposals: 1 });
    expect(cg(s)['longTerm']).toEqual({ proceeds: '25827.19', costBasis: '10556.33', adjustment: '0.00', gain: '15270.86', disposals: 4 });
    expect(cg(s)['net']).toBe('16616.86');
    expect((s['income'] as { total: string }).total).toBe('16.80');
    expect(s['inputs']).toEqual({ files: 3, rows: 14, imported: 14, skipped: 0, rejected: 0 });
    // the two warnings: Coinbase and Kraken issue Form 1099-DA for 2025 and none was imported
    expect(s['diagnostics']).toEqual({ errors: 0, warnings: 2 });
    expect(runFixture('sample').diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code)).toEqual(['DA_FORM_EXPECTED', 'DA_FORM_EXPECTED']);
  });
});

describe('capital loss limitation through the pipeline', () => {
  it('a 10,000 net loss with a 2,000 short-term carryover: deduct 3,000, carry 9,000 short-term', async () => {
    const { computeReport } = await import('../src/pipeline/compute-report.js');
    const { toReportOptions } = await import('../src/cli/options.js');
    const { defaultArgs } = await import('./support/run-report.js');
    const text = [
      'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash',
      '2024-01-01 10:00,50000,USD,1,BTC,,,,,,,',
      '2024-06-01 10:00,1,BTC,40000,USD,,,,,,,',
    ].join('\n');
    const { options } = toReportOptions(defaultArgs({ 'carryover-short': '2000' }));
    const s = computeReport([{ file: 'wallet.csv', text }], options).summary;
    expect(cg(s)['net']).toBe('-10000.00');
    expect(s['capitalLoss']).toEqual({ deductible: '3000.00', carryforwardShortTerm: '9000.00', carryforwardLongTerm: '0.00' });
  });
});
