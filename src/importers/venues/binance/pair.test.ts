import { describe, expect, it } from 'vitest';
import { amountOf, amountWithAsset, splitPair, trailingAsset } from './pair.js';

describe('splitPair', () => {
  it('splits against the longest known quote', () => {
    expect(splitPair('BTCUSDT')).toEqual({ base: 'BTC', quote: 'USDT' });
    expect(splitPair('BUSDUSDT')).toEqual({ base: 'BUSD', quote: 'USDT' });
    expect(splitPair('FDUSDUSDT')).toEqual({ base: 'FDUSD', quote: 'USDT' });
    expect(splitPair('BTCFDUSD')).toEqual({ base: 'BTC', quote: 'FDUSD' });
    expect(splitPair('LTCBTC')).toEqual({ base: 'LTC', quote: 'BTC' });
    expect(splitPair('ADAEUR')).toEqual({ base: 'ADA', quote: 'EUR' });
    expect(splitPair('BTCEURI')).toEqual({ base: 'BTC', quote: 'EURI' });
    expect(splitPair('GALAEUR')).toEqual({ base: 'GALA', quote: 'EUR' });
    expect(splitPair('ETHAEUR')).toEqual({ base: 'ETH', quote: 'AEUR' });
  });

  it('keeps bases that start with digits', () => {
    expect(splitPair('1000SATSUSDT')).toEqual({ base: '1000SATS', quote: 'USDT' });
    expect(splitPair('1INCHBUSD')).toEqual({ base: '1INCH', quote: 'BUSD' });
  });

  it('uses a stated quote over the list, and refuses what does not split', () => {
    expect(splitPair('FOOQQQ', 'QQQ')).toEqual({ base: 'FOO', quote: 'QQQ' });
    expect(splitPair('ETHUSDT', 'BTC')).toBeUndefined();
    expect(splitPair('XYZABC')).toBeUndefined();
    expect(splitPair('USDT')).toBeUndefined(); // a quote alone has no base
  });
});

describe('amount cells', () => {
  it('strips a known asset, even one that starts with digits', () => {
    expect(amountOf('1,000,000.01000SATS', '1000SATS')?.toFixed()).toBe('1000000');
    expect(amountOf('40.81INCH', '1INCH')?.toFixed()).toBe('40.8');
    expect(amountOf('0.5 DOGE', 'DOGE')?.toFixed()).toBe('0.5');
    expect(amountOf('-3.605E-05ETH', 'ETH')?.toFixed()).toBe('-0.00003605');
    expect(amountOf('0.5DOGE', 'BTC')).toBeUndefined();
  });

  it('reads a fee whose asset is not in the pair', () => {
    const fee = amountWithAsset('0.0000114300BNB', ['VET', 'USDT']);
    expect(fee?.asset).toBe('BNB');
    expect(fee?.amount.toFixed()).toBe('0.00001143');
    const sats = amountWithAsset('1000.01000SATS', ['1000SATS', 'USDT']);
    expect([sats?.asset, sats?.amount.toFixed()]).toEqual(['1000SATS', '1000']);
  });

  it('finds the trailing ticker of an amount cell', () => {
    expect(trailingAsset('19.8054BUSD')).toBe('BUSD');
    expect(trailingAsset('"1,005.00000000FDUSD"'.replace(/"/g, ''))).toBe('FDUSD');
    expect(trailingAsset('12.5')).toBeUndefined();
  });
});
