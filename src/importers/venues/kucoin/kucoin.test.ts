import { describe, expect, it } from 'vitest';
import { dec } from '../../../model/decimal.js';
import { importFile } from '../../import-file.js';
import { splitSymbol } from './common.js';
import { KUCOIN_IMPORTERS } from './index.js';
import { withTax } from './tax.js';

describe('kucoin', () => {
  it('splits BASE-QUOTE symbols and refuses others', () => {
    expect(splitSymbol('dag-usdt')).toEqual({ base: 'DAG', quote: 'USDT' });
    expect(splitSymbol('BTCUSDT')).toBeUndefined();
  });
  it('folds Tax into the fee', () => {
    expect(withTax(dec('1.15'), dec('0.05')).fee?.toFixed()).toBe('1.2');
    expect(withTax(dec('1.15'), undefined)).toEqual({ fee: dec('1.15'), note: undefined });
  });
  it('credits an incoming ledger Amount gross, the fee leaving after', () => {
    const csv = 'UID,Account Type,Currency,Side,Amount,Fee,Time(UTC+08:00),Remark,Type\n1,mainAccount,XYZ,Deposit,10,0.5,2025-01-01 08:00:00,Distribution,Distribution\n';
    const [event] = importFile('a.csv', csv, { importers: KUCOIN_IMPORTERS }).events;
    expect(event?.kind === 'income' && [event.received.amount.toFixed(), event.fee?.amount.toFixed(), event.instant]).toEqual([
      '10', '0.5', Date.UTC(2025, 0, 1, 0),
    ]);
  });
  it('reads a bare Filled Time as UTC+8', () => {
    const csv =
      'UID,Account Type,Order ID,Symbol,Side,Order Type,Avg. Filled Price,Filled Amount,Filled Volume,Filled Volume (USDT),Filled Time,Fee,Tax,Maker/Taker,Fee Currency\n' +
      '1,tradingAccount,o1,BTC-USDT,BUY,LIMIT,40000,0.01,400,400,2024-01-01 07:00:00,0.4,,TAKER,USDT\n';
    const r = importFile('t.csv', csv, { importers: KUCOIN_IMPORTERS });
    expect([r.format, r.events[0]?.instant]).toEqual(['kucoin-filled-orders-split', Date.UTC(2023, 11, 31, 23)]);
  });
});
