/**
 * Gemini, the OKEx legacy statement and Bybit Closed P&L read their dates through the shared
 * per-file date order (src/importers/date-order.ts): a day-first file is read day-first as a
 * whole, whatever order its first rows could also be read in; `--date-order` decides when given;
 * a file whose dates fit two orders gets DATE_ORDER_ASSUMED. Hand-worked instants (UTC+8 for OKEx).
 */
import { describe, expect, it } from 'vitest';
import { toReportOptions } from '../src/cli/options.js';
import { computeReport } from '../src/pipeline/compute-report.js';
import { cliArgs } from './support/report-scenario.js';

function read(file: string, text: string, args: Record<string, unknown> = {}) {
  const { options } = toReportOptions(cliArgs(args));
  const data = computeReport([{ file, text }], options);
  return { data, instants: data.priced.map((p) => new Date(p.event.instant).toISOString()), codes: data.diagnostics.map((d) => d.code) };
}

const OKEX = 'time,type,size,balance,fee,currency\n';
const okexFill = (time: string) => `${time},buy,0.1,0.1,0,BTC\n${time},sell,-400,100,0,USDT\n`;

describe('OKEx legacy statement: dates through the file-wide order', () => {
  it('03/01/2019 then 13/01/2019: the second can only be day-first, so both are (3 and 13 January)', () => {
    const r = read('okex.csv', OKEX + okexFill('03/01/2019 10:00:00 CST') + okexFill('13/01/2019 10:00:00 CST'));
    // 10:00 in UTC+8 is 02:00 UTC
    expect(r.instants).toEqual(['2019-01-03T02:00:00.000Z', '2019-01-13T02:00:00.000Z']);
    expect(r.codes).not.toContain('ROW_BAD_DATE');
  });

  it('--date-order mdy: 03/01/2019 is March 1', () => {
    const r = read('okex.csv', OKEX + okexFill('03/01/2019 10:00:00 CST'), { 'date-order': 'mdy' });
    expect(r.instants).toEqual(['2019-03-01T02:00:00.000Z']);
  });
});

describe('Bybit Closed P&L: dates through the file-wide order', () => {
  const HEADER = 'Market,Order Quantity,Entry Price,Exit Price,Opening Fee,Closing Fee,Funding Fee,cumClosedPzOpenFeeInfo,cumClosedPzTradeFeeInfo,Trade Type,Realized P&L,Trade time\n';
  const row = (time: string) => `AAAUSDT,3.0000,100,110,0,0,0,"{""USDT"":""0""}","{""USDT"":""0""}",Trade,30,${time}\n`;

  it('keeps Bybit\'s own "09:00 2026-01-12" and reads 05/01/2026 and 25/01/2026 day-first as a file', () => {
    const r = read('closed.csv', HEADER + row('09:00 2026-01-12') + row('05/01/2026 16:20') + row('25/01/2026 16:20'));
    expect([...new Set(r.instants)].sort()).toEqual(['2026-01-05T16:20:00.000Z', '2026-01-12T09:00:00.000Z', '2026-01-25T16:20:00.000Z']);
  });
});

describe('Gemini transaction history: the Date column through the file-wide order', () => {
  const cols = ['Date', 'Time (UTC)', 'Type', 'Symbol', 'Specification', 'Liquidity Indicator', 'Trading Fee Rate (bps)', 'USD Amount USD', 'Fee (USD) USD', 'USD Balance USD', 'BTC Amount BTC', 'Fee (BTC) BTC', 'BTC Balance BTC', 'Trade ID', 'Order ID', 'Tx Hash'];
  const deposit = (date: string) => `${date},19:41:00.164,Credit,BTC,Deposit (BTC),,,,,,0.5 BTC ,0.0 BTC ,0.5 BTC ,,,\n`;

  it('16/02/2018 rules month-first out: 05/02/2018 is 5 February, with the time of day added', () => {
    const r = read('gemini.csv', `${cols.join(',')}\n${deposit('05/02/2018')}${deposit('16/02/2018')}`);
    expect(r.instants).toEqual(['2018-02-05T19:41:00.164Z', '2018-02-16T19:41:00.164Z']);
  });

  it('ISO dates as before; only dates that fit two orders: DATE_ORDER_ASSUMED', () => {
    expect(read('gemini.csv', `${cols.join(',')}\n${deposit('2018-02-16')}`).instants).toEqual(['2018-02-16T19:41:00.164Z']);
    expect(read('gemini.csv', `${cols.join(',')}\n${deposit('05/02/2018')}`).codes).toContain('DATE_ORDER_ASSUMED');
  });
});
