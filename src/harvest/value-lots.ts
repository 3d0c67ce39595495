/**
 * Every open lot at the end of the as-of date: its market value, unrealised result, the term a
 * sale on that date would have and the first date a sale is long-term. Pure.
 *
 * Holding period (Form 8949 instructions; `model/local-date.ts` `isLongTerm`): long-term iff the
 * sale date is later than the acquisition date plus one calendar year, so the first long-term
 * date is the day after that anniversary (bought 2026-03-02 → long-term from 2027-03-03; bought
 * 2024-02-29 → anniversary 2025-02-28 → long-term from 2025-03-01).
 *
 * No price for an asset at the as-of date: the lot keeps its basis, `value` and `unrealized`
 * stay empty (never zero), with one PRICE_MISSING warning per asset — a warning here, not the
 * report's error, because nothing is filed from a plan.
 */
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AssetCode } from '../model/asset.js';
import { ONE, type Dec } from '../model/decimal.js';
import type { Term } from '../model/disposal.js';
import { addOneYear, isLongTerm, type LocalDate } from '../model/local-date.js';
import type { LotSnapshot } from '../model/lot.js';
import type { PriceSource } from '../model/money.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { MissingPrice } from '../pricing/price-events.js';
import { endOfDay } from '../pricing/start-of-day.js';

export interface HarvestLot {
  readonly lot: LotSnapshot;
  /** Unit price at the end of the as-of date; absent when unknown. */
  readonly price?: Dec;
  readonly value?: Dec;
  /** value − basis (zero basis for a lot of unknown basis). */
  readonly unrealized?: Dec;
  readonly priceSource: PriceSource;
  /** The term of a sale on the as-of date. */
  readonly term: Term;
  /** The first date a sale of this lot is long-term. */
  readonly longTermFrom: LocalDate;
  /** A tokenized security (tokenized.ts): the wash-sale rule may apply. */
  readonly possibleSecurity: boolean;
}

export interface ValuedLots {
  readonly lots: readonly HarvestLot[];
  /** Assets without a price at the as-of date (for an online provider). */
  readonly missing: readonly MissingPrice[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The day after a date (UTC calendar arithmetic on `YYYY-MM-DD`). */
export function nextDay(date: LocalDate): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The first date a sale of a lot acquired on `acquired` is long-term. */
export function longTermFrom(acquired: LocalDate): LocalDate {
  return nextDay(addOneYear(acquired));
}

/**
 * @example valueLotsAt([0.5 BTC bought 2026-03-02 for 40000], book with BTC 60000 on 2026-12-15, '2026-12-15', 'UTC', new Set())
 *   → lots: [{ value 30000, unrealized −10000, term 'short', longTermFrom '2027-03-03' }]
 */
export function valueLotsAt(
  lots: readonly LotSnapshot[],
  book: PriceBook,
  asOf: LocalDate,
  timezone: string,
  securities: ReadonlySet<AssetCode>,
): ValuedLots {
  const instant = endOfDay(asOf, timezone);
  const prices = new Map<AssetCode, { price: Dec; source: PriceSource } | undefined>();
  const priceOf = (asset: AssetCode) => {
    if (!prices.has(asset)) {
      const unit = book.valueOf(asset, ONE, instant);
      prices.set(asset, unit ? { price: unit.amount, source: unit.source } : undefined);
    }
    return prices.get(asset);
  };
  const valued = [...lots].sort(byPosition).map((lot): HarvestLot => {
    const base = {
      lot,
      term: (isLongTerm(lot.acquiredDate, asOf) ? 'long' : 'short') as Term,
      longTermFrom: longTermFrom(lot.acquiredDate),
      possibleSecurity: securities.has(lot.asset),
    };
    const p = priceOf(lot.asset);
    if (!p) return { ...base, priceSource: 'missing' };
    const value = lot.quantity.times(p.price);
    return { ...base, price: p.price, value, unrealized: value.minus(lot.basis), priceSource: p.source };
  });
  const missingAssets = [...new Set(lots.map((l) => l.asset))].filter((a) => !priceOf(a)).sort();
  const diagnostics = missingAssets.map((asset) => ({
    ...fileDiagnostic(
      'PRICE_MISSING',
      '(harvest)',
      `no ${book.reportCurrency} price for ${asset} at the end of ${asOf}: its lots are listed at their basis, value and unrealized result left empty`,
      `add a ${asOf} row for ${asset} to the price table (--prices FILE), or use --price-provider coingecko`,
    ),
    severity: 'warning' as const,
  }));
  return { lots: valued, missing: missingAssets.map((asset) => ({ asset, date: asOf, currency: book.reportCurrency })), diagnostics };
}

/** Wallet, asset, then acquisition (time, creation order, split): the listing's order. */
function byPosition(a: LotSnapshot, b: LotSnapshot): number {
  return cmp(a.wallet, b.wallet) || cmp(a.asset, b.asset) || a.acquiredInstant - b.acquiredInstant || a.seq - b.seq || a.split - b.split;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
