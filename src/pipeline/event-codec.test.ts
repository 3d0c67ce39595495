import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../model/decimal.js';
import { decodeValue, encodeValue } from './event-codec.js';

describe('the event codec', () => {
  it('reads back every decimal exactly, negative zero and extreme exponents included', () => {
    const values = ['0', '-0', '1.10', '-123456789.123456789012345678901234567890', '1e-60', '9.99e59', '123456789012345678901234567890123456789012345678901234567890123456789012345678'];
    for (const text of values) {
      const back = decodeValue<{ amount: Dec }>(encodeValue({ amount: new Dec(text) })).amount;
      expect(back).toBeInstanceOf(Dec);
      expect(back.eq(new Dec(text))).toBe(true);
      expect(back.isNegative()).toBe(new Dec(text).isNegative());
      expect(back.valueOf()).toBe(new Dec(text).valueOf());
    }
  });

  it('keeps text that looks like its decimal mark as text, and nested shapes as they were', () => {
    const value = { note: '\u0001not a number', other: '\u0001\u00015', list: [{ amount: new Dec('2.5'), asset: 'BTC' }, 'x'], n: 3, flag: true, none: null };
    const back = decodeValue<typeof value>(encodeValue(value));
    expect(back.note).toBe('\u0001not a number');
    expect(back.other).toBe('\u0001\u00015');
    expect((back.list[0] as { amount: Dec }).amount.eq(new Dec('2.5'))).toBe(true);
    expect(back.list[1]).toBe('x');
    expect([back.n, back.flag, back.none]).toEqual([3, true, null]);
  });

  it('leaves decimal.js as it was: a decimal still writes itself as its digits in JSON', () => {
    encodeValue({ amount: new Dec('1.5') });
    expect(JSON.stringify({ amount: new Dec('1.5') })).toBe('{"amount":"1.5"}');
    expect(decodeValue<Dec>(encodeValue(new Dec('-7.25'))).eq(new Dec('-7.25'))).toBe(true);
  });

  it('round-trips random decimals and strings (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: 0, max: 30 }), fc.string(), (digits, places, text) => {
        const amount = new Dec(digits.toString()).dividedBy(new Dec(10).pow(places));
        const back = decodeValue<{ amount: Dec; text: string }>(encodeValue({ amount, text }));
        expect(back.amount.valueOf()).toBe(amount.valueOf());
        expect(back.text).toBe(text);
      }),
      { seed: 25, numRuns: 500 },
    );
  });
});
