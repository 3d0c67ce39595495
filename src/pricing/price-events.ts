/**
 * Resolving the market values the engine needs, each with its provenance.
 *
 * The chain for a trade's value (the market value of what was received, contract): the leg in the
 * report currency → a leg in another fiat currency, converted with the book's rate → the value
 * the export states for the received side → for the sent side → the price book for the received
 * asset → for the sent asset. A fee's value: the report currency → stated → proportional to the
 * trade leg in the same asset → the price book. Income, spends and fees need their own value.
 * Only values the tax computation uses are required; a required value no source knows is a
 * `PRICE_MISSING` error, one per (asset, date) however many values need it, and counts as zero.
 * What is reported missing is what the user can most easily supply: the exchange rate when the
 * trade has a fiat leg or the export states a value in another fiat currency (`EUR` → `USD` on
 * that date), otherwise the price of the asset received (of the asset sent for a sale).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isFiat, type AssetCode } from '../model/asset.js';
import { share, ZERO } from '../model/decimal.js';
import type { LedgerEvent, Quantity } from '../model/ledger-event.js';
import { heldEffect } from '../model/derivative-settlement.js';
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
  const pricer = createPricer(book, timezone);
  const priced = events.map((e, i) => pricer.price(e, i));
  return { priced, ...pricer.finish() };
}

/**
 * Events priced one at a time, in any order (the report pipeline prices them as they stream, in
 * booking order). `order` is the event's place in the history as read (file by file, row by
 * row): a missing price is reported once per (asset, date), naming the first event that needed
 * it in that order, and the reports follow that order — the same diagnostics whatever the order
 * the events are priced in.
 */
export interface Pricer {
  price(e: LedgerEvent, order: number): PricedEvent;
  finish(): Omit<PricingResult, 'priced'>;
}

export function createPricer(book: PriceBook, timezone: string): Pricer {
  const missing = new Map<string, { price: MissingPrice; event: LedgerEvent; order: number; what: string; more: number }>();
  let order = 0;
  const C = book.reportCurrency;

  const stated = (q: Quantity | undefined, instant: number): Money | undefined => {
    if (!q?.value) return undefined;
    if (q.value.currency === C) return { amount: q.value.amount, source: q.value.byOverride ? 'override' : 'export' };
    const rate = book.valueOf(q.value.currency, q.value.amount, instant);
    return rate ? { amount: rate.amount, source: 'export' } : undefined;
  };
  const direct = (q: Quantity, _instant: number): Money | undefined =>
    q.asset === C ? { amount: q.amount, source: 'fiat-leg' } : undefined;
  const otherFiat = (q: Quantity, instant: number): Money | undefined =>
    isFiat(q.asset) && q.asset !== C ? book.valueOf(q.asset, q.amount, instant) : undefined;
  const fromBook = (q: Quantity, instant: number): Money | undefined => book.valueOf(q.asset, q.amount, instant);
  const proportional = (part: Quantity, whole: Quantity | undefined, wholeValue: Money | undefined): Money | undefined =>
    whole && wholeValue && whole.asset === part.asset && !whole.amount.isZero()
      ? { amount: share(wholeValue.amount, part.amount, whole.amount), source: 'trade-leg' }
      : undefined;
  /** The asset whose price (or rate) the user should supply for this value. */
  const wanted = (candidates: readonly (Quantity | undefined)[]): AssetCode => {
    const legs = candidates.filter((q): q is Quantity => q !== undefined);
    const fiatLeg = legs.find((q) => isFiat(q.asset) && q.asset !== C);
    if (fiatLeg) return fiatLeg.asset;
    const statedIn = legs.map((q) => q.value?.currency).find((c) => c !== undefined && c !== C && isFiat(c));
    if (statedIn) return statedIn;
    return (legs.find((q) => !isFiat(q.asset)) ?? legs[0])?.asset ?? '';
  };
  const require = (value: Money | undefined, needs: Quantity | readonly (Quantity | undefined)[], event: LedgerEvent, what: string): Money => {
    if (value) return value;
    const asset = wanted(Array.isArray(needs) ? needs : [needs as Quantity]);
    const date = toLocalDate(event.instant, timezone);
    const key = `${asset}\u0000${date}`;
    const seen = missing.get(key);
    if (!seen) missing.set(key, { price: { asset, date, currency: C }, event, order, what, more: 0 });
    else {
      seen.more++;
      if (order < seen.order) Object.assign(seen, { event, order, what });
    }
    return { amount: ZERO, source: 'missing' };
  };

  const feeValue = (e: LedgerEvent, related: [Quantity | undefined, Money | undefined][]): Money | undefined => {
    const fee = e.fee;
    if (!fee) return undefined;
    let found = direct(fee, e.instant) ?? stated(fee, e.instant);
    for (const [q, v] of related) found ??= proportional(fee, q, v);
    for (const [q] of related) found ??= q ? proportional(fee, q, stated(q, e.instant)) : undefined;
    return require(found ?? fromBook(fee, e.instant), [fee], e, 'a fee');
  };

  const priceOne = (e: LedgerEvent): PricedEvent => {
    switch (e.kind) {
      case 'trade': {
        const bothFiat = isFiat(e.sent.asset) && isFiat(e.received.asset);
        const value =
          direct(e.received, e.instant) ??
          direct(e.sent, e.instant) ??
          otherFiat(e.received, e.instant) ??
          otherFiat(e.sent, e.instant) ??
          stated(e.received, e.instant) ??
          stated(e.sent, e.instant) ??
          // a stablecoin leg is the trade's cash: its exact amount beats a daily price of the other coin
          (book.isStablecoin(e.received.asset) ? fromBook(e.received, e.instant) : undefined) ??
          (book.isStablecoin(e.sent.asset) ? fromBook(e.sent, e.instant) : undefined) ??
          fromBook(e.received, e.instant) ??
          fromBook(e.sent, e.instant);
        const received = bothFiat ? value : require(value, [e.received, e.sent], e, 'a trade');
        const fee = e.fee && !(e.fee.asset === e.sent.asset && !isFiat(e.sent.asset))
          ? feeValue(e, [[e.received, received], [e.sent, received]])
          : e.fee
            ? (proportional(e.fee, e.sent, received) ?? fromBook(e.fee, e.instant))
            : undefined;
        return withValues(e, { received, sent: received, fee });
      }
      case 'income':
      case 'acquisition': {
        const needed = e.kind === 'income' || e.acquisitionKind === 'loan';
        const value = direct(e.received, e.instant) ?? stated(e.received, e.instant) ?? fromBook(e.received, e.instant);
        const received = needed ? require(value, [e.received], e, e.kind === 'income' ? `${e.incomeKind} income` : 'a loan') : value;
        const fee = e.fee && e.fee.asset !== e.received.asset ? feeValue(e, [[e.received, received]]) : undefined;
        return withValues(e, { received, fee });
      }
      case 'spend': {
        const value = direct(e.sent, e.instant) ?? stated(e.sent, e.instant) ?? fromBook(e.sent, e.instant);
        const sent = isFiat(e.sent.asset) ? value : require(value, [e.sent], e, 'a spend');
        const fee = e.fee && e.fee.asset !== e.sent.asset ? feeValue(e, [[e.sent, sent]]) : undefined;
        return withValues(e, { sent, fee });
      }
      case 'deposit': {
        const fee = e.fee && e.fee.asset !== e.received.asset && !isFiat(e.fee.asset) ? feeValue(e, [[e.received, undefined]]) : undefined;
        const found = stated(e.received, e.instant) ?? fromBook(e.received, e.instant);
        // a gift's value at receipt decides its loss basis (Treas. Reg. 1.1015-1): required
        const received = e.stated?.origin === 'gift' ? require(found, [e.received], e, 'a gift received') : found;
        return withValues(e, { received, fee });
      }
      case 'withdrawal':
      case 'transfer':
      case 'removal': {
        const sent = stated(e.sent, e.instant) ?? fromBook(e.sent, e.instant);
        const fee = e.fee && !isFiat(e.fee.asset) ? feeValue(e, [[e.sent, sent]]) : undefined;
        return withValues(e, { sent, fee });
      }
      case 'fee': {
        const fee = isFiat(e.fee.asset) ? direct(e.fee, e.instant) : feeValue(e, []);
        return withValues(e, { fee });
      }
      case 'conversion': {
        // lots carry over: no value is needed, except for a fee paid on the way
        const fee = e.fee && !isFiat(e.fee.asset) ? feeValue(e, []) : undefined;
        return withValues(e, { fee });
      }
      default: {
        // every remaining kind is a derivative row (DerivativeEvent); a new kind of another sort
        // would not type-check here, so none can be forgotten
        // The engine settles the units the user holds (model/derivative-settlement.ts); the position's
        // own valuation (at its close) is done by src/derivatives with the same price book.
        const held = heldEffect(e);
        const q: Quantity = { asset: e.asset, amount: held.abs() };
        const found = held.isZero() ? undefined : (direct(q, e.instant) ?? fromBook(q, e.instant));
        const value = held.isZero() || isFiat(e.asset) ? found : require(found, q, e, `a ${e.kind} settlement`);
        const fee = e.fee && e.fee.asset !== e.asset && !isFiat(e.fee.asset) ? feeValue(e, []) : undefined;
        return withValues(e, held.isNegative() ? { sent: value, fee } : { received: value, fee });
      }
    }
  };
  return {
    price(e, at) {
      order = at;
      return priceOne(e);
    },
    finish() {
      const diagnostics: Diagnostic[] = [];
      // in the order of the first event that needed each price
      const entries = [...missing.values()].sort((a, b) => a.order - b.order);
      for (const { price, event, what, more } of entries) {
        const subject = isFiat(price.asset) ? `${C} rate for ${price.asset}` : `${C} price for ${price.asset}`;
        const others = more === 0 ? '' : `, and ${more} more value${more === 1 ? '' : 's'} that day`;
        diagnostics.push(diagnostic('PRICE_MISSING', `no ${subject} on ${price.date} (needed for ${what}${others}); valued at 0`, event.source));
      }
      return { diagnostics, missing: entries.map((m) => m.price) };
    },
  };
}

/** The event with the values found (absent ones left out, not set to undefined). */
function withValues(event: LedgerEvent, values: { received?: Money | undefined; sent?: Money | undefined; fee?: Money | undefined }): PricedEvent {
  const out: { received?: Money; sent?: Money; fee?: Money } = {};
  if (values.received) out.received = values.received;
  if (values.sent) out.sent = values.sent;
  if (values.fee) out.fee = values.fee;
  return { event, values: out };
}
