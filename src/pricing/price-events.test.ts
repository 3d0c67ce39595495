/**
 * The value chain with a report currency and exchange rates, and the PRICE_MISSING rules:
 * one error per (asset, date), naming the rate when a rate is what is missing.
 * Expected values are computed by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { ledger } from '../../test/support/ledger.js';
import { DEFAULT_USD_STABLECOINS } from '../model/asset.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import { createPriceBook } from './price-book.js';
import { priceEvents } from './price-events.js';
import { readPriceTable } from './read-price-table.js';

const price = (events: LedgerEvent[], rows: string, currency = 'USD') => {
  const table = readPriceTable('prices.csv', `date,asset,currency,price\n${rows}`, 'UTC').points;
  const book = createPriceBook({ reportCurrency: currency, stablecoins: DEFAULT_USD_STABLECOINS, table, windowMs: 86_400_000 });
  return priceEvents(events, book, 'UTC');
};
const shown = (m: { amount: { toFixed(): string }; source: string } | undefined) => (m ? `${m.amount.toFixed()} ${m.source}` : 'none');

describe('values stated in another fiat currency (a Koinly export valued in EUR, report in USD)', () => {
  const events = ledger`
    2024-03-01 wallet income staking 2 SOL worth 160 EUR
  `;
  it('convert with the rate of the table, either way round', () => {
    expect(shown(price(events, '2024-03-01,EUR,USD,1.25').priced[0]?.values.received)).toBe('200 export'); // 160 × 1.25
    expect(shown(price(events, '2024-03-01,USD,EUR,0.8').priced[0]?.values.received)).toBe('200 export'); // 160 / 0.8
  });

  it('a missing rate is one PRICE_MISSING naming the rate, and the rate is what `prices missing` asks for', () => {
    const r = price(events, '');
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`)).toEqual([
      'error PRICE_MISSING: no USD rate for EUR on 2024-03-01 (needed for staking income); valued at 0',
    ]);
    expect(r.missing).toEqual([{ asset: 'EUR', date: '2024-03-01', currency: 'USD' }]);
    expect(shown(r.priced[0]?.values.received)).toBe('0 missing');
  });

  it('in a EUR report the stated EUR value is used as it is', () => {
    expect(shown(price(events, '', 'EUR').priced[0]?.values.received)).toBe('160 export');
  });
});

describe('a trade with a fiat leg in another currency', () => {
  const events = ledger`
    2024-03-01 wallet buy 0.1 BTC for 5000 EUR
  `;
  it('is valued by that leg at the rate, even when the table also prices the coin', () => {
    // 5000 EUR × 1.08 = 5400 USD: the cost paid, not the BTC market price (0.1 × 60000 = 6000)
    expect(shown(price(events, '2024-03-01,EUR,USD,1.08\n2024-03-01,BTC,USD,60000').priced[0]?.values.received)).toBe('5400 price-table');
  });
  it('without the rate, the coin\'s market value is the fallback (0.1 × 60000)', () => {
    const r = price(events, '2024-03-01,BTC,USD,60000');
    expect(shown(r.priced[0]?.values.received)).toBe('6000 price-table');
    expect(r.missing).toEqual([]);
  });
  it('with neither: PRICE_MISSING asks for the rate, not for BTC', () => {
    expect(price(events, '').missing).toEqual([{ asset: 'EUR', date: '2024-03-01', currency: 'USD' }]);
  });
});

describe('one PRICE_MISSING per (asset, date)', () => {
  it('three values of ETH on one day and one the next day: two errors', () => {
    const r = price(
      ledger`
        2024-03-01 09:00 a swap 0.1 BTC for 2 ETH
        2024-03-01 10:00 a income staking 0.01 ETH
        2024-03-01 11:00 b income staking 0.02 ETH
        2024-03-02 a income staking 0.01 ETH
      `,
      '',
    );
    expect(r.diagnostics.map((d) => `${d.source?.line} ${d.message}`)).toEqual([
      '2 no USD price for ETH on 2024-03-01 (needed for a trade, and 2 more values that day); valued at 0',
      '5 no USD price for ETH on 2024-03-02 (needed for staking income); valued at 0',
    ]);
    expect(r.missing).toEqual([
      { asset: 'ETH', date: '2024-03-01', currency: 'USD' },
      { asset: 'ETH', date: '2024-03-02', currency: 'USD' },
    ]);
  });
});

describe('a trade against a stablecoin', () => {
  it('is valued at the stablecoin leg, not at a daily price of the other coin', () => {
    // 0.5 BTC bought for 30,000 USDT; the table says BTC closed at 62,000 that day (31,000 for
    // 0.5). The USDT paid is the trade's cash at 1.00: 30,000.
    const r = price(ledger`2024-03-01 wallet swap 30000 USDT for 0.5 BTC`, '2024-03-01,BTC,USD,62000');
    expect(shown(r.priced[0]?.values.received)).toBe('30000 stablecoin');
  });
  it('without a stablecoin leg, the table price of the asset received', () => {
    const r = price(ledger`2024-03-01 wallet swap 10 ETH for 0.5 BTC`, '2024-03-01,BTC,USD,62000');
    expect(shown(r.priced[0]?.values.received)).toBe('31000 price-table');
  });
});
