import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedHalfEven, magnitudeFixed, magnitudePlain, plainFields } from './compact-amount.js';
import { Dec, storedDec } from './decimal.js';

const fieldsOf = (x: Dec) => {
  const { s, e, d } = x as unknown as { s: number; e: number; d: number[] | null };
  return { s, e, d: d ? [...d] : d, words: d?.length };
};

/** Digit strings rich in zeros and nines (word edges, carries, trailing zeros). */
const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom('0', '0', '0', '1', '5', '9', '9', '3', '7'), { minLength: min, maxLength: max }).map((a) => a.join(''));

const plainText = fc
  .tuple(fc.constantFrom('', '-', '+'), digits(1, 40), fc.option(digits(1, 40), { nil: undefined }))
  .map(([sign, int, frac]) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}`);

/** Any finite decimal decimal.js reads, exponents included. */
const anyDecimal = fc
  .tuple(plainText, fc.option(fc.integer({ min: -70, max: 40 }), { nil: undefined }))
  .map(([text, exp]) => new Dec(exp === undefined ? text : `${text}e${exp}`));

describe('plainFields: decimal.js values built from plain text without its parser', () => {
  it('gives the fields decimal.js gives, digit array at exact length, for any plain text', () => {
    const into = { s: 0, e: 0, d: [] as number[] };
    fc.assert(
      fc.property(plainText, (text) => {
        expect(plainFields(text, into)).toBe(true);
        const fast = new Dec({ toStringTag: '[object Decimal]', ...into } as unknown as Dec);
        const reference = new Dec(text);
        expect(fieldsOf(fast)).toEqual(fieldsOf(reference));
        expect(fast.equals(reference)).toBe(true);
        expect(fieldsOf(storedDec(text))).toEqual(fieldsOf(reference));
      }),
      { numRuns: 3000 },
    );
  });

  it('lays out the words worked out by hand', () => {
    const into = { s: 0, e: 0, d: [] as number[] };
    // 0.000120: first digit at 10^-4, the word holds 10^-1..10^-7
    expect(plainFields('-0.000120', into)).toBe(true);
    expect(into).toEqual({ s: -1, e: -4, d: [1200] });
    // 12345678.9: 8 integer digits, so the first word holds the 10^7 digit alone
    expect(plainFields('12345678.9', into)).toBe(true);
    expect(into).toEqual({ s: 1, e: 7, d: [1, 2345678, 9000000] });
    expect(plainFields('+000', into)).toBe(true);
    expect(into).toEqual({ s: 1, e: 0, d: [0] });
    expect(plainFields('-0.0', into)).toBe(true);
    expect(into).toEqual({ s: -1, e: 0, d: [0] });
    // the array is written over, never grown from empty: three words, then one, then two
    expect(plainFields('12345678.9', into)).toBe(true);
    expect(plainFields('0.5', into)).toBe(true);
    expect(into).toEqual({ s: 1, e: -1, d: [5000000] });
    expect(plainFields('-10000000', into)).toBe(true);
    expect(into).toEqual({ s: -1, e: 7, d: [1] });
    expect(plainFields('0.00000001', into)).toBe(true);
    expect(into).toEqual({ s: 1, e: -8, d: [1000000] });
    // text left to decimal.js leaves the fields as they were
    expect(plainFields('1e5', into)).toBe(false);
    expect(into).toEqual({ s: 1, e: -8, d: [1000000] });
  });

  it('leaves every other text to decimal.js', () => {
    const into = { s: 0, e: 0, d: [] as number[] };
    for (const text of ['', '-', '+', '.5', '5.', '1e5', '1E-3', '1.2.3', ' 1', '1 ', '1,5', '--1', '0x10', 'Infinity', 'NaN', '١']) {
      expect(plainFields(text, into)).toBe(false);
    }
    // storedDec still reads them through decimal.js
    expect(storedDec('.5').toFixed()).toBe('0.5');
    expect(storedDec('1E-3').toFixed()).toBe('0.001');
  });
});

describe('fixedHalfEven: toFixed(places, half-even) without a rounded copy', () => {
  it('equals decimal.js for any finite value and places', () => {
    fc.assert(
      fc.property(anyDecimal, fc.integer({ min: 0, max: 12 }), (x, places) => {
        expect(fixedHalfEven(x, places)).toBe(x.toFixed(places, Dec.ROUND_HALF_EVEN));
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds ties to even and keeps the sign of a negative value rounded to zero', () => {
    const f = (t: string, p = 2) => fixedHalfEven(new Dec(t), p);
    expect(f('2.345')).toBe('2.34');
    expect(f('2.355')).toBe('2.36');
    expect(f('2.3450000001')).toBe('2.35');
    expect(f('0.005')).toBe('0.00');
    expect(f('0.015')).toBe('0.02');
    expect(f('999.995')).toBe('1000.00');
    expect(f('-999.995')).toBe('-1000.00');
    expect(f('-0.001')).toBe('-0.00');
    expect(f('-0')).toBe('0.00');
    expect(f('0.5', 0)).toBe('0');
    expect(f('1.5', 0)).toBe('2');
    expect(f('0.0051')).toBe('0.01');
    expect(f('1e-40')).toBe('0.00');
    expect(f('12e20', 1)).toBe('1200000000000000000000.0');
    expect(fixedHalfEven(new Dec('Infinity'), 2)).toBe('Infinity');
  });
});

describe('magnitudeFixed and magnitudePlain: unsigned amounts for exports that refuse negatives', () => {
  it('equal decimal.js for any finite value and places', () => {
    fc.assert(
      fc.property(anyDecimal, fc.integer({ min: 0, max: 12 }), (x, places) => {
        expect(magnitudeFixed(x, places)).toBe(x.abs().toFixed(places, Dec.ROUND_HALF_EVEN));
        expect(magnitudePlain(x, places)).toBe(x.abs().toDecimalPlaces(places, Dec.ROUND_HALF_EVEN).toFixed());
      }),
      { numRuns: 5000 },
    );
  });

  it('give the values worked out by hand', () => {
    expect(magnitudeFixed(new Dec('-2.345'), 2)).toBe('2.34');
    expect(magnitudeFixed(new Dec('-0.001'), 2)).toBe('0.00');
    expect(magnitudePlain(new Dec('-0.123456789'), 8)).toBe('0.12345679');
    expect(magnitudePlain(new Dec('-0.000000005'), 8)).toBe('0');
    expect(magnitudePlain(new Dec('0.000000015'), 8)).toBe('0.00000002');
    expect(magnitudePlain(new Dec('3000.00'), 8)).toBe('3000');
    expect(magnitudePlain(new Dec('-0'), 8)).toBe('0');
    expect(magnitudePlain(new Dec('1e25'), 8)).toBe('10000000000000000000000000');
    expect(magnitudePlain(new Dec('9.999999999'), 8)).toBe('10');
  });
});
