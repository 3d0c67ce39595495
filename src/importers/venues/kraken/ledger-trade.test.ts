import { describe, expect, it } from 'vitest';
import { dec } from '../../../model/decimal.js';
import type { TradeEvent } from '../../../model/ledger-event.js';
import type { EventDraft } from '../../importer-spec.js';
import { mapTradeLegs, type TradeLeg } from './ledger-trade.js';

const leg = (asset: string, amount: string, fee = '0', extra: Partial<TradeLeg> = {}): TradeLeg => ({
  instant: 1_700_000_000_000, asset, amount: dec(amount), feeAsset: asset, fee: dec(fee), ...extra,
});

function eventsOf(legs: TradeLeg[]): EventDraft[] {
  const outcome = mapTradeLegs('T1', legs);
  if (outcome.kind !== 'events') throw new Error(`expected events, got ${JSON.stringify(outcome)}`);
  return [...outcome.events];
}

describe('mapTradeLegs', () => {
  it('spend −1000 USD fee 2.6 + receive 0.02 BTC → sent 1000 USD, received 0.02 BTC, fee 2.6 USD', () => {
    const [t] = eventsOf([leg('USD', '-1000', '2.6'), leg('BTC', '0.02')]) as TradeEvent[];
    expect([t?.sent.amount.toFixed(), t?.sent.asset, t?.received.amount.toFixed(), t?.received.asset]).toEqual(['1000', 'USD', '0.02', 'BTC']);
    expect([t?.fee?.amount.toFixed(), t?.fee?.asset]).toEqual(['2.6', 'USD']);
  });

  it('sums partial fills of one refid per asset (amounts and fees)', () => {
    const [t] = eventsOf([leg('EUR', '-400', '0.64'), leg('BTC', '0.004'), leg('EUR', '-100.5', '0.1608'), leg('BTC', '0.001005')]) as TradeEvent[];
    expect(t?.sent.amount.toFixed()).toBe('500.5');
    expect(t?.received.amount.toFixed()).toBe('0.005005');
    expect(t?.fee?.amount.toFixed()).toBe('0.8008');
  });

  it('keeps USD values only when every row of the asset states one', () => {
    const [t] = eventsOf([
      leg('EUR', '-100', '0', { amountUsd: dec('-108.2') }),
      leg('BTC', '0.001', '0', { amountUsd: dec('108.2') }),
      leg('BTC', '0.001'),
    ]) as TradeEvent[];
    expect(t?.sent.value?.amount.toFixed()).toBe('108.2');
    expect(t?.received.value).toBeUndefined();
    expect(t?.received.amount.toFixed()).toBe('0.002');
  });

  it('a fee-only row in another asset (KFEE) becomes a separate fee event when the trade has its own fee', () => {
    const evs = eventsOf([leg('USD', '-50', '0.13'), leg('ETH', '0.02'), leg('KFEE', '0', '12.5')]);
    expect(evs.map((e) => e.kind)).toEqual(['trade', 'fee']);
    const fee = evs[1];
    expect(fee?.kind === 'fee' ? [fee.fee.amount.toFixed(), fee.fee.asset] : []).toEqual(['12.5', 'KFEE']);
  });

  it('rejects a group with only one side', () => {
    expect(mapTradeLegs('T1', [leg('BTC', '0.5')]).kind).toBe('reject');
    expect(mapTradeLegs('T1', [leg('BTC', '0.5'), leg('ETH', '1'), leg('USD', '-10')]).kind).toBe('reject');
  });
  it('puts the fee in the sent asset on the trade before one in the received asset or any other; the others become fee events', () => {
    const evs = eventsOf([
      leg('KFEE', '0', '1', { instant: 1_700_000_000_500 }),
      leg('USD', '-50', '0.1', { instant: 1_700_000_000_200 }),
      leg('ETH', '0.02', '0.001', { instant: 1_700_000_000_900 }),
    ]);
    expect(evs.map((e) => [e.kind, e.instant, e.fee?.asset, e.fee?.amount.toFixed(), e.note])).toEqual([
      ['trade', 1_700_000_000_200, 'USD', '0.1', undefined],
      ['fee', 1_700_000_000_200, 'ETH', '0.001', 'trade fee of T1'],
      ['fee', 1_700_000_000_200, 'KFEE', '1', 'trade fee of T1'],
    ]);
  });

  it('names every asset total in the order first seen when the sides do not add up', () => {
    const r = mapTradeLegs('T9', [leg('BTC', '0.5'), leg('ETH', '1'), leg('BTC', '-0.5'), leg('USD', '-10'), leg('SOL', '2')]);
    expect(r).toEqual({ kind: 'reject', code: 'ROW_INCONSISTENT', message: 'trade T9 needs one asset going out and one coming in; its rows give 0 BTC, 1 ETH, -10 USD, 2 SOL' });
    expect(mapTradeLegs('T2', [leg('USD', '-1', '-0.5')])).toEqual({ kind: 'reject', code: 'ROW_INCONSISTENT', message: 'negative fee -0.5 USD in trade T2' });
  });
});
