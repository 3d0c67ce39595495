/**
 * The price book: the market value of a quantity of an asset at an instant, in the report
 * currency, from sources that do not depend on the event itself — the report currency (1:1),
 * the price table (nearest earlier point within a window; a date-only point covers its whole
 * calendar day), and USD-pegged stablecoins at 1.00 USD (an overridable list).
 *
 * The table holds the user's rows (`--prices`) and, when an online provider is enabled, its
 * daily prices (source `provider`); at the same instant the user's row wins. A price quoted in
 * another currency is converted with a rate from the same table; a rate between two fiat
 * currencies may be given either way round (`USD,EUR,0.92` also gives EUR→USD = 1/0.92).
 * Stablecoins count at 1.00 only as USD: in a EUR report a USDT is 1 USD converted at the
 * USD→EUR rate of the table, never 1.00 EUR.
 *
 * Pure: built from data; the CLI reads the price table file and runs the provider.
 */
import { isFiat, type AssetCode } from '../model/asset.js';
import { compact, divide, ONE, type Dec } from '../model/decimal.js';
import type { Money, PriceSource } from '../model/money.js';

export interface PricePoint {
  readonly asset: AssetCode;
  readonly currency: AssetCode;
  /** Start of validity: the instant, or 00:00 of the date in the report zone. */
  readonly instant: number;
  /** True for a `YYYY-MM-DD` point: valid until the end of that day. */
  readonly daily: boolean;
  readonly price: Dec;
  /** Where the point came from; default `price-table`. */
  readonly source?: 'price-table' | 'provider';
}

export interface PriceBookOptions {
  readonly reportCurrency: AssetCode;
  readonly stablecoins: readonly AssetCode[];
  readonly table: readonly PricePoint[];
  /** How long after its start a point may be used (ms); a daily point always covers its own day. */
  readonly windowMs: number;
}

export interface PriceBook {
  readonly reportCurrency: AssetCode;
  /** Value of `amount` of `asset` at `instant`, or undefined when no source knows it. */
  valueOf(asset: AssetCode, amount: Dec, instant: number): Money | undefined;
  /** True for a USD-pegged stablecoin of the `--stablecoins` list. */
  isStablecoin(asset: AssetCode): boolean;
}

const DAY_MS = 86_400_000;

/** A price found in the table, with the source of the least authoritative point used. */
interface Quote {
  readonly price: Dec;
  readonly source: 'price-table' | 'provider';
}

/**
 * Build the book.
 * @example createPriceBook({ reportCurrency: 'USD', stablecoins: ['USDT'], table: [], windowMs: 0 })
 *   .valueOf('USDT', dec('5'), t) → { amount: 5, source: 'stablecoin' }
 */
export function createPriceBook(opts: PriceBookOptions): PriceBook {
  const C = opts.reportCurrency;
  const series = new Map<string, PricePoint[]>();
  const quotesOf = new Map<AssetCode, AssetCode[]>();
  for (const p of opts.table) {
    const key = `${p.asset}\u0000${p.currency}`;
    const list = series.get(key);
    if (list) list.push(p);
    else {
      series.set(key, [p]);
      quotesOf.set(p.asset, [...(quotesOf.get(p.asset) ?? []), p.currency]);
    }
  }
  // Sorted by start; at the same start the point found last wins, so the user's rows sort after
  // the provider's, and a timed point after a daily one.
  const rank = (p: PricePoint): number => (p.source === 'provider' ? 0 : 2) + (p.daily ? 0 : 1);
  for (const list of series.values()) list.sort((a, b) => a.instant - b.instant || rank(a) - rank(b));
  const stable = new Set(opts.stablecoins);

  const lookup = (asset: AssetCode, currency: AssetCode, instant: number): Quote | undefined => {
    const list = series.get(`${asset}\u0000${currency}`);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as PricePoint).instant <= instant) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return undefined;
    const p = list[found] as PricePoint;
    const validUntil = p.instant + Math.max(p.daily ? DAY_MS : 0, opts.windowMs);
    return instant < validUntil || instant === p.instant ? { price: p.price, source: p.source ?? 'price-table' } : undefined;
  };

  /** The value of one `from` in `to`: a direct point, or for two fiat currencies the inverse of `to`→`from`. */
  const rate = (from: AssetCode, to: AssetCode, instant: number): Quote | undefined => {
    if (from === to) return { price: ONE, source: 'price-table' };
    const direct = lookup(from, to, instant);
    if (direct) return direct;
    if (!isFiat(from) || !isFiat(to)) return undefined;
    const inverse = lookup(to, from, instant);
    return inverse && !inverse.price.isZero() ? { price: divide(ONE, inverse.price), source: inverse.source } : undefined;
  };

  const combine = (a: Quote, b: Quote): Quote => ({
    price: a.price.times(b.price),
    source: a.source === 'provider' || b.source === 'provider' ? 'provider' : 'price-table',
  });

  /** The asset's price in the report currency: direct, or through another quote currency and a rate. */
  const tablePrice = (asset: AssetCode, instant: number): Quote | undefined => {
    const direct = rate(asset, C, instant);
    if (direct) return direct;
    for (const q of quotesOf.get(asset) ?? []) {
      if (q === C) continue;
      const inQuote = lookup(asset, q, instant);
      const conversion = inQuote ? rate(q, C, instant) : undefined;
      if (inQuote && conversion) return combine(inQuote, conversion);
    }
    return undefined;
  };

  return {
    reportCurrency: C,
    isStablecoin: (asset) => stable.has(asset),
    valueOf(asset, amount, instant) {
      if (asset === C) return { amount, source: 'fiat-leg' };
      const fromTable = tablePrice(asset, instant);
      if (fromTable) return { amount: compact(amount.times(fromTable.price)), source: fromTable.source satisfies PriceSource };
      if (stable.has(asset)) {
        // Pegged to 1.00 USD: in a USD report that is the value; otherwise convert the dollar.
        const usd = C === 'USD' ? { price: ONE, source: 'price-table' as const } : rate('USD', C, instant);
        if (usd) return { amount: usd.price === ONE ? amount : compact(amount.times(usd.price)), source: 'stablecoin' };
      }
      return undefined;
    },
  };
}
