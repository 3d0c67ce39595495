import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from './parse-instant.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('parseInstant: calendar dates', () => {
  it('accepts and refuses the days worked out by hand', () => {
    expect(parseInstant('2024-02-29 12:00:00')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(parseInstant('2000-02-29 00:00:00')).toBe(Date.UTC(2000, 1, 29));
    expect(parseInstant('2023-02-29 00:00:00')).toBeUndefined();
    expect(parseInstant('1900-02-29 00:00:00')).toBeUndefined(); // 1900 is not a leap year
    expect(parseInstant('2024-04-31 00:00:00')).toBeUndefined();
    expect(parseInstant('2024-12-31 23:59:59')).toBe(Date.UTC(2024, 11, 31, 23, 59, 59));
    expect(parseInstant('2024-13-01 00:00:00')).toBeUndefined();
    expect(parseInstant('2024-00-10 00:00:00')).toBeUndefined();
    // Date.UTC reads years 0–99 as 1900–1999: year 0004 is 1904 (a leap year), 0000 is 1900 (not one)
    expect(parseInstant('0004-02-29 00:00:00')).toBe(Date.UTC(1904, 1, 29));
    expect(parseInstant('0000-02-29 00:00:00')).toBeUndefined();
  });

  it('answers as a Date probe does for any year, month and day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, mo, d) => {
        const probe = new Date(Date.UTC(y, mo - 1, d));
        const valid = mo >= 1 && mo <= 12 && d >= 1 && probe.getUTCDate() === d && probe.getUTCMonth() === mo - 1;
        expect(parseInstant(`${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)} 01:02:03`)).toBe(valid ? Date.UTC(y, mo - 1, d, 1, 2, 3) : undefined);
        expect(parseInstant(`${pad(mo, 2)}/${pad(d, 2)}/${pad(y, 4)} 01:02`, { order: 'mdy' })).toBe(valid ? Date.UTC(y, mo - 1, d, 1, 2) : undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a fixed-offset zone the same from cell to cell', () => {
    expect(parseInstant('2024-01-02 03:04:05', { zone: '+08:00' })).toBe(Date.UTC(2024, 0, 1, 19, 4, 5));
    expect(parseInstant('2024-01-02 03:04:05', { zone: '+08:00' })).toBe(Date.UTC(2024, 0, 1, 19, 4, 5));
    expect(parseInstant('2024-01-02 03:04:05', { zone: '-0530' })).toBe(Date.UTC(2024, 0, 2, 8, 34, 5));
    expect(parseInstant('2024-01-02 03:04:05', { zone: 'America/New_York' })).toBe(Date.UTC(2024, 0, 2, 8, 4, 5));
  });
});
