import { describe, expect, it } from 'vitest';
import { dec } from '../../../model/decimal.js';
import { parseInstant } from '../../parse-instant.js';
import { tradeLegs } from './legs.js';

const q = (amount: string, asset: string) => ({ asset, amount: dec(amount) });
const show = (r: ReturnType<typeof tradeLegs>) =>
  typeof r === 'string' ? r : `${r.sent.amount.toFixed()} ${r.sent.asset} -> ${r.received.amount.toFixed()} ${r.received.asset}`;

describe('uphold tradeLegs: balance moves by exactly -origin / +destination', () => {
  it('fee in the origin currency comes out of what was sent', () => {
    // 0.00714216 - 0.0000021 = 0.00714006 BTC sent; + 0.0000021 BTC fee = 0.00714216 BTC out.
    expect(show(tradeLegs(q('0.00714216', 'BTC'), q('314.642101', 'XRP'), q('0.0000021', 'BTC')))).toBe('0.00714006 BTC -> 314.642101 XRP');
  });

  it('fee in the destination currency is added back to what was received (rotki)', () => {
    // 24.65 GBP arrived after a 0.35 GBP fee: received 25 GBP, fee 0.35 GBP, net +24.65 GBP.
    expect(show(tradeLegs(q('0.00421', 'BTC'), q('24.65', 'GBP'), q('0.35', 'GBP')))).toBe('0.00421 BTC -> 25 GBP');
  });

  it('one currency: sent net of the fee, received gross of it', () => {
    expect(show(tradeLegs(q('1.0021', 'ETH'), q('1', 'ETH'), q('0.0021', 'ETH')))).toBe('1 ETH -> 1.0021 ETH');
  });

  it('a fee larger than the origin amount is inconsistent', () => {
    expect(show(tradeLegs(q('0.001', 'BTC'), q('1', 'XRP'), q('0.002', 'BTC')))).toMatch(/exceeds the origin amount/);
  });
});

describe('uphold dates (Date.toString style)', () => {
  it('reads the offset written in the cell, whatever the zone', () => {
    expect(new Date(parseInstant('Tue May 26 2020 18:06:28 GMT+0000', { zone: 'Asia/Tokyo' }) ?? NaN).toISOString()).toBe('2020-05-26T18:06:28.000Z');
    expect(new Date(parseInstant('Mon Jan 04 2021 09:15:00 GMT+0100') ?? NaN).toISOString()).toBe('2021-01-04T08:15:00.000Z');
    expect(new Date(parseInstant('Mon Jan 04 2021 09:15:00 GMT+0100 (Central European Standard Time)') ?? NaN).toISOString()).toBe('2021-01-04T08:15:00.000Z');
  });
});
