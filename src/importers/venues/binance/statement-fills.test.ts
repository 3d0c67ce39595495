import { describe, expect, it } from 'vitest';
import { Dec } from '../../../model/decimal.js';
import type { EventDraft } from '../../importer-spec.js';
import { splitFills } from './statement-fills.js';
import type { StatementRow } from './statement-groups.js';

const row = (operation: string, coin: string, change: string): StatementRow => ({ time: 0, account: 'Spot', operation, coin, change: new Dec(change) });
const isFee = (r: StatementRow): boolean => /fee/i.test(r.operation);
const show = (out: ReturnType<typeof splitFills>): string[] | string => {
  if (out === undefined) return 'not split';
  if (!Array.isArray(out)) return `problem: ${out.message}`;
  return out.map((e: EventDraft) =>
    e.kind === 'trade' ? `${e.sent.amount.toFixed()} ${e.sent.asset} → ${e.received.amount.toFixed()} ${e.received.asset}${e.fee ? ` fee ${e.fee.amount.toFixed()} ${e.fee.asset}` : ''}` : e.kind,
  );
};

describe('splitting one second of Binance statement rows into fills', () => {
  it('one market, fees in two coins: the largest fill with the largest (rotki binance_history.csv, 2020-11-03 21:12:59)', () => {
    const rows = [
      row('Buy', 'EUR', '-333.209174'), row('Fee', 'BNB', '-9.009E-05'), row('Buy', 'ETH', '0.0148'),
      row('Fee', 'ETH', '-8.345E-05'), row('Buy', 'EUR', '-59.089888'), row('Buy', 'ETH', '0.08345'),
    ];
    // rotki's expected events: 333.209174 EUR → 0.08345 ETH, fee 0.00008345 ETH; 59.089888 EUR → 0.0148 ETH, fee 0.00009009 BNB
    expect(show(splitFills(rows, isFee, 0))).toEqual(['333.209174 EUR → 0.08345 ETH fee 0.00008345 ETH', '59.089888 EUR → 0.0148 ETH fee 0.00009009 BNB']);
  });

  it('two markets against one coin: fills paired so each market has one price (rotki, 2025-10-29 18:36:00)', () => {
    const rows = [
      row('Transaction Spend', 'EUR', '-6.64663860'), row('Transaction Buy', 'ETH', '0.00150000'), row('Transaction Spend', 'EUR', '-5.03829000'),
      row('Transaction Fee', 'BNB', '-0.00000404'), row('Transaction Buy', 'BTC', '0.00007000'), row('Transaction Fee', 'BNB', '-0.00000526'),
      row('Transaction Buy', 'ETH', '0.00150000'), row('Transaction Fee', 'BNB', '-0.00000404'), row('Transaction Spend', 'EUR', '-5.03209500'),
    ];
    // ETH fills: 5.03829/0.0015 = 3358.86 and 5.032095/0.0015 = 3354.73 EUR/ETH (0.12 % apart); giving
    // ETH the 6.6466386 EUR row instead would put its two fills at 4431 and 3355 (32 % apart).
    // Fees rank with the EUR paid: 0.00000526 BNB (largest) with the 6.6466386 EUR fill.
    const out = splitFills(rows, isFee, 0);
    expect(show(out)).toEqual([
      '6.6466386 EUR → 0.00007 BTC fee 0.00000526 BNB',
      '5.03829 EUR → 0.0015 ETH fee 0.00000404 BNB',
      '5.032095 EUR → 0.0015 ETH fee 0.00000404 BNB',
    ]);
    // the split keeps the second's totals: 16.7170236 EUR out, 0.003 ETH + 0.00007 BTC in, 0.00001334 BNB fees
    const trades = Array.isArray(out) ? out : [];
    const total = (pick: (e: EventDraft) => Dec | undefined): string => trades.reduce((s, e) => s.plus(pick(e) ?? 0), new Dec(0)).toFixed();
    expect(total((e) => (e.kind === 'trade' ? e.sent.amount : undefined))).toBe('16.7170236');
    expect(total((e) => (e.kind === 'trade' ? e.fee?.amount : undefined))).toBe('0.00001334');
  });

  it('refuses two markets with one fill each: no price tells them apart', () => {
    const rows = [row('Buy', 'DOT', '2'), row('Buy', 'USDT', '-40'), row('Buy', 'LINK', '1'), row('Buy', 'USDT', '-30')];
    expect(show(splitFills(rows, isFee, 0))).toEqual('problem: several markets traded in one second and their fills cannot be told apart by price (2 DOT, -40 USDT, 1 LINK, -30 USDT)');
  });

  it('leaves one market with fees in one coin to the plain sum, and sums an uneven one with the other fee coin apart', () => {
    expect(splitFills([row('Buy', 'ADA', '10'), row('Buy', 'USDT', '-13.5'), row('Fee', 'BNB', '-0.000021')], isFee, 0)).toBeUndefined();
    const uneven = [row('Transaction Buy', 'SOL', '1'), row('Transaction Buy', 'SOL', '0.5'), row('Transaction Spend', 'USDT', '-150'), row('Transaction Fee', 'SOL', '-0.001'), row('Transaction Fee', 'BNB', '-0.0002')];
    // 1.5 SOL for 150 USDT; the SOL fee (a coin of the trade) stays with the trade, the BNB fee is a fee of its own
    expect(show(splitFills(uneven, isFee, 0))).toEqual(['150 USDT → 1.5 SOL fee 0.001 SOL', 'fee']);
  });
});
