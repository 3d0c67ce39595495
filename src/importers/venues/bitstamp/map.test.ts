import { describe, expect, it } from 'vitest';
import { dec } from '../../../model/decimal.js';
import { bitstampAsset, mapBitstampRow, type BitstampRow } from './map.js';

const row = (r: Partial<BitstampRow>): BitstampRow => ({ instant: 0, type: 'Market', subtype: 'Buy', amount: { value: dec('0.5'), unit: 'ETH' }, ...r });

describe('bitstamp mapping', () => {
  it('ETH2 and ETH2R staking tokens are ETH', () => {
    expect(['ETH2R', 'eth2', 'ETH', 'BTC'].map(bitstampAsset)).toEqual(['ETH', 'ETH', 'ETH', 'BTC']);
  });

  it('Market Buy: sends the quote Value, receives the base Amount, fee apart', () => {
    const out = mapBitstampRow(row({ value: { value: dec('635.00'), unit: 'USD' }, fee: { value: dec('1.27'), unit: 'USD' } }));
    expect(out.kind).toBe('events');
    const t = out.kind === 'events' ? out.events[0] : undefined;
    expect(t?.kind === 'trade' ? [t.sent.amount.toFixed(), t.sent.asset, t.received.amount.toFixed(), t.received.asset, t.fee?.amount.toFixed()] : []).toEqual([
      '635', 'USD', '0.5', 'ETH', '1.27',
    ]);
  });

  it('rejects derivative types as unsupported and other unknown types as unknown', () => {
    expect(mapBitstampRow(row({ type: 'Perpetual futures' }))).toMatchObject({ kind: 'reject', code: 'ROW_UNSUPPORTED' });
    expect(mapBitstampRow(row({ type: 'Lending' }))).toMatchObject({ kind: 'reject', code: 'ROW_UNKNOWN_TYPE' });
  });

  it('a staking reward with a fiat Value carries it as the stated market value', () => {
    const out = mapBitstampRow(row({ type: 'Staking reward', subtype: '', amount: { value: dec('0.001'), unit: 'ETH2R' }, value: { value: dec('1.62'), unit: 'EUR' } }));
    const e = out.kind === 'events' ? out.events[0] : undefined;
    expect(e?.kind === 'income' ? [e.received.asset, e.received.value?.amount.toFixed(), e.received.value?.currency] : []).toEqual(['ETH', '1.62', 'EUR']);
  });
});
