/**
 * What a `rows` override makes of the event its row became (README "Overrides file"): the same
 * units, wallet, instant and source, with the meaning the user states. An incoming row (deposit,
 * income, acquisition) can become income, a gift received, a not-taxable arrival, a transfer from
 * another wallet, or a lot of stated basis; an outgoing one (withdrawal, removal, spend) a gift
 * given, a donation, a loss, a spend, a not-taxable departure or a transfer to another wallet. A
 * meaning that contradicts the row (a gift received on a withdrawal) is refused. Pure.
 */
import { isFiat } from '../model/asset.js';
import { compact, ZERO, type Dec } from '../model/decimal.js';
import type { DepositEvent, LedgerEvent, Quantity, StatedBasis } from '../model/ledger-event.js';
import { formatQuantity } from '../model/format-event.js';
import { toLocalDate } from '../model/local-date.js';
import { omitFields, withFields } from '../model/copy-fields.js';
import type { RowOverride } from './overrides.js';

type Incoming = Extract<LedgerEvent, { kind: 'deposit' | 'income' | 'acquisition' }>;
type Outgoing = Extract<LedgerEvent, { kind: 'withdrawal' | 'removal' | 'spend' }>;

const isIncoming = (e: LedgerEvent): e is Incoming => e.kind === 'deposit' || e.kind === 'income' || e.kind === 'acquisition';
const isOutgoing = (e: LedgerEvent): e is Outgoing => e.kind === 'withdrawal' || e.kind === 'removal' || e.kind === 'spend';

/** A short description of an event's meaning, for the list of applied overrides. */
export function describeMeaning(e: LedgerEvent): string {
  switch (e.kind) {
    case 'deposit':
      return e.stated
        ? `${e.stated.origin === 'gift' ? 'gift received' : e.stated.origin === 'not-taxable' ? 'not-taxable arrival' : 'deposit'} of ${formatQuantity(e.received)}, basis ${e.stated.basis.toFixed()} acquired ${e.stated.acquiredDate}`
        : `deposit of ${formatQuantity(e.received)}`;
    case 'withdrawal':
      return `withdrawal of ${formatQuantity(e.sent)}`;
    case 'income':
      return `${e.incomeKind} income of ${formatQuantity(e.received)}`;
    case 'acquisition':
      return `${e.acquisitionKind} of ${formatQuantity(e.received)}`;
    case 'removal':
      return `${e.removalKind} of ${formatQuantity(e.sent)}`;
    case 'spend':
      return `spend (${e.spendKind}) of ${formatQuantity(e.sent)}`;
    case 'transfer':
      return `transfer of ${formatQuantity(e.sent)} from ${e.wallet} to ${e.toWallet}`;
    case 'trade':
      return `trade of ${formatQuantity(e.sent)} for ${formatQuantity(e.received)}`;
    default:
      return `${e.kind} row`;
  }
}

/** The event with the override's meaning and value, or why the override does not fit it. */
export function relabel(e: LedgerEvent, o: RowOverride, currency: string, timezone: string): LedgerEvent | string {
  const stated = o.value ?? (o.price ? compact(o.price.times(quantityOf(e))) : undefined);
  const valued = (q: Quantity): Quantity => (stated ? { ...q, value: { amount: stated, currency, byOverride: true } } : q);
  const base = omitFields(e, ['kind'] as never[]) as Record<string, unknown>;
  const date = toLocalDate(e.instant, timezone);
  const statedBasis = (basis: Dec, acquiredDate: string, origin: StatedBasis['origin']): StatedBasis => ({
    basis,
    acquiredDate,
    acquiredInstant: acquiredDate === date ? e.instant : Date.parse(`${acquiredDate}T00:00:00Z`),
    origin,
  });
  if (o.as === undefined) {
    // value and/or basis on the row as it is
    if (o.basis && o.acquired) {
      if (e.kind !== 'deposit') return `"basis" and "acquired" are read on a deposit; the row is a ${describeMeaning(e)}`;
      return withFields(e, { received: valued(e.received), stated: statedBasis(o.basis, o.acquired, 'deposit') });
    }
    if (isIncoming(e)) return withFields(e, { received: valued(e.received) }) as LedgerEvent;
    if (isOutgoing(e)) return withFields(e, { sent: valued(e.sent) }) as LedgerEvent;
    if (e.kind === 'trade') {
      if (isFiat(e.sent.asset) || isFiat(e.received.asset)) {
        return `the row is a ${describeMeaning(e)}: its fiat leg is its value; "value" is for rows the export gives no value`;
      }
      return withFields(e, { received: valued(e.received) });
    }
    return `"value" is not read on a ${describeMeaning(e)}`;
  }
  const incomingMeaning = o.as === 'income' || o.as === 'gift-received';
  const outgoingMeaning = o.as === 'gift-given' || o.as === 'donation' || o.as === 'lost' || o.as === 'spend';
  if (isIncoming(e)) {
    if (outgoingMeaning) return `"as": "${o.as}" says units left, but the row is a ${describeMeaning(e)} (units arrived)`;
    const received = valued(e.received);
    const rest = omitFields(base as unknown as DepositEvent, ['received', 'stated', 'incomeKind', 'acquisitionKind'] as never[]) as object;
    switch (o.as) {
      case 'income':
        return { ...rest, kind: 'income', incomeKind: o.kind ?? 'other', received } as LedgerEvent;
      case 'gift-received':
        return { ...rest, kind: 'deposit', received, stated: statedBasis(o.basis as Dec, o.acquired as string, 'gift') } as LedgerEvent;
      case 'not-taxable':
        return { ...rest, kind: 'deposit', received, stated: statedBasis(ZERO, date, 'not-taxable') } as LedgerEvent;
      case 'transfer':
        if (o.wallet === e.wallet) return `"wallet" "${o.wallet}" is the row's own wallet: name the other wallet the units came from`;
        return { ...rest, kind: 'transfer', wallet: o.wallet as string, toWallet: e.wallet, sent: received, received, matchedBy: 'stated' } as LedgerEvent;
    }
  }
  if (isOutgoing(e)) {
    if (incomingMeaning) return `"as": "${o.as}" says units arrived, but the row is a ${describeMeaning(e)} (units left)`;
    const sent = valued(e.sent);
    const rest = omitFields(base as unknown as DepositEvent, ['sent', 'removalKind', 'spendKind'] as never[]) as object;
    switch (o.as) {
      case 'gift-given':
        return { ...rest, kind: 'removal', removalKind: 'gift', sent } as LedgerEvent;
      case 'donation':
      case 'lost':
        return { ...rest, kind: 'removal', removalKind: o.as, sent } as LedgerEvent;
      case 'not-taxable':
        return { ...rest, kind: 'removal', removalKind: 'not-taxable', sent } as LedgerEvent;
      case 'spend':
        return { ...rest, kind: 'spend', spendKind: 'payment', sent } as LedgerEvent;
      case 'transfer':
        if (o.wallet === e.wallet) return `"wallet" "${o.wallet}" is the row's own wallet: name the other wallet the units went to`;
        return { ...rest, kind: 'transfer', toWallet: o.wallet as string, sent, received: sent, matchedBy: 'stated' } as LedgerEvent;
    }
  }
  return `the row is a ${describeMeaning(e)}, which "as" cannot relabel (only deposits, withdrawals, income, gifts, spends and losses can be)`;
}

/** The units a row moved: what a `price` multiplies (a trade: the units received). */
function quantityOf(e: LedgerEvent): Dec {
  if ('received' in e) return e.received.amount;
  if ('sent' in e) return e.sent.amount;
  return ZERO;
}
