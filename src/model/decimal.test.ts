import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, divide, QUOTIENT_DP, share } from './decimal.js';

const d = (text: string) => new Dec(text);
const thirtyThrees = `0.${'3'.repeat(30)}`;

describe('divide and share: exact quotients rounded once to 30 places, half-even', () => {
  it('gives the values worked out by hand', () => {
    expect(divide(d('1'), d('3')).toFixed()).toBe(thirtyThrees);
    expect(divide(d('2'), d('3')).toFixed()).toBe(`0.${'6'.repeat(29)}7`);
    expect(divide(d('-2'), d('3')).toFixed()).toBe(`-0.${'6'.repeat(29)}7`);
    expect(divide(d('2'), d('-3')).toFixed()).toBe(`-0.${'6'.repeat(29)}7`);
    expect(divide(d('12060'), d('5')).toFixed()).toBe('2412');
    // 12,060 basis for 5 ETH, 2 of them sold: 4,824 (the sample's Form 8949 line)
    expect(share(d('12060'), d('2'), d('5')).toFixed()).toBe('4824');
    expect(share(d('100'), d('1'), d('3')).toFixed()).toBe(`33.${'3'.repeat(30)}`);
    // trailing zeros beyond the digits (1e30 is one digit), tiny divisors, many digit words
    expect(share(d('1e30'), d('3'), d('2e25')).toFixed()).toBe('150000');
    expect(divide(d('10000000'), d('0.0000004')).toFixed()).toBe('25000000000000');
    expect(divide(d('12345678901234567890.123456789'), d('1')).toFixed()).toBe('12345678901234567890.123456789');
    expect(divide(d('-0.00000001'), d('0.00000003')).toFixed()).toBe(`-0.${'3'.repeat(30)}`);
    // (1e50 + 1) / 3: 50 integer digits, so all 30 places need 80 significant digits and more
    // (checked with Python's decimal module at 200 digits); decimal.js at 80 digits gives 29 places
    expect(divide(d(`1${'0'.repeat(49)}1`), d('3')).toFixed()).toBe(`${'3'.repeat(50)}.${'6'.repeat(29)}7`);
  });

  it('breaks ties to the even last place', () => {
    // 3e-30 / 2 = 1.5e-30 → 2e-30; 1e-30 / 2 = 0.5e-30 → 0; 5e-30 / 2 = 2.5e-30 → 2e-30
    const e30 = (k: string) => d(`${k}e-30`);
    expect(divide(e30('3'), d('2')).equals(e30('2'))).toBe(true);
    expect(divide(e30('1'), d('2')).isZero()).toBe(true);
    expect(divide(e30('5'), d('2')).equals(e30('2'))).toBe(true);
    expect(divide(e30('-5'), d('2')).equals(e30('-2'))).toBe(true);
    expect(divide(e30('7'), d('2')).equals(e30('4'))).toBe(true);
  });

  it('signs a zero quotient by its operands, as decimal.js does (-0 when they differ)', () => {
    const q = divide(d('-1e-40'), d('1'));
    expect(q.isZero() && q.isNegative()).toBe(true);
    expect(q.isNegative()).toBe(d('-1e-40').dividedBy(d('1')).toDecimalPlaces(QUOTIENT_DP).isNegative());
    expect(divide(d('0'), d('-3')).isNegative()).toBe(true);
    expect(divide(d('-0'), d('-3')).isNegative()).toBe(false);
    expect(share(d('0'), d('-2'), d('3')).isNegative()).toBe(true);
    expect(share(d('-0'), d('-2'), d('-3')).isNegative()).toBe(true);
  });

  it('answers a zero divisor as decimal.js does', () => {
    expect(divide(d('1'), d('0')).isFinite()).toBe(false);
    expect(share(d('1'), d('1'), d('0')).isFinite()).toBe(false);
    expect(divide(d('0'), d('0')).isNaN()).toBe(true);
  });

  // amounts as exports and the engine hold them: up to 12 integer digits, up to 30 decimals
  const amount = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.nat({ max: 30 }), fc.bigInt({ min: 0n, max: 10n ** 30n - 1n }))
    .map(([negative, whole, places, fraction]) => {
      const f = places === 0 ? '' : `.${(fraction % 10n ** BigInt(places)).toString().padStart(places, '0')}`;
      return d(`${negative ? '-' : ''}${whole}${f}`);
    });
  const nonZero = amount.filter((x) => !x.isZero());

  it('is the correctly rounded quotient: |t·p − q·w| ≤ ½·10⁻³⁰·|w|, a tie only with an even last place', () => {
    const Exact = Dec.clone({ precision: 1000 }); // products of these values are exact at 1000 digits
    const half = new Exact('0.5e-30');
    fc.assert(
      fc.property(amount, amount, nonZero, (t, p, w) => {
        const q = new Exact(share(t, p, w));
        const error = new Exact(t).times(p).minus(q.times(w)).abs();
        const bound = half.times(new Exact(w).abs());
        expect(error.lessThanOrEqualTo(bound)).toBe(true);
        if (error.equals(bound)) expect(q.times('1e30').mod(2).isZero()).toBe(true);
        expect(q.decimalPlaces()).toBeLessThanOrEqual(QUOTIENT_DP);
      }),
      { numRuns: 2000 },
    );
  });

  it('equals decimal.js division at 80 digits then rounding to 30 places (its earlier form) wherever that was exact', () => {
    // decimal.js rounds a product past 80 significant digits, and a quotient of 1e50 or more has
    // fewer than 30 places left at 80 digits: there the earlier form was off and this one is not
    const Exact = Dec.clone({ precision: 1000 });
    fc.assert(
      fc.property(amount, amount, nonZero, (t, p, w) => {
        const product = new Exact(t).times(p);
        // the earlier form rounded twice (to 80 digits, then to 30 places): where the second
        // rounding is not the direct one (a double-rounding tie), the earlier form was the wrong one
        const roundsOnce = (q: Dec) =>
          q.toSignificantDigits(80, Dec.ROUND_HALF_EVEN).toDecimalPlaces(QUOTIENT_DP, Dec.ROUND_HALF_EVEN).equals(q.toDecimalPlaces(QUOTIENT_DP, Dec.ROUND_HALF_EVEN));
        fc.pre(product.sd() <= 80 && product.dividedBy(w).abs().lessThan('1e50') && new Exact(t).dividedBy(w).abs().lessThan('1e50'));
        fc.pre(roundsOnce(product.dividedBy(w)) && roundsOnce(new Exact(t).dividedBy(w)));
        const before = t.times(p).dividedBy(w).toDecimalPlaces(QUOTIENT_DP, Dec.ROUND_HALF_EVEN);
        const beforeDivide = t.dividedBy(w).toDecimalPlaces(QUOTIENT_DP, Dec.ROUND_HALF_EVEN);
        expect([share(t, p, w).toFixed(), share(t, p, w).isNegative()]).toEqual([before.toFixed(), before.isNegative()]);
        expect([divide(t, w).toFixed(), divide(t, w).isNegative()]).toEqual([beforeDivide.toFixed(), beforeDivide.isNegative()]);
      }),
      { numRuns: 2000 },
    );
  });
});
