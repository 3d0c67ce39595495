import { describe, expect, it } from 'vitest';
import { Dec } from '../../../model/decimal.js';
import type { EventDraft, RowOutcome } from '../../importer-spec.js';
import { money } from './cells.js';
import { mapCoinbaseGroup, mapCoinbaseRow } from './transactions-map.js';
import type { CoinbaseTxRow } from './tx-row.js';

const row = (over: Omit<Partial<CoinbaseTxRow>, 'quantity'> & { quantity: string }): CoinbaseTxRow => ({
  instant: Date.UTC(2024, 0, 1),
  type: 'Buy',
  asset: 'BTC',
  currency: 'USD',
  notes: '',
  ...over,
  quantity: new Dec(over.quantity),
});
const d = (s: string): Dec => new Dec(s);

function only(outcome: RowOutcome): EventDraft {
  if (outcome.kind !== 'events' || outcome.events.length !== 1) throw new Error(`expected one event, got ${JSON.stringify(outcome)}`);
  return outcome.events[0] as EventDraft;
}

describe('Coinbase transaction rows', () => {
  it('Advanced Trade Sell against USDC: gross quote leg = base × rate, fee = gross − stated amount', () => {
    const e = only(
      mapCoinbaseRow(
        row({
          type: 'Advanced Trade Sell',
          quantity: '-0.02',
          subtotal: d('1900'),
          fees: d('2.375'),
          notes: 'Sold 0.02 BTC for 1897.625 USDC on BTC-USDC at 95000 USDC/BTC',
        }),
      ),
    );
    if (e.kind !== 'trade') throw new Error(e.kind);
    expect([e.sent.asset, e.sent.amount.toFixed()]).toEqual(['BTC', '0.02']);
    expect([e.received.asset, e.received.amount.toFixed(), e.received.value?.amount.toFixed()]).toEqual(['USDC', '1900', '1900']);
    // wallet nets +1897.625 USDC = 1900 − 2.375
    expect([e.fee?.asset, e.fee?.amount.toFixed()]).toEqual(['USDC', '2.375']);
  });

  it('fiat Withdrawal: quantity is gross, so sent = qty − fee; Deposit: quantity is net, received = qty + fee', () => {
    const w = only(mapCoinbaseRow(row({ type: 'Withdrawal', asset: 'EUR', currency: 'EUR', quantity: '-100', fees: d('0.15') })));
    if (w.kind !== 'withdrawal') throw new Error(w.kind);
    expect([w.sent.amount.toFixed(), w.fee?.amount.toFixed()]).toEqual(['99.85', '0.15']);
    const dep = only(mapCoinbaseRow(row({ type: 'Deposit', asset: 'EUR', currency: 'EUR', quantity: '50', fees: d('1') })));
    if (dep.kind !== 'deposit') throw new Error(dep.kind);
    expect([dep.received.amount.toFixed(), dep.fee?.amount.toFixed()]).toEqual(['51', '1']);
  });

  it('split Convert with both quantities positive: Notes decide which side was sent', () => {
    const notes = 'Converted 100 USDC to 0.778610688 SOL';
    const e = only(
      mapCoinbaseGroup([
        row({ id: 'x', type: 'Convert', asset: 'SOL', quantity: '0.778610688', price: d('125'), notes }),
        row({ id: 'x', type: 'Convert', asset: 'USDC', quantity: '100', price: d('1'), notes }),
      ]),
    );
    if (e.kind !== 'trade') throw new Error(e.kind);
    expect([e.sent.asset, e.sent.amount.toFixed(), e.sent.value?.amount.toFixed()]).toEqual(['USDC', '100', '100']);
    expect([e.received.asset, e.received.value?.amount.toFixed()]).toEqual(['SOL', '97.326336']);
  });

  it('two self-contained Converts at the same second stay two trades', () => {
    const out = mapCoinbaseGroup([
      row({ type: 'Convert', asset: 'ETH', quantity: '-1', notes: 'Converted 1 ETH to 0.05 BTC' }),
      row({ type: 'Convert', asset: 'SOL', quantity: '-2', notes: 'Converted 2 SOL to 300 USDC' }),
    ]);
    expect(out.kind === 'events' ? out.events.map((e) => e.kind) : out).toEqual(['trade', 'trade']);
  });

  it('two fills sharing an ID are two trades; the same row valued in EUR and USD is one', () => {
    const fills = mapCoinbaseGroup([
      row({ id: 'o', type: 'Advanced Trade Buy', quantity: '0.1', subtotal: d('9000'), notes: 'Bought 0.1 BTC for 9000 USD' }),
      row({ id: 'o', type: 'Advanced Trade Buy', quantity: '0.2', subtotal: d('18000'), notes: 'Bought 0.2 BTC for 18000 USD' }),
    ]);
    expect(fills.kind === 'events' ? fills.events.length : fills).toBe(2);
    const dup = mapCoinbaseGroup([
      row({ id: 'r', type: 'Staking Income', asset: 'ETH', quantity: '0.01', currency: 'EUR', subtotal: d('30') }),
      row({ id: 'r', type: 'Staking Income', asset: 'ETH', quantity: '0.01', currency: 'USD', subtotal: d('32') }),
    ]);
    const e = only(dup);
    expect(e.kind === 'income' ? `${e.received.value?.amount.toFixed()} ${e.received.value?.currency}` : e.kind).toBe('30 EUR');
  });

  it('a futures-like type is rejected as unsupported, never read as spot', () => {
    expect(mapCoinbaseRow(row({ type: 'Futures Realized PnL', quantity: '10' })).kind).toBe('reject');
  });
});

describe('money cells', () => {
  const ctx = { header: 'Subtotal', numberStyle: {}, zone: 'UTC' };
  it.each([
    ['-€597.49846', '-597.49846'],
    ['$1.00', '1'],
    ['-$1.81992152988', '-1.81992152988'],
    ['CA$1,234.50', '1234.5'],
    ['£0.00', '0'],
    ['12.5', '12.5'],
  ])('%s → %s', (cell, expected) => {
    const r = money('Subtotal').parse(cell, ctx);
    expect(r.ok ? r.value.toFixed() : r.problem.message).toBe(expected);
  });
  it('reports text that is not an amount', () => {
    expect(money('Subtotal').parse('$abc', ctx).ok).toBe(false);
  });
});
