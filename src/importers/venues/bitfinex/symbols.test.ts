import { describe, expect, it } from 'vitest';
import { importFile } from '../../import-file.js';
import { formatEvent } from '../../../model/format-event.js';
import { readPair } from './symbols.js';
import { bitfinexTrades } from './trades.js';

describe('bitfinex readPair', () => {
  it('splits the spellings Bitfinex uses and maps its own tickers', () => {
    expect(readPair('BTC/USD')).toEqual({ kind: 'spot', base: 'BTC', quote: 'USD' });
    expect(readPair('BTCUSD')).toEqual({ kind: 'spot', base: 'BTC', quote: 'USD' });
    expect(readPair('tETHUST')).toEqual({ kind: 'spot', base: 'ETH', quote: 'USDT' });
    expect(readPair('DUSK:USD')).toEqual({ kind: 'spot', base: 'DUSK', quote: 'USD' });
  });

  it('tells derivatives, funding and unreadable pairs apart', () => {
    expect(readPair('BTCF0:USTF0').kind).toBe('derivative');
    expect(readPair('fUSD').kind).toBe('funding');
    expect(readPair('ADAUSDT').kind).toBe('unreadable');
  });
});

describe('bitfinex trades', () => {
  const run = (row: string) =>
    importFile('t.csv', `#,PAIR,AMOUNT,PRICE,FEE,FEE CURRENCY,DATE,ORDER ID\n${row}`, { importers: [bitfinexTrades] }).events.map(formatEvent);

  it('a buy: quote = |AMOUNT| x PRICE sent, fee in base on top (the brief\'s example)', () => {
    // 0.028 x 974.39 = 27.28292 USD; the 0.000028 BTC fee is not taken out of the 0.028 received.
    expect(run('27988722,BTC/USD,0.028,974.39,-0.000028,BTC,26-03-17 17:35:52,2166553981')).toEqual([
      '2017-03-26T17:35:52Z  bitfinex  trade  sent 27.28292 USD  received 0.028 BTC  fee 0.000028 BTC  note "order 2166553981"  @ t.csv:2',
    ]);
  });

  it('a sell with the fee in the quote currency; two-digit dates are day first', () => {
    // 1.5 x 189.21 = 283.815 USD received; 05-02-20 = 5 February 2020.
    expect(run('1,ETHUSD,-1.5,189.21,-0.56763,USD,05-02-20 09:03:41,9')).toEqual([
      '2020-02-05T09:03:41Z  bitfinex  trade  sent 1.5 ETH  received 283.815 USD  fee 0.56763 USD  note "order 9"  @ t.csv:2',
    ]);
  });
});
