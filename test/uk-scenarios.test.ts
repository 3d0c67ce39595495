/**
 * `--jurisdiction uk` end to end: Koinly-template fixtures (fixtures/uk/, each story in its
 * README) through the whole pipeline, summary.json checked against figures worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { runFixture } from './support/run-report.js';

const uk = (folder: string, extra: Record<string, unknown> = {}) => runFixture(`uk/${folder}`, { jurisdiction: 'uk', ...extra }).summary;
const cg = (s: Record<string, unknown>) => s['capitalGains'];

describe('HMRC CRYPTO22256 example 6 (same day, 30 days, pool): a loss year', () => {
  it('reproduces HMRC\'s figures to the pound', () => {
    // 31 Jul: same day 10,000 (45,000) + 20,000 of 6 Aug (225,000 × 20/50 = 90,000); proceeds
    //   150,000: gain 15,000 (5,000 same day: 50,000 − 45,000; 10,000 thirty-day: 100,000 − 90,000).
    // 5 Aug: 20,000 of 6 Aug (90,000) for 100,000: gain 10,000.
    // 6 Aug: 10,000 (45,000) left enter the pool: 110,000 for 345,000.
    // 7 Aug: 100,000 from the pool, 345,000 × 100/110 = 313,636.3636…, for 150,000: loss 163,636.36.
    // proceeds 400,000; costs 135,000 + 90,000 + 313,636.36 = 538,636.36; net −138,636.36.
    const s = uk('hmrc-22256');
    expect(s['jurisdiction']).toBe('UK');
    expect(s['currency']).toBe('GBP');
    expect(s['taxYear']).toBe(2025);
    expect(s['method']).toBeUndefined();
    expect(s['capitalLoss']).toBeUndefined();
    expect(cg(s)).toEqual({
      disposals: 3, proceeds: '400000.00', allowableCosts: '538636.36', gains: '25000.00', losses: '163636.36', net: '-138636.36',
      annualExemptAmount: '3000.00', byRule: { sameDay: '5000.00', bedAndBreakfast: '20000.00', pool: '-163636.36' },
    });
    // 10,000 left at 345,000 − 313,636.3636… = 31,363.64
    expect(s['pools']).toEqual([{ asset: 'TOKENF', units: '10000', cost: '31363.64' }]);
  });
});

describe('HMRC CRYPTO22253 example 3: the 30-day rule across the end of a tax year', () => {
  it('2023-24: the 31 March disposal takes its cost from April acquisitions', () => {
    // 1,000 ← 700 (21 Apr, 175) + 300 of 28 Apr (100 × 3/5 = 60): cost 235; 400 − 235 = 165.
    // The pool at 5 April 2024 is untouched: 2,000 for 1,000. Annual exempt amount 2023-24: 6,000.
    const s = uk('hmrc-22253', { year: 2024 });
    expect(cg(s)).toEqual({
      disposals: 1, proceeds: '400.00', allowableCosts: '235.00', gains: '165.00', losses: '0.00', net: '165.00',
      annualExemptAmount: '6000.00', byRule: { sameDay: '0.00', bedAndBreakfast: '165.00', pool: '0.00' },
    });
    expect(s['pools']).toEqual([{ asset: 'TOKENC', units: '2000', cost: '1000.00' }]);
  });
  it('2024-25 (the default, latest year with a disposal): 20 April takes what 31 March left', () => {
    // 500 ← 200 of 28 Apr (40) + 300 of 1 May (150 × 3/5 = 90): cost 130; 150 − 130 = 20.
    // 200 of 1 May (60) enter the pool: 2,200 for 1,060.
    const s = uk('hmrc-22253');
    expect(s['taxYear']).toBe(2025);
    expect(cg(s)).toMatchObject({ disposals: 1, proceeds: '150.00', allowableCosts: '130.00', gains: '20.00', net: '20.00', byRule: { bedAndBreakfast: '20.00', sameDay: '0.00', pool: '0.00' } });
    expect(s['pools']).toEqual([{ asset: 'TOKENC', units: '2200', cost: '1060.00' }]);
  });
});

describe('year-boundary: 5/6 April in Europe/London, fees, a 30-day match into the next year', () => {
  it('2024-25: the 20 March sale keeps the 10 April cost; the 23:00 BST sale on 5 April is in the year', () => {
    // pool: 2 BTC for 40,000 + 100 fee = 40,100.
    // 20 Mar: 1 BTC for 60,000, fee 60 ← 10 Apr 2025 purchase 50,000 + 50 fee: 60,000 − 50,050 − 60 = 9,890.
    // 5 Apr 22:00 UTC (23:00 BST): 0.5 BTC for 30,000 from the pool: 40,100 × 0.5/2 = 10,025; gain 19,975.
    //   (the 10 April BTC went to 20 March first: earlier disposals take first)
    // proceeds 90,000 (gross of the 60 fee); costs 50,050 + 60 + 10,025 = 60,135; gains 29,865.
    const s = uk('year-boundary', { year: 2025 });
    expect(cg(s)).toEqual({
      disposals: 2, proceeds: '90000.00', allowableCosts: '60135.00', gains: '29865.00', losses: '0.00', net: '29865.00',
      annualExemptAmount: '3000.00', byRule: { sameDay: '0.00', bedAndBreakfast: '9890.00', pool: '19975.00' },
    });
    // the pool at 5 April: 1.5 BTC for 40,100 − 10,025 = 30,075 (the 20 March units came from April)
    expect(s['pools']).toEqual([{ asset: 'BTC', units: '1.5', cost: '30075.00' }]);
  });
  it('2025-26 (default, the latest year with a disposal): 23:30 UTC on 5 April is 6 April in London', () => {
    // 0.25 BTC for 15,000 from the pool: 30,075 × 0.25/1.5 = 5,012.50; gain 9,987.50. Pool 1.25 / 25,062.50.
    const s = uk('year-boundary');
    expect(s['taxYear']).toBe(2026);
    expect(cg(s)).toMatchObject({ disposals: 1, proceeds: '15000.00', allowableCosts: '5012.50', gains: '9987.50', net: '9987.50' });
    expect(s['pools']).toEqual([{ asset: 'BTC', units: '1.25', cost: '25062.50' }]);
  });
  it('with --timezone UTC both sales fall on 5 April: one disposal of 0.75 BTC (s.105(1)(a))', () => {
    // 0.75 BTC for 45,000 from the pool: 40,100 × 0.75/2 = 15,037.50; gain 29,962.50.
    // year: 9,890 + 29,962.50 = 39,852.50 on two disposals; proceeds 105,000; costs 50,110 + 15,037.50.
    const s = uk('year-boundary', { year: 2025, timezone: 'UTC' });
    expect(cg(s)).toMatchObject({ disposals: 2, proceeds: '105000.00', allowableCosts: '65147.50', gains: '39852.50', net: '39852.50' });
  });
});

describe('wallets-swap-staking: two wallets, one pool; a swap valued in GBP; staking into the pool', () => {
  it('the transfer is no disposal; the swap and the sale come out of the shared pool', () => {
    // ETH pool: 10 for 20,000 + 20 fee = 20,020; transfer exchange → ledger: nothing;
    // staking 0.5 ETH worth 1,000: income 1,000, pool 10.5 for 21,020.
    // swap 3 ETH → 0.1 BTC worth 6,300: cost 21,020 × 3/10.5 = 6,005.714285…; gain 294.285714…
    // BTC pool 0.1 for 6,300 (moved ledger → exchange: nothing); sale 0.05 for 4,000, fee 10:
    // cost 3,150 + 10; gain 840. Totals: proceeds 10,300; costs 9,165.714285… → 9,165.71;
    // gains 1,134.285714… → 1,134.29. Pools: BTC 0.05 / 3,150; ETH 7.5 / 15,014.285714… → 15,014.29.
    const s = uk('wallets-swap-staking');
    expect(s['taxYear']).toBe(2025);
    expect(cg(s)).toEqual({
      disposals: 2, proceeds: '10300.00', allowableCosts: '9165.71', gains: '1134.29', losses: '0.00', net: '1134.29',
      annualExemptAmount: '3000.00', byRule: { sameDay: '0.00', bedAndBreakfast: '0.00', pool: '1134.29' },
    });
    expect(s['pools']).toEqual([{ asset: 'BTC', units: '0.05', cost: '3150.00' }, { asset: 'ETH', units: '7.5', cost: '15014.29' }]);
    expect(s['income']).toMatchObject({ total: '1000.00', byKind: { staking: '1000.00' } });
    expect(s['missingBasis']).toEqual({ disposals: 0, proceeds: '0.00' });
    expect(s['diagnostics']).toEqual({ errors: 0, warnings: 0 });
  });
});

describe('gift-missing-basis: a gift is a disposal at market value; unknown and missing cost', () => {
  it('counts the units of unknown cost and the uncovered units in missingBasis', () => {
    // pool: 1 ETH for 2,000 + 1 ETH deposited of unknown cost (0) = 2 ETH, 2,000, of which 1 unknown.
    // gift 0.5 ETH worth 1,500: cost 2,000 × 0.5/2 = 500; gain 1,000; unknown share 1 × 0.5/2 = 0.25
    //   → missing proceeds 1,500 × 0.25/0.5 = 750.
    // sale 2 ETH for 6,000: the pool holds 1.5 (cost 1,500, 0.75 unknown): 0.5 uncovered;
    //   gain 6,000 − 1,500 = 4,500; missing 0.75 + 0.5 = 1.25 → 6,000 × 1.25/2 = 3,750.
    const s = uk('gift-missing-basis');
    expect(cg(s)).toEqual({
      disposals: 2, proceeds: '7500.00', allowableCosts: '2000.00', gains: '5500.00', losses: '0.00', net: '5500.00',
      annualExemptAmount: '3000.00', byRule: { sameDay: '0.00', bedAndBreakfast: '0.00', pool: '5500.00' },
    });
    expect(s['missingBasis']).toEqual({ disposals: 2, proceeds: '4500.00' });
    expect(s['pools']).toEqual([]);
    // DEPOSIT_UNMATCHED + two MISSING_BASIS
    expect(s['diagnostics']).toEqual({ errors: 0, warnings: 3 });
  });
});
