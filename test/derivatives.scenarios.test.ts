/**
 * Derivative scenarios through the whole pipeline (fixtures/scenarios/derivatives-*), checked
 * against summary.json values worked out by hand below each case. USDT counts at 1.00 USD
 * (stablecoin rule); every collateral lot is bought at 1.00, so USDT settlement disposals have
 * zero gain and only the derivative lines move `capitalGains.net`.
 */
import { join } from 'node:path';
import { Dec } from '../src/model/decimal.js';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runFixture } from './support/run-report.js';
import { renderOutputs } from '../src/report/render-outputs.js';

type Json = Record<string, unknown>;
const block = (s: Json, key: string): Json => s[key] as Json;
const codes = (r: { diagnostics: readonly { code: string }[] }): string[] => r.diagnostics.map((d) => d.code);

describe('derivatives-binance-futures: income history with funding and a liquidation', () => {
  const r = runFixture('scenarios/derivatives-binance-futures');

  it('breaks the derivative lines out in the derivatives block', () => {
    // BTCUSDT: pnl +20; fees 0.744 + 0.756 = 1.5; funding −0.372 + 0.124 = −0.248; net 18.252
    // ETHUSDT: pnl −300; fees 1.2 + 5.7 (INSURANCE_CLEAR) = 6.9; funding −0.6; net −307.5 (liquidated)
    // realizedPnl −280; fees 8.4; funding −0.848 → −0.85; net 18.252 − 307.5 = −289.248 → −289.25
    expect(block(r.summary, 'derivatives')).toEqual({
      realizedPnl: '-280.00', fees: '8.40', funding: '-0.85', interest: '0.00', net: '-289.25', positions: 2, liquidations: 1,
    });
    expect(r.summary['liabilities']).toEqual([]);
  });

  it('puts one Form 8949 line per position into capitalGains; USDT paid out is cash, not a line', () => {
    // Lines: BTC proceeds 18.252 / basis 0; ETH proceeds 0 / basis 307.5. The USDT paid out
    // (309.672 in 8 debits) counts at 1.00 like cash: it leaves the lots without a line of its own.
    // proceeds 18.252 → 18.25; basis 307.50; gain −289.248 → −289.25
    expect(block(block(r.summary, 'capitalGains'), 'shortTerm')).toEqual({
      proceeds: '18.25', costBasis: '307.50', adjustment: '0.00', gain: '-289.25', disposals: 2,
    });
    const usdt = r.gains.removals.filter((x) => x.kind === 'settlement' && x.asset === 'USDT');
    expect(usdt.reduce((t, x) => t.plus(x.quantity), new Dec(0)).toFixed()).toBe('309.672');
    expect(block(r.summary, 'capitalGains')['net']).toBe('-289.25');
    const lines = r.disposals.filter((d) => d.kind === 'derivative');
    expect(lines.map((d) => [d.asset, d.date, d.proceeds.toFixed(), d.slices[0]?.basis.toFixed(), d.slices[0]?.term])).toEqual([
      ['BTCUSDT', '2024-03-02', '18.252', '0', 'short'],
      ['ETHUSDT', '2024-04-11', '0', '307.5', 'short'],
    ]);
    expect(lines[1]?.slices[0]?.acquiredDate).toBe('2024-04-10'); // opened with the first commission
  });

  it('warns about the position still open at the end and notes the Form 6781 scope', () => {
    expect(codes(r)).toContain('DERIVATIVE_POSITION_OPEN');
    expect(codes(r)).toContain('DERIVATIVE_FORM_8949');
    expect(codes(r)).not.toContain('BALANCE_NEGATIVE');
    expect(codes(r)).not.toContain('MISSING_BASIS');
  });

  it('writes the schedule, the reconciliation and an empty liabilities file', () => {
    const files = renderOutputs(r);
    const schedule = String(files.get('derivatives.csv') ?? '').trim().split('\n');
    expect(schedule).toHaveLength(3);
    // realized, fees, funding, net, liquidated
    expect(schedule[2]).toContain(',-300.00,6.90,-0.60,-307.50,yes,no,');
    const recon = String(files.get('derivatives-reconciliation.csv') ?? '').trim().split('\n');
    expect(recon[recon.length - 1]).toBe('TOTAL,,,,,,,,,,,,-289.25');
    expect(String(files.get('liabilities.csv')).trim().split('\n')).toHaveLength(1);
  });
});

describe('derivatives-bybit-liquidation: positions rebuilt from the log, Closed P&L rows', () => {
  const r = runFixture('scenarios/derivatives-bybit-liquidation');

  it('computes the derivatives block to the cent', () => {
    // BTC (log): pnl 80 + 60 = 140; fees 3.3 + 1.364 + 2.013 = 6.677; funding −0.6 + 0.2 = −0.4; net 132.923
    //   (= venue balance 5,132.923 − 5,000)
    // ETH (log, liquidated): pnl −800; fees 4.18 + 4.62 = 8.8; funding +0.76; net −808.04
    // SOL (closed P&L): gross 98.145 + 0.825 + 0.88 + 0.15 = 100; fees 1.705; funding −0.15; net 98.145
    // DOGE (closed P&L, liquidated): gross −101.705 + 0.88 + 0.825 = −100; fees 1.705; net −101.705
    // realizedPnl −660; fees 18.887 → 18.89; funding 0.21; net −678.677 → −678.68
    expect(block(r.summary, 'derivatives')).toEqual({
      realizedPnl: '-660.00', fees: '18.89', funding: '0.21', interest: '0.00', net: '-678.68', positions: 4, liquidations: 2,
    });
    expect(r.summary['liabilities']).toEqual([]); // Wallet Balance never below zero
  });

  it('realises the pending open fee and funding pro rata on the partial close', () => {
    const btc = r.derivativesYear.lines.find((l) => l.contract === 'BTCUSDT');
    // first close 0.04 of 0.1 (40%): own pnl 80 and fee 1.364, plus 40% of (−3.3, −0.6, +0.2)
    const first = btc?.components.filter((c) => c.realizedInstant === Date.UTC(2024, 4, 2, 10)).map((c) => `${c.kind} ${c.amount.toFixed()}`);
    expect(first?.sort()).toEqual(['commission -1.32', 'commission -1.364', 'funding -0.24', 'funding 0.08', 'pnl 80'].sort());
    expect([btc?.opened, btc?.closed, btc?.totals.net.toFixed()]).toEqual(['2024-05-01', '2024-05-03', '132.923']);
  });

  it('capitalGains holds the four position lines (USDT paid out is cash)', () => {
    // Lines: gains 132.923 + 98.145 = 231.068 → 231.07; losses 808.04 + 101.705 = 909.745 →
    // 909.74 (half-even: the digit before the 5 is even); gain 231.068 − 909.745 = −678.677 → −678.68.
    // The USDT debits (3.3, 0.6, 1.364, 2.013, 4.18, 804.62, 0.825, 0.88, 0.15, 100, 0.88, 0.825 =
    // 919.637) leave the lots as cash at 1.00, without Form 8949 lines.
    expect(block(block(r.summary, 'capitalGains'), 'shortTerm')).toEqual({
      proceeds: '231.07', costBasis: '909.74', adjustment: '0.00', gain: '-678.68', disposals: 4,
    });
  });
});

describe('derivatives-kraken-deficit: a margin liquidation that leaves a debt', () => {
  it('owed by default: the deficit stays in the loss and is listed as a liability', () => {
    const r = runFixture('scenarios/derivatives-kraken-deficit');
    // pnl −2,210.56; fees: opening 4.00 + liquidation 4.00 = 8.00; net −2,218.56.
    // Rollovers 2.50 + 2.50 = 5.00: interest, not in net. Balance 991 − 2,210.56 − 4 = −1,223.56.
    expect(block(r.summary, 'derivatives')).toEqual({
      realizedPnl: '-2210.56', fees: '8.00', funding: '0.00', interest: '5.00', net: '-2218.56', positions: 1, liquidations: 1,
    });
    expect(r.summary['liabilities']).toEqual([{ venue: 'kraken', asset: 'USD', amount: '1223.56', date: '2024-05-01', status: 'owed' }]);
    // USD collateral is fiat: the only Form 8949 line is the position (loss as basis).
    expect(block(block(r.summary, 'capitalGains'), 'shortTerm')).toEqual({
      proceeds: '0.00', costBasis: '2218.56', adjustment: '0.00', gain: '-2218.56', disposals: 1,
    });
    expect(block(r.summary, 'capitalLoss')['deductible']).toBe('2218.56');
    expect(codes(r)).toContain('LIABILITY_OWED');
    const liabilities = String(renderOutputs(r).get('liabilities.csv')).trim().split('\n');
    expect(liabilities[1]).toContain('USD,1223.56,1223.56,0,1223.56,2024-05-01,owed,default');
  });

  it('absorbed (overrides): the deficit is taken out of the loss', () => {
    const r = runFixture('scenarios/derivatives-kraken-deficit', { overrides: join(FIXTURES, 'scenarios/derivatives-kraken-deficit/overrides-absorbed.json') });
    // −2,210.56 + 1,223.56 = −987.00 realized; net −987 − 8 = −995.00 (the 1,000 deposited − 5 interest)
    expect(block(r.summary, 'derivatives')).toMatchObject({ realizedPnl: '-987.00', net: '-995.00', liquidations: 1 });
    expect(r.summary['liabilities']).toEqual([{ venue: 'kraken', asset: 'USD', amount: '1223.56', date: '2024-05-01', status: 'absorbed' }]);
    expect(block(block(r.summary, 'capitalGains'), 'shortTerm')).toMatchObject({ costBasis: '995.00', gain: '-995.00' });
  });

  it('forgiven (overrides): the loss keeps the deficit and the forgiveness is flagged for review', () => {
    const r = runFixture('scenarios/derivatives-kraken-deficit', { overrides: join(FIXTURES, 'scenarios/derivatives-kraken-deficit/overrides-forgiven.json') });
    expect(block(r.summary, 'derivatives')).toMatchObject({ net: '-2218.56' });
    expect(r.summary['liabilities']).toEqual([{ venue: 'kraken', asset: 'USD', amount: '1223.56', date: '2024-05-01', status: 'forgiven' }]);
    const flagged = r.diagnostics.find((d) => d.code === 'LIABILITY_FORGIVEN');
    expect(flagged?.severity).toBe('warning');
    expect(flagged?.message).toContain('1223.56 USD forgiven in 2025');
  });
});

describe('derivatives-spot-margin-liquidation: forced sale of BTC collateral', () => {
  const r = runFixture('scenarios/derivatives-spot-margin-liquidation');

  it('is a BTC disposal at the liquidation price', () => {
    const btc = r.disposals.filter((d) => d.asset === 'BTC');
    // 0.06 BTC sold for 2,100 USDT: 35,000 per BTC; FIFO lot bought 0.1 for 3,000 → basis 1,800
    expect(btc.map((d) => [d.date, d.quantity.toFixed(), d.proceeds.toFixed(), d.slices.map((s) => s.basis.toFixed())])).toEqual([
      ['2024-03-05', '0.06', '2100', ['1800']],
    ]);
    // USDT: the margin buy spends 2,000 borrowed USDT (loan lot, basis 2,000) in a trade: a disposal,
    // gain 0; the repayment of 2,000 is stablecoin cash leaving, not a line.
    // proceeds 2,000 + 2,100 = 4,100; basis 2,000 + 1,800 = 3,800; gain 300
    expect(block(block(r.summary, 'capitalGains'), 'shortTerm')).toEqual({
      proceeds: '4100.00', costBasis: '3800.00', adjustment: '0.00', gain: '300.00', disposals: 2,
    });
    expect(block(r.summary, 'derivatives')).toMatchObject({ net: '0.00', positions: 0, liquidations: 0 });
    expect(r.summary['liabilities']).toEqual([]);
    expect(r.inputs.rejected).toBe(0);
  });
});

describe('derivatives-missing-deposit: negative only because history is missing', () => {
  const r = runFixture('scenarios/derivatives-missing-deposit');

  it('is a missing-history warning, not a liability', () => {
    const negative = r.diagnostics.filter((d) => d.code === 'BALANCE_NEGATIVE');
    expect(negative.map((d) => d.severity)).toEqual(['warning']);
    expect(codes(r).filter((c) => c.startsWith('LIABILITY_'))).toEqual([]);
    expect(r.summary['liabilities']).toEqual([]);
    // The position itself is unaffected: net 132.923 → 132.92
    expect(block(r.summary, 'derivatives')).toMatchObject({ net: '132.92', positions: 1, liquidations: 0 });
  });
});

describe('derivatives-bybit-closed-pnl-same-minute: Closed P&L alone, one row = one position', () => {
  const r = runFixture('scenarios/derivatives-bybit-closed-pnl-same-minute/input');

  it('keeps two closes of one market in the same minute as two positions', () => {
    // gross = Realized P&L + Opening Fee + Closing Fee + Funding Fee (funding positive = paid):
    // OP a: 19.769 + 0.11 + 0.121 = 20; OP b: 4.88725 + 0.055 + 0.05775 = 5
    // AVAX trade: 29.6035 + 0.165 + 0.1815 + 0.05 = 30; AVAX liquidation: −80.606 + 0.385 + 0.341 − 0.12 = −80
    // ARB: −101.465 + 0.66 + 0.605 + 0.2 = −100
    // realizedPnl 20 + 5 + 30 − 80 − 100 = −125; fees 0.231 + 0.11275 + 0.3465 + 0.726 + 1.265 = 2.68125 → 2.68
    // funding −0.05 + 0.12 − 0.2 = −0.13; net −125 − 2.68125 − 0.13 = −127.81125 → −127.81
    expect(block(r.summary, 'derivatives')).toEqual({
      realizedPnl: '-125.00', fees: '2.68', funding: '-0.13', interest: '0.00', net: '-127.81', positions: 5, liquidations: 1,
    });
    expect(r.summary['liabilities']).toEqual([]);
    // gains 19.769 + 4.88725 + 29.6035 = 54.25975 → 54.26; losses 80.606 + 101.465 = 182.071 → 182.07
    expect(block(block(r.summary, 'capitalGains'), 'shortTerm')).toEqual({
      proceeds: '54.26', costBasis: '182.07', adjustment: '0.00', gain: '-127.81', disposals: 5,
    });
    const op = r.derivativesYear.lines.filter((l) => l.contract === 'OPUSDT').map((l) => l.totals.net.toFixed()).sort();
    expect(op).toEqual(['19.769', '4.88725']);
  });
});

describe('derivatives-coin-m-partial-closes: each partial close valued at its own close', () => {
  const dir = 'scenarios/derivatives-coin-m-partial-closes';
  const r = runFixture(`${dir}/input`, { prices: join(FIXTURES, dir, 'prices.csv'), year: 2024 });

  it('values the first close at 3,500 and the second at 3,300', () => {
    // close 1 (4 of 10): pnl 0.00013445; fees 0.00000057 + 40% × 0.00000147 = 0.000001158 ETH; at 3,500:
    //   pnl 0.470575, fees 0.004053
    // close 2 (rest): pnl −0.00053476; fees 0.00000091 + 0.000000882 = 0.000001792 ETH; at 3,300:
    //   pnl −1.764708, fees 0.0059136
    // realizedPnl −1.294133 → −1.29; fees 0.0099666 → 0.01; net −1.3040996 → −1.30
    // (the whole line at 3,300 would give −0.00040326 × 3,300 = −1.33)
    expect(block(r.summary, 'derivatives')).toEqual({
      realizedPnl: '-1.29', fees: '0.01', funding: '0.00', interest: '0.00', net: '-1.30', positions: 1, liquidations: 0,
    });
    const line = r.derivativesYear.lines[0];
    expect([line?.totals.realizedPnl.toFixed(), line?.totals.fees.toFixed(), line?.totals.net.toFixed()]).toEqual([
      '-1.294133', '0.0099666', '-1.3040996',
    ]);
    // Settlement: ETH debits are disposals at their own time's value (0.00053476 × 3,300 = 1.764708,
    // basis 0.00053476 × 3,000 = 1.60428; the three fees round to 0.00 each); ETH lot basis 3,000.
    // proceeds 0.004998 + 0.001995 + 1.764708 + 0.003003 = 1.774704; basis 1.61313 + line 1.3040996 = 2.9172296
    // gain 1.774704 − 2.9172296 = −1.1425256 → −1.14
    expect(block(block(r.summary, 'capitalGains'), 'shortTerm')).toEqual({
      proceeds: '1.77', costBasis: '2.92', adjustment: '0.00', gain: '-1.14', disposals: 5,
    });
  });
});

describe('derivatives-binance-income-multi: BNB fees, COIN-M, partial closes, the year end', () => {
  const dir = 'scenarios/derivatives-binance-income-multi';
  const prices = join(FIXTURES, dir, 'prices.csv');

  it('2024: five PnL groups, one liquidation; BNB and BTC debits are disposals', () => {
    const r = runFixture(`${dir}/input`, { prices, year: 2024 });
    // ADA #1: 45.50 − (1.25 + 0.60) + (−0.40 + 0.15) = 43.40; ADA #2: −12.30 − 0.65 − 0.10 = −13.05
    // XRP: 30 − 0.009 BNB × 500 (price at the close, 03-11) = 25.50
    // LINK (liquidated): −420 − (2.10 + 8.40) + 0.35 = −430.15
    // BTCUSD_PERP: (0.0015 − 0.00004 − 0.00001) BTC × 70,000 = 101.50 (pnl 105, fees 2.80, funding −0.70)
    // realizedPnl 45.5 − 12.3 + 30 − 420 + 105 = −251.80; fees 1.85 + 0.65 + 4.50 + 10.50 + 2.80 = 20.30
    // funding −0.25 − 0.10 + 0.35 − 0.70 = −0.70; net −272.80. DOTUSDT closes in 2025: not here.
    expect(block(r.summary, 'derivatives')).toEqual({
      realizedPnl: '-251.80', fees: '20.30', funding: '-0.70', interest: '0.00', net: '-272.80', positions: 5, liquidations: 1,
    });
    // Settlement disposals (value when debited − basis): BNB 0.005 × 480 = 2.40 − 2.00; 0.004 × 500 = 2.00 − 1.60;
    // BTC 0.00002 × 68,000 = 1.36 − 0.80; 0.00001 × 68,000 = 0.68 − 0.40; 0.00002 × 70,000 = 1.40 − 0.80 (gain 2.24)
    // proceeds 170.40 + 7.84 = 178.24; basis 443.20 + 5.60 = 448.80; gain −272.80 + 2.24 = −270.56
    expect(block(block(r.summary, 'capitalGains'), 'shortTerm')).toEqual({
      proceeds: '178.24', costBasis: '448.80', adjustment: '0.00', gain: '-270.56', disposals: 10,
    });
  });

  it('2025: the DOTUSDT position with its 2024 commission and funding', () => {
    const r = runFixture(`${dir}/input`, { prices, year: 2025 });
    // 60 − (0.80 + 0.85) − 0.20 = 58.15
    expect(block(r.summary, 'derivatives')).toEqual({
      realizedPnl: '60.00', fees: '1.65', funding: '-0.20', interest: '0.00', net: '58.15', positions: 1, liquidations: 0,
    });
  });
});
