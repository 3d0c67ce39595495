/**
 * The price book's sources and their order. Expected values are worked out by hand in the
 * comments (products and quotients of the table prices), never by calling the code under test.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_USD_STABLECOINS } from '../model/asset.js';
import { Dec } from '../model/decimal.js';
import { createPriceBook, type PricePoint } from './price-book.js';
import { readPriceTable } from './read-price-table.js';

const table = (rows: string, zone = 'UTC'): PricePoint[] => readPriceTable('prices.csv', `date,asset,currency,price\n${rows}`, zone).points;
const book = (rows: string, currency = 'USD', extra: PricePoint[] = []) =>
  createPriceBook({ reportCurrency: currency, stablecoins: DEFAULT_USD_STABLECOINS, table: [...table(rows), ...extra], windowMs: 24 * 3_600_000 });
const at = (iso: string): number => Date.parse(iso);
const value = (b: ReturnType<typeof book>, asset: string, amount: string, iso: string) => {
  const v = b.valueOf(asset, new Dec(amount), at(iso));
  return v ? `${v.amount.toFixed()} ${v.source}` : 'none';
};

describe('price table', () => {
  it('a daily price covers its whole day, and only within the window after it', () => {
    const b = book('2024-03-01,ETH,USD,3400');
    expect(value(b, 'ETH', '2', '2024-03-01T23:59:59Z')).toBe('6800 price-table'); // 2 × 3400
    expect(value(b, 'ETH', '2', '2024-02-29T23:59:59Z')).toBe('none');
    expect(value(b, 'ETH', '2', '2024-03-02T00:00:00Z')).toBe('none'); // 24 h window from 00:00 ends here
  });

  it('an asset quoted in another currency is converted with that currency\'s rate', () => {
    // 1.5 ETH × 0.05 BTC/ETH × 60000 USD/BTC = 4500
    const b = book('2024-03-01,ETH,BTC,0.05\n2024-03-01,BTC,USD,60000');
    expect(value(b, 'ETH', '1.5', '2024-03-01T12:00:00Z')).toBe('4500 price-table');
  });

  it('a fiat rate given the other way round is inverted (USD,EUR,0.8 → 1 EUR = 1.25 USD)', () => {
    const b = book('2024-03-01,USD,EUR,0.8');
    expect(value(b, 'EUR', '100', '2024-03-01T12:00:00Z')).toBe('125 price-table'); // 100 / 0.8
  });

  it('the issue\'s example rate USD,EUR,0.92: 920 EUR = 1000.00 USD to the cent (1/0.92 kept to 30 places)', () => {
    const b = book('2024-03-01,USD,EUR,0.92');
    const v = b.valueOf('EUR', new Dec('920'), at('2024-03-01T12:00:00Z'));
    expect(v?.amount.toDecimalPlaces(2).toFixed(2)).toBe('1000.00');
  });

  it('a crypto price is never inverted: USD,BTC does not give BTC in USD', () => {
    expect(value(book('2024-03-01,USD,BTC,0.00002'), 'BTC', '1', '2024-03-01T12:00:00Z')).toBe('none');
  });
});

describe('stablecoins count at 1.00 USD, and only as USD', () => {
  it('USD report: 1.00 each, unless the table prices them', () => {
    expect(value(book(''), 'USDT', '250.5', '2024-03-01T12:00:00Z')).toBe('250.5 stablecoin');
    expect(value(book('2024-03-01,USDT,USD,0.998'), 'USDT', '1000', '2024-03-01T12:00:00Z')).toBe('998 price-table');
  });

  it('EUR report: a USDT is one dollar at the USD→EUR rate, never 1.00 EUR', () => {
    expect(value(book('2024-03-01,USD,EUR,0.92', 'EUR'), 'USDT', '100', '2024-03-01T12:00:00Z')).toBe('92 stablecoin'); // 100 × 0.92
    expect(value(book('', 'EUR'), 'USDT', '100', '2024-03-01T12:00:00Z')).toBe('none');
  });

  it('EUR report: a USD amount converts with the same rate, EUR itself is the report currency', () => {
    const b = book('2024-03-01,USD,EUR,0.92', 'EUR');
    expect(value(b, 'USD', '50', '2024-03-01T12:00:00Z')).toBe('46 price-table'); // 50 × 0.92
    expect(value(b, 'EUR', '50', '2024-03-01T12:00:00Z')).toBe('50 fiat-leg');
  });
});

describe('provider prices merged into the table', () => {
  const provider = (asset: string, iso: string, price: string): PricePoint => ({
    asset, currency: 'USD', instant: at(iso), daily: true, price: new Dec(price), source: 'provider',
  });

  it('carry their own provenance', () => {
    expect(value(book('', 'USD', [provider('ETH', '2024-03-01T00:00:00Z', '3400.5')]), 'ETH', '2', '2024-03-01T10:00:00Z')).toBe('6801 provider');
  });

  it('the user\'s row wins over the provider\'s for the same day, in either order', () => {
    const p = provider('ETH', '2024-03-01T00:00:00Z', '3400.5');
    expect(value(book('2024-03-01,ETH,USD,3390', 'USD', [p]), 'ETH', '1', '2024-03-01T10:00:00Z')).toBe('3390 price-table');
    const reversed = createPriceBook({ reportCurrency: 'USD', stablecoins: [], table: [...table('2024-03-01,ETH,USD,3390')].reverse().concat([p]).reverse(), windowMs: 0 });
    expect(reversed.valueOf('ETH', new Dec('1'), at('2024-03-01T10:00:00Z'))?.source).toBe('price-table');
  });

  it('a value converted through a provider price is a provider value', () => {
    // 2 ETH × 0.05 BTC/ETH (table) × 60000 USD/BTC (provider) = 6000
    const b = book('2024-03-01,ETH,BTC,0.05', 'USD', [provider('BTC', '2024-03-01T00:00:00Z', '60000')]);
    expect(value(b, 'ETH', '2', '2024-03-01T10:00:00Z')).toBe('6000 provider');
  });
});
