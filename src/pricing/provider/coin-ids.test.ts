import { describe, expect, it } from 'vitest';
import { buildCoinMap, readCoinMap } from './coin-ids.js';
import { retryAfterMs } from './fetch-with-retry.js';

describe('coin map', () => {
  it('user entries extend and override the defaults; null removes one', () => {
    const read = readCoinMap('{"rndr": "render-token", "ETH": "ethereum-pow-iou", "DOT": null}');
    if ('error' in read) throw new Error(read.error);
    const map = buildCoinMap(read.overrides);
    expect(map.get('RNDR')).toBe('render-token');
    expect(map.get('ETH')).toBe('ethereum-pow-iou');
    expect(map.has('DOT')).toBe(false);
    expect(map.get('BTC')).toBe('bitcoin');
  });

  it.each([
    ['[1]', 'expected a JSON object such as {"RNDR": "render-token"}'],
    ['{"X": 5}', 'the coin id of "X" must be a string (or null to remove it)'],
    ['{"X": "../../etc"}', '"../../etc" (for "X") is not a coin id such as "bitcoin" or "usd-coin"'],
  ])('a bad file %s is a message, not an exception', (text, error) => {
    expect(readCoinMap(text)).toEqual({ error });
  });

  it('invalid JSON is a message', () => {
    expect('error' in readCoinMap('{')).toBe(true);
  });
});

describe('Retry-After', () => {
  const now = () => Date.UTC(2024, 2, 1, 12, 0, 0);
  it.each([
    ['30', 30_000],
    [' 0 ', 0],
    ['Fri, 01 Mar 2024 12:00:45 GMT', 45_000], // an HTTP date 45 s after "now"
    ['Fri, 01 Mar 2024 11:00:00 GMT', 0], // in the past: no wait
    ['soon', undefined],
  ])('%j → %s ms', (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms);
  });
  it('absent → undefined (the caller backs off instead)', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
