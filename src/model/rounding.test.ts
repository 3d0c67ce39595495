/** The gain of a printed line from its printed cents: moneyDifference against decimal.js. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.js';
import { formatMoney, moneyDifference, roundMoney } from './rounding.js';

/** Money-like decimals: digit strings rich in zeros, nines and fives (carries, ties), any sign. */
const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom('0', '0', '1', '5', '9', '9', '4'), { minLength: min, maxLength: max }).map((a) => a.join(''));
const amount = fc
  .tuple(fc.constantFrom('', '-'), digits(1, 30), fc.option(digits(1, 12), { nil: undefined }))
  .map(([sign, int, frac]) => new Dec(`${sign}${int}${frac === undefined ? '' : `.${frac}`}`));

describe('moneyDifference', () => {
  it('subtracts cents by hand', () => {
    expect(moneyDifference('1800.00', '2500.00')).toBe('-700.00');
    expect(moneyDifference('0.05', '0.05')).toBe('0.00');
    expect(moneyDifference('0.01', '0.02')).toBe('-0.01');
    expect(moneyDifference('-0.50', '-1.25')).toBe('0.75');
    expect(moneyDifference('3990.00', '1505.00')).toBe('2485.00');
    expect(moneyDifference('999999999999999999999.99', '-0.01')).toBe('1000000000000000000000.00');
    expect(moneyDifference('NaN', '1.00')).toBe(formatMoney(new Dec(NaN)));
  });

  it('is formatMoney(roundMoney(a) − roundMoney(b)) for any amounts', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(moneyDifference(formatMoney(a), formatMoney(b))).toBe(formatMoney(roundMoney(a).minus(roundMoney(b))));
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves texts too long for exact BigInt agreement to decimal.js', () => {
    const big = `${'9'.repeat(79)}.99`;
    expect(moneyDifference(big, '0.01')).toBe(formatMoney(new Dec(big).minus(new Dec('0.01'))));
  });
});
