/** Number cells as exchanges write them; expected values read off the cells by hand. */
import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number.js';

describe('parseNumber', () => {
  it.each([
    ['1234.56', '1234.56', undefined],
    ['1,234,567.5', '1234567.5', undefined],
    ['$1,234.56', '1234.56', undefined],
    ['-$13,500.00', '-13500', undefined],
    ['CA$1.00', '1', undefined],
    ['-US$5', '-5', undefined],
    ['(12.34)', '-12.34', undefined],
    ['(0.07 BTC)', '-0.07', 'BTC'],
    ['0.5DOGE', '0.5', 'DOGE'],
    ['2.00000000 ETH', '2', 'ETH'],
    ['USD 12', '12', 'USD'],
    ['-3.605E-05', '-0.00003605', undefined],
    ['0E-18', '0', undefined],
    ['+1.2', '1.2', undefined],
    ['£80.50', '80.5', undefined],
    ['0.000000000000000000000000000000000000000123', '0.000000000000000000000000000000000000000123', undefined],
  ])('%s → %s %s', (cell, value, unit) => {
    const n = parseNumber(cell);
    expect(n?.value.toFixed()).toBe(value);
    expect(n?.unit).toBe(unit);
  });

  it.each([
    ['1E+30', '1' + '0'.repeat(30)],
    ['1E-60', '0.' + '0'.repeat(59) + '1'],
    ['1.' + '1'.repeat(79), '1.' + '1'.repeat(79)],
    ['0E+999999999', '0'],
  ])('%s is at the edge of the accepted range', (cell, value) => expect(parseNumber(cell)?.value.toFixed()).toBe(value));

  it.each(['1E+31', '1E+999999999', '-1e999999999', '1E-61', '1E-999999999', '1.' + '1'.repeat(80), '9'.repeat(100_000), '1e99999999999999999999'])(
    'an absurd magnitude is not a number (printing it would exhaust memory)',
    (cell) => expect(parseNumber(cell)).toBeUndefined(),
  );

  it.each(['', 'abc', '1,2.3', '12..5', '--', '1.2.3'])('%j is not a number', (cell) => {
    expect(parseNumber(cell)).toBeUndefined();
  });

  it('reads a decimal comma when the file uses one', () => {
    expect(parseNumber('1.234,56', { decimalSeparator: ',' })?.value.toFixed()).toBe('1234.56');
  });

  it('keeps 43 decimal places exactly', () => {
    const text = '169.3696337724427464682749300795884857180596';
    expect(parseNumber(text)?.value.toFixed()).toBe(text);
  });
});
