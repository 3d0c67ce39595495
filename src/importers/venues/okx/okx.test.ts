import { describe, expect, it } from 'vitest';
import { dec } from '../../../model/decimal.js';
import { importFile } from '../../import-file.js';
import { parseNumber } from '../../parse-number.js';
import { OKX_IMPORTERS } from './index.js';
import { okxSpotFill } from './trading-history.js';

const leg = (action: string, change: string, unit: string, fee: string, feeUnit: string) => ({
  orderId: '1', time: 0, tradeType: 'Spot', symbol: 'BTC-USDT', action, fee: dec(fee), feeUnit, change: dec(change), unit,
});

describe('okx spot fill', () => {
  it('adds a fee charged in the received asset back to the net Balance Change', () => {
    const fill = okxSpotFill([leg('Buy', '0.0016453', 'BTC', '-0.0000017', 'BTC'), leg('Sell', '-133.2682', 'USDT', '0', 'USDT')]);
    if (typeof fill === 'string') throw new Error(fill);
    expect([fill.received.amount.toFixed(), fill.sent.amount.toFixed(), fill.fee?.amount.toFixed()]).toEqual(['0.001647', '133.2682', '0.0000017']);
  });
  it('takes a fee charged in the sent asset out of the sent amount', () => {
    // −100.1 USDT left the wallet: 100 paid for the BTC and 0.1 fee.
    const fill = okxSpotFill([leg('Buy', '0.001', 'BTC', '0', 'BTC'), leg('Sell', '-100.1', 'USDT', '-0.1', 'USDT')]);
    if (typeof fill === 'string') throw new Error(fill);
    expect([fill.sent.amount.toFixed(), fill.fee?.asset, fill.fee?.amount.toFixed()]).toEqual(['100', 'USDT', '0.1']);
  });
  it('leaves a rebate inside the net amount', () => {
    const fill = okxSpotFill([leg('Buy', '0.0010002', 'BTC', '0.0000002', 'BTC'), leg('Sell', '-80', 'USDT', '0', 'USDT')]);
    if (typeof fill === 'string') throw new Error(fill);
    expect([fill.received.amount.toFixed(), fill.fee]).toEqual(['0.0010002', undefined]);
  });
  it('reads Java BigDecimal zero', () => {
    expect(parseNumber('0E-18')?.value.toFixed()).toBe('0');
  });
});

describe('okx funding withdrawal fee', () => {
  it('treats the fee as inside Amount when the balances say so', () => {
    const csv = 'id,Time,Type,Amount,Before Balance,After Balance,Fee,Symbol\n1,2025-01-01 08:00:00,Withdrawal,-0.1,0.3,0.2,0.0005,ETH\n';
    const [event] = importFile('f.csv', csv, { importers: OKX_IMPORTERS }).events;
    expect(event?.kind === 'withdrawal' && [event.sent.amount.toFixed(), event.fee?.amount.toFixed(), event.instant]).toEqual([
      '0.0995', '0.0005', Date.UTC(2025, 0, 1, 0),
    ]);
  });
});
