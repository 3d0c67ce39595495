/**
 * Year-end valuation: which instant counts as "the end of December 31" in the report zone, and
 * the per-lot / per-asset arithmetic (worked out by hand in the comments).
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../model/decimal.js';
import type { LotSnapshot } from '../model/lot.js';
import { createPriceBook, type PricePoint } from './price-book.js';
import { readPriceTable } from './read-price-table.js';
import { valueHoldings } from './value-holdings.js';

const lot = (id: string, asset: string, quantity: string, basis: string, basisKnown = true): LotSnapshot => ({
  id, seq: 0, split: 0, asset, wallet: 'w', quantity: new Dec(quantity), basis: new Dec(basis), unitCost: new Dec(0),
  acquiredInstant: 0, acquiredDate: '2024-01-01', basisKnown, origin: basisKnown ? 'purchase' : 'deposit',
  source: { file: 'f.csv', line: 2, format: 'test' },
});
const points = (rows: string, zone: string): PricePoint[] => readPriceTable('p.csv', `date,asset,currency,price\n${rows}`, zone).points;
const value = (lots: LotSnapshot[], rows: string, zone = 'UTC') =>
  valueHoldings(lots, createPriceBook({ reportCurrency: 'USD', stablecoins: ['USDC'], table: points(rows, zone), windowMs: 3_600_000 }), 2024, zone);

describe('valueHoldings', () => {
  it('values each lot and each asset; a lot of unknown basis counts with zero basis', () => {
    const v = value([lot('L1', 'BTC', '0.5', '20000'), lot('L2', 'BTC', '0.25', '0', false), lot('L3', 'USDC', '100', '100')], '2024-12-31,BTC,USD,90000');
    // L1: 0.5 × 90000 = 45000, gain 45000 − 20000 = 25000; L2: 0.25 × 90000 = 22500, gain 22500 (zero basis)
    expect(v.lots.map((l) => [l.lot.id, l.marketValue?.toFixed(), l.unrealizedGain?.toFixed(), l.priceSource])).toEqual([
      ['L1', '45000', '25000', 'price-table'],
      ['L2', '22500', '22500', 'price-table'],
      ['L3', '100', '0', 'stablecoin'],
    ]);
    const btc = v.holdings[0];
    // 0.75 BTC, basis 20000, value 67500, gain 47500, of which 0.25 BTC of unknown basis
    expect([btc?.asset, btc?.quantity.toFixed(), btc?.costBasis.toFixed(), btc?.marketValue?.toFixed(), btc?.unrealizedGain?.toFixed(), btc?.unknownBasisQuantity.toFixed(), btc?.lots])
      .toEqual(['BTC', '0.75', '20000', '67500', '47500', '0.25', 2]);
    expect(v.diagnostics).toEqual([]);
  });

  it('a missing price leaves the value empty (never zero) and is one warning per asset', () => {
    const v = value([lot('L1', 'DOT', '1', '7'), lot('L2', 'DOT', '2', '14')], '');
    expect(v.lots.map((l) => [l.marketValue, l.priceSource])).toEqual([[undefined, 'missing'], [undefined, 'missing']]);
    expect(v.holdings[0]?.marketValue).toBeUndefined();
    expect(v.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['note PRICE_MISSING_YEAR_END']);
    expect(v.missing).toEqual([{ asset: 'DOT', date: '2024-12-31', currency: 'USD' }]);
  });

  it('"end of December 31" is in the report zone: New York\'s year ends at 2025-01-01T05:00Z', () => {
    const ny = 'America/New_York';
    expect(value([lot('L1', 'ETH', '1', '0')], '', ny).instant).toBe(Date.UTC(2025, 0, 1, 5) - 1);
    // A point at 23:30 New York time on Dec 31 (04:30Z) is within the 1 h window at the year end.
    expect(value([lot('L1', 'ETH', '1', '0')], '2025-01-01T04:30:00Z,ETH,USD,3300', ny).lots[0]?.marketValue?.toFixed()).toBe('3300');
    // A point at 00:30 on Jan 1 New York time (05:30Z) is after the year end: not used.
    expect(value([lot('L1', 'ETH', '1', '0')], '2025-01-01T05:30:00Z,ETH,USD,3300', ny).lots[0]?.priceSource).toBe('missing');
    // A daily row for 2024-12-31 covers the whole New York day, its end included.
    expect(value([lot('L1', 'ETH', '1', '0')], '2024-12-31,ETH,USD,3333', ny).lots[0]?.marketValue?.toFixed()).toBe('3333');
  });
});
