import { describe, expect, it } from 'vitest';
import { krakenAsset, splitKrakenPair } from './assets.js';

describe('krakenAsset', () => {
  it.each([
    ['XXBT', 'BTC'], ['XBT', 'BTC'], ['XETH', 'ETH'], ['ZUSD', 'USD'], ['ZEUR', 'EUR'], ['XXDG', 'DOGE'],
    ['ETH2.S', 'ETH'], ['ETH2', 'ETH'], ['DOT.S', 'DOT'], ['USDC.M', 'USDC'], ['SOL.F', 'SOL'], ['DOT.B', 'DOT'],
    ['XBT.M', 'BTC'], ['sol', 'SOL'], ['USDT', 'USDT'], ['KFEE', 'KFEE'], ['SOL03.S', 'SOL'], ['DOT28.S', 'DOT'], ['KAVA21.S', 'KAVA'],
  ])('%s → %s', (code, expected) => expect(krakenAsset(code)).toBe(expected));
});

describe('splitKrakenPair', () => {
  it.each([
    ['XXBTZUSD', 'BTC', 'USD'], ['XBTUSDT', 'BTC', 'USDT'], ['ETHUSD', 'ETH', 'USD'], ['XETHXXBT', 'ETH', 'BTC'],
    ['XXBTZEUR', 'BTC', 'EUR'], ['USDTZUSD', 'USDT', 'USD'], ['USDCUSDT', 'USDC', 'USDT'], ['XDGUSD', 'DOGE', 'USD'],
    ['DOTETH', 'DOT', 'ETH'], ['SOLXBT', 'SOL', 'BTC'], ['XXBTZUSD.d', 'BTC', 'USD'], ['BTC/USD', 'BTC', 'USD'],
  ])('%s → %s/%s', (pair, base, quote) => expect(splitKrakenPair(pair)).toEqual({ base, quote }));

  it('refuses a pair with no known quote rather than guessing', () => {
    expect(splitKrakenPair('FOOBAR')).toBeUndefined();
    expect(splitKrakenPair('USD')).toBeUndefined();
  });
});
