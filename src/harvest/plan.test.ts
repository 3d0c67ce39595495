/**
 * The harvest plan on small inventories built by hand: how much loss helps, which lots, partial
 * units, carryovers, the limit, universal lots. Figures worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { Dec, ZERO } from '../model/decimal.js';
import type { LotSnapshot } from '../model/lot.js';
import { createPriceBook } from '../pricing/price-book.js';
import { BOOKING_METHODS } from '../engine/booking-methods.js';
import { planHarvest, type PlanInput } from './plan.js';
import { eachLotSoldAlone, SaleSimulator } from './simulate-sale.js';
import { longTermFrom, valueLotsAt } from './value-lots.js';

let seq = 0;
const lot = (wallet: string, asset: string, acquired: string, units: string, basis: string): LotSnapshot => {
  seq++;
  return {
    id: `L${seq}`, seq, split: 0, asset, wallet, quantity: new Dec(units), basis: new Dec(basis), unitCost: new Dec(basis).dividedBy(units),
    acquiredInstant: Date.parse(`${acquired}T12:00:00Z`), acquiredDate: acquired, basisKnown: true, origin: 'purchase',
    source: { file: 'test', line: seq, format: 'test' },
  };
};
const book = (prices: Record<string, string>, date: string) =>
  createPriceBook({
    reportCurrency: 'USD', stablecoins: [], windowMs: 0,
    table: Object.entries(prices).map(([asset, price]) => ({ asset, currency: 'USD', instant: Date.parse(`${date}T00:00:00Z`), daily: true, price: new Dec(price) })),
  });
const plan = (lots: LotSnapshot[], prices: Record<string, string>, over: Partial<PlanInput> = {}) => {
  const asOf = over.asOf ?? '2025-12-15';
  const valued = valueLotsAt(lots, book(prices, asOf), asOf, 'UTC', new Set());
  return planHarvest({
    lots: valued.lots, shortTerm: ZERO, longTerm: ZERO, carryoverShort: ZERO, carryoverLong: ZERO, filingStatus: 'single',
    method: 'FIFO', universal: false, asOf, ...over,
  });
};

describe('longTermFrom', () => {
  it('is the day after the first anniversary', () => {
    expect(longTermFrom('2026-03-02')).toBe('2027-03-03');
    expect(longTermFrom('2024-12-31')).toBe('2026-01-01');
    // 29 February + 1 year = 28 February 2025; long-term from 1 March
    expect(longTermFrom('2024-02-29')).toBe('2025-03-01');
  });
  it('a sale on the anniversary is short-term, the day after long-term', () => {
    const l = [lot('w', 'BTC', '2024-12-15', '1', '100')];
    expect(valueLotsAt(l, book({ BTC: '50' }, '2025-12-15'), '2025-12-15', 'UTC', new Set()).lots[0]?.term).toBe('short');
    expect(valueLotsAt(l, book({ BTC: '50' }, '2025-12-16'), '2025-12-16', 'UTC', new Set()).lots[0]?.term).toBe('long');
  });
});

describe('planHarvest', () => {
  it('with nothing realised, harvests up to the 3,000 limit, the last lot in part (units rounded up)', () => {
    // 5 ETH bought for 3,000 each, now 2,100: 900 loss per ETH; 3,000 / 900 = 3.333… → 3.33333334
    const p = plan([lot('w', 'ETH', '2025-06-01', '5', '15000')], { ETH: '2100' });
    expect(p.lossWanted.toFixed()).toBe('3000');
    expect(p.sales.map((s) => s.units.toFixed())).toEqual(['3.33333334']);
    // basis 3.33333334 × 3,000 = 10,000.00002; proceeds × 2,100 = 7,000.000014; −3,000.000006
    expect(p.sales[0]?.specificId.realized.toFixed()).toBe('-3000.000006');
    expect(p.afterSpecificId.capitalLoss.deductible.toFixed()).toBe('3000');
  });

  it('prefers short-term losses against short-term gains, and long-term against long-term', () => {
    const lots = [lot('w', 'BTC', '2023-01-01', '1', '50000'), lot('w', 'ETH', '2025-06-01', '10', '40000')];
    // BTC at 45,000: −5,000 long; ETH at 3,000: −10,000 short. Gains so far: 2,000 short, 1,000 long.
    const p = plan(lots, { BTC: '45000', ETH: '3000' }, { shortTerm: new Dec(2000), longTerm: new Dec(1000) });
    // wanted 3,000 + 3,000 = 6,000: ETH 2,000 (2 ETH), BTC 1,000 (0.2 BTC), then 3,000 more ETH (3 ETH)
    expect(p.lossWanted.toFixed()).toBe('6000');
    expect(p.sales.map((s) => [s.step, s.lot.lot.asset, s.units.toFixed()])).toEqual([
      ['short-term gains', 'ETH', '5'],
      ['long-term gains', 'BTC', '0.2'],
    ]);
    expect(p.afterSpecificId.net.toFixed()).toBe('-3000');
  });

  it('plans nothing when the year is already a loss beyond the limit (carryovers included)', () => {
    // 1,000 short-term gain against a 5,000 short-term carryover: net −4,000, beyond the 3,000 limit
    const p = plan([lot('w', 'ETH', '2025-06-01', '1', '4000')], { ETH: '1000' }, { shortTerm: new Dec(1000), carryoverShort: new Dec(5000) });
    expect(p.lossWanted.toFixed()).toBe('0');
    expect(p.sales).toEqual([]);
  });

  it('under per-wallet lots a FIFO sale stays in the wallet; under universal lots it takes the oldest lot anywhere', () => {
    // wallet a: BTC bought 2023 at 20,000 (gain at 30,000); wallet b: BTC bought 2025 at 40,000 (loss 10,000)
    const lots = [lot('a', 'BTC', '2023-01-01', '1', '20000'), lot('b', 'BTC', '2025-03-01', '1', '40000')];
    const perWallet = plan(lots, { BTC: '30000' }, { asOf: '2025-12-15' });
    // 3,000 / 10,000 = 0.3 BTC in wallet b; FIFO in b sells b's only lot: 9,000 − 12,000 = −3,000
    expect(perWallet.sales[0]?.lotMethod.realized.toFixed()).toBe('-3000');
    const universal = plan(lots, { BTC: '30000' }, { asOf: '2025-12-15', universal: true });
    // universal FIFO takes wallet a's 2023 lot: 0.3 × (30,000 − 20,000) = +3,000 long-term
    expect(universal.sales[0]?.lotMethod.realized.toFixed()).toBe('3000');
    expect(universal.sales[0]?.lotMethod.longTerm.toFixed()).toBe('3000');
  });

  it('leaves lots without a price out of the plan', () => {
    const p = plan([lot('w', 'XYZ', '2025-06-01', '1', '4000')], {});
    expect(p.sales).toEqual([]);
  });
});

describe('eachLotSoldAlone', () => {
  // Two code paths: prefix sums over one ordered take per wallet, against a fresh inventory selling
  // each lot's units on its own. Lots across two wallets, equal dates and equal unit costs included.
  const lots = [
    lot('a', 'BTC', '2023-01-01', '0.5', '10000'), lot('b', 'BTC', '2023-01-01', '0.7', '14000'), lot('a', 'BTC', '2024-12-15', '1.25', '50000'),
    lot('b', 'BTC', '2025-02-01', '0.3', '9000'), lot('a', 'BTC', '2025-06-01', '2', '160000'), lot('a', 'ETH', '2025-01-01', '3', '9000'),
  ];
  const price = new Dec('45000');
  it.each(BOOKING_METHODS.flatMap((m) => [[m, false], [m, true]] as const))('%s (universal: %s)', (method, universal) => {
    const alone = eachLotSoldAlone(lots, method, '2025-12-15', universal, (a) => (a === 'BTC' ? price : new Dec('2000')));
    for (const l of lots) {
      const p = l.asset === 'BTC' ? price : new Dec('2000');
      const sim = new SaleSimulator(lots, method, '2025-12-15', universal).sell(l.wallet, l.asset, l.quantity, p);
      const got = alone.get(l);
      expect([got?.shortTerm.toFixed(), got?.longTerm.toFixed()], l.id).toEqual([sim.shortTerm.toFixed(), sim.longTerm.toFixed()]);
    }
  });
});
