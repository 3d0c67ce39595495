import { describe, expect, it } from 'vitest';
import { dec, type Dec } from '../../../model/decimal.js';
import { geminiMoney } from './cells.js';
import { splitGeminiSymbol } from './transaction-history.js';

const parse = (cell: string): string | undefined => {
  const r = geminiMoney('USD Amount USD').parse(cell, { header: 'USD Amount USD', numberStyle: {}, zone: 'UTC' });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value?.toFixed();
};

describe('geminiMoney', () => {
  it.each([
    ['$766.12 ', '766.12'], ['($1.92)', '-1.92'], ['$4,478.35 ', '4478.35'], ['($2,400.00)', '-2400'],
    ['0.4995 BTC ', '0.4995'], ['(0.07 BTC)', '-0.07'], ['(0.0000175 BTC)', '-0.0000175'], ['0.0 ETH ', '0'],
  ])('%s → %s', (cell, expected) => expect(parse(cell)).toBe(expected));

  it('empty is undefined, text is a problem', () => {
    expect(parse('  ')).toBeUndefined();
    expect(() => parse('n/a')).toThrow(/cannot read/);
  });
});

describe('splitGeminiSymbol', () => {
  const cells = (amounts: Record<string, string>): Record<`amount:${string}`, Dec | undefined> =>
    Object.fromEntries(Object.entries(amounts).map(([a, v]) => [`amount:${a}`, dec(v)]));

  it('splits where both assets have an amount in the row', () => {
    expect(splitGeminiSymbol('BTCUSD', cells({ BTC: '-0.07', USD: '766.12' }))).toEqual({ base: 'BTC', quote: 'USD' });
    expect(splitGeminiSymbol('ETHBTC', cells({ ETH: '0.25', BTC: '-0.0175' }))).toEqual({ base: 'ETH', quote: 'BTC' });
    expect(splitGeminiSymbol('BTCGUSD', cells({ BTC: '0.1', GUSD: '-3000' }))).toEqual({ base: 'BTC', quote: 'GUSD' });
    expect(splitGeminiSymbol('1INCHUSD', cells({ '1INCH': '10', USD: '-4.1' }))).toEqual({ base: '1INCH', quote: 'USD' });
  });

  it('refuses when an asset of the pair has no amount or is not listed', () => {
    expect(splitGeminiSymbol('BTCUSD', cells({ BTC: '-0.07' }))).toBeUndefined();
    expect(splitGeminiSymbol('ZZZUSD', cells({ ZZZ: '1', USD: '-1' }))).toBeUndefined();
  });
});
