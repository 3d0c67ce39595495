import { describe, expect, it } from 'vitest';
import { dec } from '../../../model/decimal.js';
import { spotTradeOf } from './uta-asset-changes.js';

const leg = (asset: string, cashFlow: string, change: string) => ({ asset, cashFlow: dec(cashFlow), change: dec(change) });

describe('bybit UTA spot legs', () => {
  it('reads the fee as Cash Flow − Change on the received leg', () => {
    const t = spotTradeOf([leg('BTC', '-0.00003', '-0.00003'), leg('EUR', '1.615287', '1.6112487825')]);
    if (typeof t === 'string') throw new Error(t);
    expect([t.sent.amount.toFixed(), t.received.amount.toFixed(), t.fee?.asset, t.fee?.amount.toFixed()]).toEqual([
      '0.00003', '1.615287', 'EUR', '0.0040382175',
    ]);
  });
  it('reads a fee on the sent leg', () => {
    const t = spotTradeOf([leg('BTC', '-0.01', '-0.01001'), leg('USDT', '650', '650')]);
    if (typeof t === 'string') throw new Error(t);
    expect([t.sent.amount.toFixed(), t.fee?.asset, t.fee?.amount.toFixed()]).toEqual(['0.01', 'BTC', '0.00001']);
  });
  it('folds a maker rebate into the received amount', () => {
    const t = spotTradeOf([leg('USDT', '-100', '-100'), leg('ETH', '0.04', '0.040004')]);
    if (typeof t === 'string') throw new Error(t);
    expect([t.received.amount.toFixed(), t.fee]).toEqual(['0.040004', undefined]);
  });
  it('refuses a one-legged trade', () => {
    expect(typeof spotTradeOf([leg('USDT', '-100', '-100')])).toBe('string');
  });
});
