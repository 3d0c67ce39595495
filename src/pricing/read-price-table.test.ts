/**
 * The user's price table, field by field: each problem a diagnostic with its line, two prices for
 * one (asset, currency, day) an error naming both lines. Expected values follow the layout the
 * README documents (`date,asset,currency,price`, header on line 1).
 */
import { describe, expect, it } from 'vitest';
import { readPriceTable } from './read-price-table.js';

const read = (rows: string, zone = 'UTC') => readPriceTable('prices.csv', `date,asset,currency,price\n${rows}`, zone);
const problems = (rows: string) => read(rows).diagnostics.map((d) => `${d.severity} ${d.code} ${d.source?.file}:${d.source?.line} ${d.message}`);

describe('good rows', () => {
  it('daily dates, instants with and without an offset, a unit equal to the currency', () => {
    const { points, diagnostics } = read(
      ['2024-03-01,btc,usd,61234.5', '2024-03-01T12:00:00Z,ETH,USD,3400', '2024-03-01 12:00:00+02:00,ETH,USD,3401', '2024-03-02,ETH,USD,3500 USD', '', '2024-03-01,SOL,USD,"$1,234.50"'].join('\n'),
      'America/New_York',
    );
    expect(diagnostics).toEqual([]);
    expect(points.map((p) => [p.asset, p.currency, new Date(p.instant).toISOString(), p.daily, p.price.toFixed()])).toEqual([
      ['BTC', 'USD', '2024-03-01T05:00:00.000Z', true, '61234.5'], // midnight in New York (EST, UTC−5)
      ['ETH', 'USD', '2024-03-01T12:00:00.000Z', false, '3400'],
      ['ETH', 'USD', '2024-03-01T10:00:00.000Z', false, '3401'],
      ['ETH', 'USD', '2024-03-02T05:00:00.000Z', true, '3500'],
      ['SOL', 'USD', '2024-03-01T05:00:00.000Z', true, '1234.5'],
    ]);
  });
});

describe('conflicts and duplicates', () => {
  it('two different prices for one asset, currency and day: an error naming both lines; the first is kept', () => {
    const { points, diagnostics } = read('2024-03-01,BTC,USD,65000\n2024-03-01,ETH,USD,3400\n2024-03-01,btc,USD,64000');
    expect(diagnostics.map((d) => [d.severity, d.code, d.source?.line, d.message])).toEqual([
      ['error', 'PRICE_TABLE_CONFLICT', 4, 'BTC in USD on 2024-03-01 has two prices: 65000 (line 2) and 64000 (line 4); line 2 is used'],
    ]);
    expect(points.map((p) => `${p.asset} ${p.price.toFixed()}`)).toEqual(['BTC 65000', 'ETH 3400']);
  });

  it('the same price twice (however written) is a note; the same instant written two ways is a conflict', () => {
    expect(problems('2024-03-01,BTC,USD,65000\n2024-03-01,BTC,USD,65000.00')).toEqual([
      'note PRICE_TABLE_DUPLICATE prices.csv:3 BTC in USD on 2024-03-01 is given twice with the same price (65000 on line 2, 65000.00 on line 3)',
    ]);
    expect(problems('2024-03-01T12:00:00Z,BTC,USD,65000\n2024-03-01 14:00:00+02:00,BTC,USD,65100')).toEqual([
      'error PRICE_TABLE_CONFLICT prices.csv:3 BTC in USD on 2024-03-01 14:00:00+02:00 has two prices: 65000 (line 2) and 65100 (line 3); line 2 is used',
    ]);
  });

  it('not conflicts: another currency, another day, a daily price beside an instant of that day', () => {
    expect(problems('2024-03-01,BTC,USD,65000\n2024-03-01,BTC,EUR,60000\n2024-03-02,BTC,USD,66000\n2024-03-01T12:00:00Z,BTC,USD,65500')).toEqual([]);
  });
});

describe('each field validated, each problem its own diagnostic', () => {
  it.each([
    ['3/1/2024,BTC,USD,1', 'ROW_BAD_DATE', '"3/1/2024" is not a date as YYYY-MM-DD or an ISO 8601 instant'],
    ['2024-02-30,BTC,USD,1', 'ROW_BAD_DATE', '"2024-02-30" is not a calendar date'],
    ['2024-12-31T23:59:60Z,BTC,USD,1', 'ROW_BAD_DATE', '"2024-12-31T23:59:60Z" is a leap second, not an instant (use :59)'],
    ['1900-01-01,BTC,USD,1', 'ROW_BAD_DATE', '1900 is not a year a price is for (1970 to 2100)'],
    [',BTC,USD,1', 'ROW_BAD_DATE', 'the date is empty'],
    ['2024-03-01,,USD,1', 'ROW_MISSING_VALUE', 'the asset is empty'],
    ['2024-03-01,B\u200bTC,USD,1', 'PRICE_TABLE_BAD_CODE', 'the asset "B\\u200bTC" is not a code (spaces, control or invisible characters, or over 40 characters)'],
    ['2024-03-01,BTC,U SD,1', 'PRICE_TABLE_BAD_CODE', 'the currency "U SD" is not a code (spaces, control or invisible characters, or over 40 characters)'],
    ['2024-03-01,USD,USD,1', 'ROW_INCONSISTENT', 'the asset and the currency are both USD'],
    ['2024-03-01,BTC,USD,', 'ROW_MISSING_VALUE', 'the price is empty'],
    ['2024-03-01,BTC,USD,-65000', 'ROW_BAD_NUMBER', 'the price -65000 is negative'],
    ['2024-03-01,BTC,USD,0', 'ROW_BAD_NUMBER', 'the price is zero (a price must be positive; leave the asset out of the table if it has no market)'],
    ['2024-03-01,BTC,USD,1e999', 'ROW_BAD_NUMBER', '"1e999" is not a number (or is beyond any amount taxlot reads)'],
    ['2024-03-01,BTC,USD,Infinity', 'ROW_BAD_NUMBER', '"Infinity" is not a number (or is beyond any amount taxlot reads)'],
    ['2024-03-01,BTC,USD,NaN', 'ROW_BAD_NUMBER', '"NaN" is not a number (or is beyond any amount taxlot reads)'],
    ['2024-03-01,SOL,USD,1,234.50', 'CSV_MALFORMED', 'the row has 5 cells but the header 4'],
    ['2024-03-01,BTC,USD,65000 EUR', 'ROW_BAD_NUMBER', 'the price "65000 EUR" is written in EUR, but the row\'s currency is USD'],
  ])('%s', (row, code, message) => {
    const { points, diagnostics } = read(row);
    expect(points).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.source?.file, d.source?.line, d.message])).toEqual([[code, 'error', 'prices.csv', 2, message]]);
    expect(diagnostics[0]?.hint).toBeTruthy();
  });

  it('every problem of a row is reported, not only the first', () => {
    expect(read('someday,,USD,-1').diagnostics.map((d) => d.code)).toEqual(['ROW_BAD_DATE', 'ROW_MISSING_VALUE', 'ROW_BAD_NUMBER']);
  });

  it('a table without the columns is one file-level error', () => {
    const r = readPriceTable('p.csv', 'day,coin,price\n2024-03-01,BTC,1', 'UTC');
    expect(r.diagnostics.map((d) => [d.code, d.file])).toEqual([['FORMAT_UNKNOWN', 'p.csv']]);
  });
});
