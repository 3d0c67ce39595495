/**
 * Resolving the market values the engine needs, each with its provenance.
 *
 * The chain for a trade's value (the market value of what was received, contract): the leg in the
 * report currency → the value the export states for the received side → for the sent side →
 * the price book for the received asset → for the sent asset. A fee's value: the report currency
 * → stated → proportional to the trade leg in the same asset → the price book. Income, spends and
 * fees need their own value. Only values the tax computation uses are required; a required value
 * no source knows is a `PRICE_MISSING` error naming the asset and date, and counts as zero.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isFiat, type AssetCode } from '../model/asset.js';
import { share, ZERO } from '../model/decimal.js';
import { assertNever, type LedgerEvent, type Quantity } from '../model/ledger-event.js';
import { toLocalDate, type LocalDate } from '../model/local-date.js';
import type { Money } from '../model/money.js';
import type { PriceBook } from './price-book.js';

export interface EventValues {
  /** Trade: value of what was received (gross). Income/acquisition: value of the units received. */
  readonly received?: Money;
  /** Spend/removal/withdrawal: value of the units sent. */
  readonly sent?: Money;
  readonly fee?: Money;
}

export interface PricedEvent {
  readonly event: LedgerEvent;
  readonly values: EventValues;
}

export interface MissingPrice {
  readonly asset: AssetCode;
  readonly date: LocalDate;
  readonly currency: AssetCode;
}

export interface PricingResult {
  readonly priced: PricedEvent[];
  readonly diagnostics: Diagnostic[];
  readonly missing: MissingPrice[];
}

export function priceEvents(events: readonly LedgerEvent[], book: PriceBook, timezone: string): PricingResult {
  const diagnostics: Diagnostic[] = [];
  const missing = new Map<string, MissingPrice>();
  const C = book.reportCurrency;

  const stated = (q: Quantity | undefined, instant: number): Money | undefined => {
    if (!q?.value) return undefined;
    if (q.value.currency === C) return { amount: q.value.amount, source: 'export' };
    const rate = book.valueOf(q.value.currency, q.value.amount, instant);
    return rate ? { amount: rate.amount, source: 'export' } : undefined;
  };
  const direct = (q: Quantity, _instant: number): Money | undefined =>
    q.asset === C ? { amount: q.amount, source: 'fiat-leg' } : undefined;
  const fromBook = (q: Quantity, instant: number): Money | undefined => book.valueOf(q.asset, q.amount, instant);
  const proportional = (part: Quantity, whole: Quantity | undefined, wholeValue: Money | undefined): Money | undefined =>
    whole && wholeValue && whole.asset === part.asset && !whole.amount.isZero()
      ? { amount: share(wholeValue.amount, part.amount, whole.amount), source: 'trade-leg' }
      : undefined;
  const first = (...candidates: (() => Money | undefined)[]): Money | undefined => {
    for (const c of candidates) {
      const v = c();
      if (v) return v;
    }
    return undefined;
  };
  const require = (value: Money | undefined, q: Quantity, event: LedgerEvent, what: string): Money => {
    if (value) return value;
    const date = toLocalDate(event.instant, timezone);
    const key = `${q.asset}\u0000${date}`;
    if (!missing.has(key)) missing.set(key, { asset: q.asset, date, currency: C });
    diagnostics.push(
      diagnostic('PRICE_MISSING', `no ${C} price for ${q.asset} on ${date} (needed for ${what}); valued at 0`, event.source),
    );
    return { amount: ZERO, source: 'missing' };
  };

  const feeValue = (e: LedgerEvent, related: [Quantity | undefined, Money | undefined][]): Money | undefined => {
    const fee = e.fee;
    if (!fee) return undefined;
    const found = first(
      () => direct(fee, e.instant),
      () => stated(fee, e.instant),
      ...related.map(([q, v]) => () => proportional(fee, q, v)),
      ...related.map(([q]) => () => (q ? proportional(fee, q, stated(q, e.instant)) : undefined)),
      () => fromBook(fee, e.instant),
    );
    return require(found, fee, e, 'a fee');
  };

  const priced = events.map((e): PricedEvent => {
    switch (e.kind) {
      case 'trade': {
        const bothFiat = isFiat(e.sent.asset) && isFiat(e.received.asset);
        const value = first(
          () => direct(e.received, e.instant),
          () => direct(e.sent, e.instant),
          () => stated(e.received, e.instant),
          () => stated(e.sent, e.instant),
          () => fromBook(e.received, e.instant),
          () => fromBook(e.sent, e.instant),
        );
        const received = bothFiat ? value : require(value, isFiat(e.received.asset) ? e.sent : e.received, e, 'a trade');
        const fee = e.fee && !(e.fee.asset === e.sent.asset && !isFiat(e.sent.asset))
          ? feeValue(e, [[e.received, received], [e.sent, received]])
          : e.fee
            ? first(() => proportional(e.fee as Quantity, e.sent, received), () => fromBook(e.fee as Quantity, e.instant))
            : undefined;
        return { event: e, values: withDefined({ received, sent: received, fee }) };
      }
      case 'income':
      case 'acquisition': {
        const needed = e.kind === 'income' || e.acquisitionKind === 'loan';
        const value = first(() => direct(e.received, e.instant), () => stated(e.received, e.instant), () => fromBook(e.received, e.instant));
        const received = needed ? require(value, e.received, e, e.kind === 'income' ? `${e.incomeKind} income` : 'a loan') : value;
        const fee = e.fee && e.fee.asset !== e.received.asset ? feeValue(e, [[e.received, received]]) : undefined;
        return { event: e, values: withDefined({ received, fee }) };
      }
      case 'spend': {
        const value = first(() => direct(e.sent, e.instant), () => stated(e.sent, e.instant), () => fromBook(e.sent, e.instant));
        const sent = isFiat(e.sent.asset) ? value : require(value, e.sent, e, 'a spend');
        const fee = e.fee && e.fee.asset !== e.sent.asset ? feeValue(e, [[e.sent, sent]]) : undefined;
        return { event: e, values: withDefined({ sent, fee }) };
      }
      case 'deposit': {
        const fee = e.fee && e.fee.asset !== e.received.asset && !isFiat(e.fee.asset) ? feeValue(e, [[e.received, undefined]]) : undefined;
        const received = first(() => stated(e.received, e.instant), () => fromBook(e.received, e.instant));
        return { event: e, values: withDefined({ received, fee }) };
      }
      case 'withdrawal':
      case 'transfer':
      case 'removal': {
        const sent = first(() => stated(e.sent, e.instant), () => fromBook(e.sent, e.instant));
        const fee = e.fee && !isFiat(e.fee.asset) ? feeValue(e, [[e.sent, sent]]) : undefined;
        return { event: e, values: withDefined({ sent, fee }) };
      }
      case 'fee': {
        const fee = isFiat(e.fee.asset) ? first(() => direct(e.fee, e.instant)) : feeValue(e, []);
        return { event: e, values: withDefined({ fee }) };
      }
      default:
        return assertNever(e);
    }
  });
  return { priced, diagnostics, missing: [...missing.values()] };
}

function withDefined(values: { received?: Money | undefined; sent?: Money | undefined; fee?: Money | undefined }): EventValues {
  const out: { received?: Money; sent?: Money; fee?: Money } = {};
  if (values.received) out.received = values.received;
  if (values.sent) out.sent = values.sent;
  if (values.fee) out.fee = values.fee;
  return out;
}
