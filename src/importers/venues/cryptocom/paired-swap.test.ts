import { describe, expect, it } from 'vitest';
import { dec } from '../../../model/decimal.js';
import { pairSwapTrades, splitProRata } from './paired-swap.js';

const q = (amount: string, asset: string) => ({ asset, amount: dec(amount) });
const usd = (amount: string) => ({ amount: dec(amount), currency: 'USD' });

describe('splitProRata', () => {
  it('shares in proportion and gives the remainder to the last part', () => {
    expect(splitProRata(dec('10'), [dec('1'), dec('3')]).map((d) => d.toFixed())).toEqual(['2.5', '7.5']);
    // 1/3 of 1 rounds down at 18 places; the last part absorbs the rest, the sum stays exact.
    const thirds = splitProRata(dec('1'), [dec('1'), dec('1'), dec('1')]).map((d) => d.toFixed());
    expect(thirds).toEqual(['0.333333333333333333', '0.333333333333333333', '0.333333333333333334']);
  });

  it('works at the total\'s own precision when it has more than 18 places', () => {
    // 21e-22 / 2 = 10.5e-22, rounded down at 22 places to 10e-22; the remainder is 11e-22.
    const parts = splitProRata(dec('0.0000000000000000000021'), [dec('1'), dec('1')]);
    expect(parts.map((d) => d.toFixed())).toEqual(['0.000000000000000000001', '0.0000000000000000000011']);
  });
});

describe('pairSwapTrades', () => {
  it('one debited row: a plain trade with both stated values', () => {
    const trades = pairSwapTrades({ quantity: q('2278.4', 'CRO'), usd: usd('341.86') }, [{ quantity: q('80', 'MCO'), usd: usd('341.86') }]);
    expect(trades).toEqual([{ sent: { ...q('80', 'MCO'), value: usd('341.86') }, received: { ...q('2278.4', 'CRO'), value: usd('341.86') } }]);
  });

  it('several debited rows: CRO shared by USD value (rotki), received share without a value', () => {
    // 193.02779901061902311 × 7.1025496 / 12.8794521 = 106.447813618698309250… (18 places, down)
    const trades = pairSwapTrades({ quantity: q('193.02779901061902311', 'CRO'), usd: usd('12.8794521') }, [
      { quantity: q('1.3387887', 'UNI'), usd: usd('7.1025496') },
      { quantity: q('0.82', 'DOT'), usd: usd('5.7769025') },
    ]);
    if (typeof trades === 'string') throw new Error(trades);
    expect(trades.map((t) => `${t.sent.amount.toFixed()} ${t.sent.asset} -> ${t.received.amount.toFixed()} ${t.received.asset}`)).toEqual([
      '1.3387887 UNI -> 106.44781361869830925 CRO',
      '0.82 DOT -> 86.57998539192071386 CRO',
    ]);
    expect(trades[1]?.received.value).toBeUndefined();
  });

  it('refuses to split without a USD value for every debited row', () => {
    const r = pairSwapTrades({ quantity: q('0.5', 'CRO') }, [{ quantity: q('1000', 'SHIB') }, { quantity: q('0.01', 'DOGE'), usd: usd('0.01') }]);
    expect(r).toMatch(/not all with a USD value/);
    expect(pairSwapTrades({ quantity: q('0.5', 'CRO') }, [])).toBe('no debited row');
  });
});
