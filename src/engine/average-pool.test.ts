/**
 * The average-cost pool against examples worked by hand: HMRC's Cryptoassets Manual CRYPTO22251
 * (a basic section 104 pool disposal) and an adjusted-cost-base sequence in the manner of CRA's
 * guide T4037 (ACB per unit = total ACB / units held), each figure computed on paper first.
 */
import { describe, expect, it } from 'vitest';
import { ledger, runLedger } from '../../test/support/ledger.js';
import { US_BOOKING } from '../jurisdictions/us/us-jurisdiction.js';
import { Dec, ZERO } from '../model/decimal.js';
import { AveragePool } from './average-pool.js';
import { Inventory, newLot } from './inventory.js';
import { LOT_ORDER } from './booking-methods.js';
import type { LotPool } from './lot-pool.js';
import type { SourceRef } from '../model/source-ref.js';

const src: SourceRef = { file: 'hand.csv', line: 1, format: 'test' };
let seq = 0;
function lot(asset: string, wallet: string, quantity: string, basis: string, date = '2024-01-01', basisKnown = true) {
  seq++;
  return newLot({
    id: `L${seq}`, seq, split: 0, asset, wallet, quantity: new Dec(quantity), basis: new Dec(basis),
    acquiredInstant: Date.parse(`${date}T00:00:00Z`) + seq, acquiredDate: date, basisKnown, origin: 'purchase', source: src,
  });
}
const basisOf = (t: { pieces: readonly { basis: Dec }[] }): string => t.pieces.reduce((s, p) => s.plus(p.basis), ZERO).toFixed();
const pooled = (p: LotPool): string[] => p.snapshot().map((l) => `${l.asset} ${l.quantity.toFixed()} ${l.basis.toFixed()} ${l.basisKnown ? 'known' : 'unknown'}`);

describe('AveragePool (section 104 / adjusted cost base)', () => {
  it('HMRC CRYPTO22251: 100 token A for £1,000, 50 more for £125,000, then 50 sold and the rest', () => {
    const pool = new AveragePool();
    pool.add(lot('A', 'exchange', '100', '1000'));
    pool.add(lot('A', 'ledger', '50', '125000', '2024-09-18'));
    expect(pooled(pool)).toEqual(['A 150 126000 known']);
    // £126,000 × 50/150 = £42,000; the pool keeps 100 tokens and £84,000
    const first = pool.take('A', 'exchange', new Dec('50'));
    expect(basisOf(first)).toBe('42000');
    expect(first.uncovered.toFixed()).toBe('0');
    expect(pooled(pool)).toEqual(['A 100 84000 known']);
    // "If Victoria then sold all 100 ... she can deduct all £84,000"
    const rest = pool.take('A', 'ledger', new Dec('100'));
    expect(basisOf(rest)).toBe('84000');
    expect(pooled(pool)).toEqual([]);
  });

  it('ACB: 100 at $10 + $20 commission, 50 for $600, 60 sold, 30 more for $450, the rest sold', () => {
    const pool = new AveragePool();
    pool.add(lot('ETH', 'a', '100', '1020'));
    pool.add(lot('ETH', 'a', '50', '600'));
    // ACB 1,620 over 150 units = 10.80 a unit; 60 units: 648
    expect(basisOf(pool.take('ETH', 'a', new Dec('60')))).toBe('648');
    expect(pooled(pool)).toEqual(['ETH 90 972 known']);
    pool.add(lot('ETH', 'a', '30', '450'));
    // 972 + 450 = 1,422 over 120 units (11.85 a unit); selling all takes all of it
    expect(pooled(pool)).toEqual(['ETH 120 1422 known']);
    expect(basisOf(pool.take('ETH', 'a', new Dec('120')))).toBe('1422');
  });

  it('thirds: the pieces of a pool sum to its cost exactly', () => {
    const pool = new AveragePool();
    pool.add(lot('BTC', 'a', '3', '10'));
    const a = pool.take('BTC', 'a', new Dec('1'));
    const b = pool.take('BTC', 'a', new Dec('1'));
    const c = pool.take('BTC', 'a', new Dec('1'));
    // 10/3 is not a finite decimal: the first two are rounded shares, the last takes what is left
    expect(basisOf(a)).toBe('3.333333333333333333333333333333');
    expect(new Dec(basisOf(a)).plus(basisOf(b)).plus(basisOf(c)).toFixed()).toBe('10');
  });

  it('units of unknown cost leave in proportion, at zero cost, without diluting the known average', () => {
    const pool = new AveragePool();
    pool.add(lot('SOL', 'a', '10', '1000'));
    pool.add(lot('SOL', 'a', '10', '0', '2024-02-01', false));
    // half the pool is of unknown cost: 5 taken = 2.5 known (2.5 × 100 = 250) + 2.5 unknown
    const t = pool.take('SOL', 'a', new Dec('5'));
    expect(t.pieces.map((p) => `${p.quantity.toFixed()} ${p.basis.toFixed()} ${p.lot.basisKnown}`)).toEqual(['2.5 250 true', '2.5 0 false']);
    expect(pooled(pool)).toEqual(['SOL 7.5 750 known', 'SOL 7.5 0 unknown']);
  });

  it('more than the pool holds: the rest is uncovered', () => {
    const pool = new AveragePool();
    pool.add(lot('A', 'a', '2', '30'));
    const t = pool.take('A', 'a', new Dec('5'));
    expect(basisOf(t)).toBe('30');
    expect(t.uncovered.toFixed()).toBe('3');
    expect(pool.take('B', 'a', new Dec('1')).uncovered.toFixed()).toBe('1');
  });

  it('a move between wallets keeps the cost and shifts the units; beyond the source wallet is uncovered', () => {
    const pool = new AveragePool();
    pool.add(lot('A', 'exchange', '4', '400'));
    pool.add(lot('A', 'ledger', '6', '900'));
    const moved = pool.move('A', 'exchange', 'ledger', new Dec('5'), false);
    // the exchange held 4 of the pool's 10 units: 4 move (their share 1,300 × 4/10 = 520), 1 uncovered
    expect(moved.pieces.map((p) => p.quantity.toFixed())).toEqual(['4']);
    expect(basisOf(moved)).toBe('520');
    expect(moved.uncovered.toFixed()).toBe('1');
    expect(pool.quantityIn('A', 'exchange').toFixed()).toBe('0');
    expect(pool.quantityIn('A', 'ledger').toFixed()).toBe('10');
    expect(pooled(pool)).toEqual(['A 10 1300 known']);
  });

  it('differs from specific lots where it should: FIFO takes the first lot, the pool its average', () => {
    const fifo: LotPool = new Inventory(LOT_ORDER.FIFO);
    const avg: LotPool = new AveragePool();
    for (const p of [fifo, avg]) {
      p.add(lot('A', 'a', '1', '100'));
      p.add(lot('A', 'a', '1', '300', '2024-03-01'));
    }
    expect(basisOf(fifo.take('A', 'a', new Dec('1')))).toBe('100');
    expect(basisOf(avg.take('A', 'a', new Dec('1')))).toBe('200');
  });
});

describe('the engine with an average-cost pool (BookingRules.createPool)', () => {
  // HMRC CRYPTO22251's figures, booked by the engine itself: no same-day or 30-day acquisition
  // here, so the section 104 pool alone decides (the UK matcher applies those two rules first).
  const events = ledger`
    2024-01-01 exchange buy 100 ETH for 1000 USD
    2024-09-18 ledger buy 50 ETH for 125000 USD
    2024-12-01 exchange sell 50 ETH for 300000 USD
    2025-02-01 ledger sell 50 ETH for 90000 USD
  `;
  const pooledRules = { ...US_BOOKING, createPool: () => new AveragePool() };

  it('takes the pool average where specific lots take the first lot', () => {
    const pooledRun = runLedger(events, { rules: pooledRules });
    // 126,000 × 50/150 = 42,000, gain 258,000; then 84,000 × 50/100 = 42,000, gain 48,000
    expect(pooledRun.disposals.map((d) => d.slices.map((s) => `${s.basis.toFixed()} ${s.proceeds.minus(s.basis).toFixed()}`))).toEqual([
      ['42000 258000'],
      ['42000 48000'],
    ]);
    // the pool is the owner's: no 2025 reassignment of lots to wallets
    expect(pooledRun.reallocations).toEqual([]);
    expect(pooledRun.openLots.map((l) => `${l.asset} ${l.quantity.toFixed()} ${l.basis.toFixed()}`)).toEqual(['ETH 50 42000']);
    // FIFO on specific lots: 50 of the 2024-01-01 lot (10 a unit) = 500, gain 299,500
    const fifo = runLedger(events);
    expect(fifo.disposals[0]?.slices.map((s) => s.basis.toFixed())).toEqual(['500']);
  });
});
