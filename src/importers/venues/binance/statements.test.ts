import { describe, expect, it } from 'vitest';
import { Dec } from '../../../model/decimal.js';
import type { LedgerEvent } from '../../../model/ledger-event.js';
import { importFile } from '../../import-file.js';
import { collectLegs, isProblem, tradeFromLegs, type StatementRow } from './statement-groups.js';
import { BINANCE_IMPORTERS } from './index.js';

const row = (operation: string, coin: string, change: string, remark?: string): StatementRow => ({
  time: Date.UTC(2021, 0, 1),
  account: 'Spot',
  operation,
  coin,
  change: new Dec(change),
  remark,
});
const isFee = (r: StatementRow): boolean => r.operation === 'Fee' || r.operation === 'Transaction Fee';

function trades(csv: string): readonly LedgerEvent[] {
  const result = importFile('t.csv', csv, { importers: BINANCE_IMPORTERS });
  expect(result.format).toBe('binance-statements');
  return result.events;
}

describe('statement legs → trade', () => {
  it('adds up fills of one market in one second; the fee stays apart', () => {
    const legs = collectLegs(
      [row('Buy', 'ADA', '10'), row('Buy', 'USDT', '-13.5'), row('Fee', 'BNB', '-0.000021'), row('Buy', 'ADA', '5.5'), row('Buy', 'USDT', '-7.425'), row('Fee', 'BNB', '-0.0000115')],
      isFee,
    );
    if (isProblem(legs)) throw new Error(legs.message);
    const trade = tradeFromLegs(legs, 0, 'trade');
    if (isProblem(trade) || trade.kind !== 'trade') throw new Error('expected a trade');
    // 13.5 + 7.425 = 20.925 USDT sent; 10 + 5.5 = 15.5 ADA received; 0.000021 + 0.0000115 BNB fee
    expect([trade.sent.amount.toFixed(), trade.sent.asset]).toEqual(['20.925', 'USDT']);
    expect([trade.received.amount.toFixed(), trade.received.asset]).toEqual(['15.5', 'ADA']);
    expect([trade.fee?.amount.toFixed(), trade.fee?.asset]).toEqual(['0.0000325', 'BNB']);
  });

  it('reads the fee in the received asset as an extra outflow (old Buy/Buy/Fee layout, scientific notation)', () => {
    const legs = collectLegs([row('Fee', 'ETH', '-3.605E-05'), row('Buy', 'EUR', '-134.4719075'), row('Buy', 'ETH', '0.03605')], isFee);
    if (isProblem(legs)) throw new Error(legs.message);
    const trade = tradeFromLegs(legs, 0, 'trade');
    if (isProblem(trade) || trade.kind !== 'trade') throw new Error('expected a trade');
    expect(trade.received.amount.toFixed()).toBe('0.03605');
    expect(trade.fee?.amount.toFixed()).toBe('0.00003605'); // wallet nets +0.03601395 ETH
  });

  it('refuses two markets in one second, one-sided groups and positive fees', () => {
    const two = collectLegs([row('Buy', 'DOT', '2'), row('Buy', 'USDT', '-40'), row('Buy', 'LINK', '1'), row('Buy', 'USDT', '-30')], isFee);
    if (isProblem(two)) throw new Error(two.message);
    expect(isProblem(tradeFromLegs(two, 0, 'trade'))).toBe(true);
    const half = collectLegs([row('Transaction Related', 'XMR', '-0.1')], isFee);
    if (isProblem(half)) throw new Error(half.message);
    expect(isProblem(tradeFromLegs(half, 0, 'trade'))).toBe(true);
    expect(isProblem(collectLegs([row('Fee', 'BNB', '0.1')], isFee))).toBe(true);
  });
});

describe('binance-statements grouping', () => {
  it('splits dust of several coins by Remark, and keeps seconds and accounts apart', () => {
    const events = trades(
      [
        'User ID,Time,Account,Operation,Coin,Change,Remark',
        '1,23-09-20 18:46:46,Spot,Small Assets Exchange BNB,ETH,-0.00005643,ETH to BNB',
        '1,23-09-20 18:46:46,Spot,Small Assets Exchange BNB,ADA,-1.2,ADA to BNB',
        '1,23-09-20 18:46:46,Spot,Small Assets Exchange BNB,BNB,0.00041767,ETH to BNB',
        '1,23-09-20 18:46:46,Spot,Small Assets Exchange BNB,BNB,0.00160221,ADA to BNB',
        '1,23-09-20 18:46:46,Spot,Simple Earn Flexible Interest,BNB,0.00000100,',
        '1,23-09-20 18:46:47,Spot,Transaction Buy,SOL,1.68,',
        '1,23-09-20 18:46:47,Spot,Transaction Spend,USDT,-159.264,',
        '1,23-09-20 18:46:47,Spot,Transaction Fee,BNB,-0.0003,',
      ].join('\n'),
    );
    const lines = events.map((e) =>
      e.kind === 'trade' ? `${e.sent.amount.toFixed()} ${e.sent.asset} > ${e.received.amount.toFixed()} ${e.received.asset} fee ${e.fee?.amount.toFixed() ?? '-'}` : e.kind,
    );
    expect(lines).toEqual([
      '0.00005643 ETH > 0.00041767 BNB fee -',
      '1.2 ADA > 0.00160221 BNB fee -',
      'income',
      '159.264 USDT > 1.68 SOL fee 0.0003',
    ]);
    expect(events[3]?.instant).toBe(Date.UTC(2023, 8, 20, 18, 46, 47));
  });

  it('pairs dust of several coins without remarks in file order (BittyTax, everytrade), and refuses counts that do not match', () => {
    const csv = (...rows: string[]): string => ['User_ID,UTC_Time,Account,Operation,Coin,Change,Remark', ...rows].join('\n');
    const paired = importFile(
      't.csv',
      csv(
        '1,2021-08-01 11:11:11,Spot,Small assets exchange BNB,SHIB,-120000,',
        '1,2021-08-01 11:11:11,Spot,Small assets exchange BNB,BNB,0.0031,',
        '1,2021-08-01 11:11:11,Spot,Small assets exchange BNB,TRX,-10,',
        '1,2021-08-01 11:11:11,Spot,Small assets exchange BNB,BNB,0.002,',
      ),
      { importers: BINANCE_IMPORTERS },
    );
    const legs = paired.events.map((e) => (e.kind === 'trade' ? `${e.sent.amount.toFixed()} ${e.sent.asset} → ${e.received.amount.toFixed()} ${e.received.asset}` : e.kind));
    expect(legs).toEqual(['120000 SHIB → 0.0031 BNB', '10 TRX → 0.002 BNB']);
    const uneven = importFile(
      't.csv',
      csv(
        '1,2021-08-01 11:11:11,Spot,Small assets exchange BNB,SHIB,-120000,',
        '1,2021-08-01 11:11:11,Spot,Small assets exchange BNB,TRX,-10,',
        '1,2021-08-01 11:11:11,Spot,Small assets exchange BNB,BNB,0.0051,',
      ),
      { importers: BINANCE_IMPORTERS },
    );
    expect(uneven.events).toEqual([]);
    expect(uneven.accounting.rejected).toBe(3);
  });
});
