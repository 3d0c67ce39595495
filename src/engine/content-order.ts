/**
 * How events at the same instant are ordered: by what the rows say, never by the names of the
 * files they came from (renaming an export must not change a gain). README "Same-instant events".
 *
 *  1. what the event does to holdings: events that only bring units in (purchases for fiat,
 *     income, deposits, loans) first, then those that move or exchange units (crypto-for-crypto
 *     trades, transfers, conversions, derivative rows), then those that only take units out
 *     (sales for fiat, withdrawals, gifts, spends, fees) — so a purchase and a sale booked in the
 *     same second never leave the sale without the lot;
 *  2. the event's content as text (`formatEventContent`: kind, amounts, assets, values, fee,
 *     transaction hash, note), compared by code unit;
 *  3. the wallet.
 * Events equal in all three do the same thing to the same wallet, so their order cannot change a
 * figure; the caller's last tie-breaker (source file and line) only makes the order total.
 */
import { isFiat } from '../model/asset.js';
import { formatEventContent } from '../model/format-event.js';
import type { LedgerEvent } from '../model/ledger-event.js';

const keys = new WeakMap<LedgerEvent, string>();

function contentKey(e: LedgerEvent): string {
  let key = keys.get(e);
  if (key === undefined) {
    key = formatEventContent(e);
    keys.set(e, key);
  }
  return key;
}

/** 0: brings units in; 1: moves or exchanges them; 2: takes them out. */
export function holdingsRank(e: LedgerEvent): number {
  switch (e.kind) {
    case 'income':
    case 'deposit':
    case 'acquisition':
      return 0;
    case 'trade':
      return isFiat(e.sent.asset) ? 0 : isFiat(e.received.asset) ? 2 : 1;
    case 'withdrawal':
    case 'removal':
    case 'spend':
    case 'fee':
      return 2;
    default:
      return 1; // transfers, conversions, derivative rows
  }
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Same-instant order by content (rank, content text, wallet); 0 when the events say the same. */
export function compareEventContent(a: LedgerEvent, b: LedgerEvent): number {
  if (a === b) return 0;
  return holdingsRank(a) - holdingsRank(b) || text(contentKey(a), contentKey(b)) || text(a.wallet, b.wallet);
}
