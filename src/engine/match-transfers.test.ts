/**
 * `TransferPairing.release` (match-transfers.ts): letting go of one side of a pair once its
 * outcome was taken leaves every other outcome as it was.
 */
import { describe, expect, it } from 'vitest';
import { ledger } from '../../test/support/ledger.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import { pairTransfers } from './match-transfers.js';

const kinds = (events: LedgerEvent[]): string => events.map((e) => e.kind).join(',');

describe('pairTransfers: release', () => {
  // Two pairs by hash: abc (withdrawal first) and def (deposit first, a day before its
  // withdrawal), and a withdrawal of SOL with no deposit.
  const events = ledger`
    2023-03-02 b deposit 2 ETH tx def
    2023-03-03 a withdraw 1 BTC tx abc
    2023-03-03 b deposit 1 BTC tx abc
    2023-03-03 a withdraw 2 ETH tx def
    2023-03-04 a withdraw 5 SOL
  `;
  const before = (): string[] => {
    const p = pairTransfers(events);
    return events.map((e) => kinds(p.outcome(e)));
  };
  it('pairs them (deposits become nothing, withdrawals transfers, SOL stays a withdrawal)', () => {
    expect(before()).toEqual(['', 'transfer', '', 'transfer', 'withdrawal']);
  });
  it('gives the same outcomes when each event is released once its outcome is taken, in time order', () => {
    const p = pairTransfers(events);
    const got = events.map((e) => {
      const out = kinds(p.outcome(e));
      p.release(e);
      return out;
    });
    expect(got).toEqual(before());
  });
  it('a released withdrawal leaves its deposit paired (it still comes to nothing)', () => {
    const p = pairTransfers(events);
    p.release(events[1] as LedgerEvent);
    expect(kinds(p.outcome(events[2] as LedgerEvent))).toBe('');
  });
});
