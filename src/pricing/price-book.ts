/**
 * The price book: the market value of a quantity of an asset at an instant, in the report
 * currency, from sources that do not depend on the event itself — the report currency (1:1),
 * USD-pegged stablecoins at 1.00 USD (an overridable list), and the user's price table (nearest
 * earlier point within a window; a date-only point covers its whole calendar day).
 * A price table quoted in another currency is converted with a rate from the same table.
 *
 * Pure: built from data; the CLI reads the price table file.
 */
import type { AssetCode } from '../model/asset.js';
import type { Dec } from '../model/decimal.js';
import type { Money } from '../model/money.js';

export interface PricePoint {
  readonly asset: AssetCode;
  readonly currency: AssetCode;
  /** Start of validity: the instant, or 00:00 of the date in the report zone. */
  readonly instant: number;
  /** True for a `YYYY-MM-DD` point: valid until the end of that day. */
  readonly daily: boolean;
  readonly price: Dec;
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
}

const DAY_MS = 86_400_000;

export function createPriceBook(opts: PriceBookOptions): PriceBook {
  const series = new Map<string, PricePoint[]>();
  for (const p of opts.table) {
    const key = `${p.asset}\u0000${p.currency}`;
    const list = series.get(key) ?? [];
    list.push(p);
    series.set(key, list);
  }
  for (const list of series.values()) list.sort((a, b) => a.instant - b.instant || (a.daily === b.daily ? 0 : a.daily ? -1 : 1));
  const stable = new Set(opts.reportCurrency === 'USD' ? opts.stablecoins : []);

  const lookup = (asset: AssetCode, currency: AssetCode, instant: number): Dec | undefined => {
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
    return instant < validUntil || instant === p.instant ? p.price : undefined;
  };

  const tablePrice = (asset: AssetCode, instant: number): Dec | undefined => {
    const direct = lookup(asset, opts.reportCurrency, instant);
    if (direct) return direct;
    for (const key of series.keys()) {
      const [a, q] = key.split('\u0000') as [string, string];
      if (a !== asset || q === opts.reportCurrency) continue;
      const inQuote = lookup(asset, q, instant);
      const rate = inQuote ? lookup(q, opts.reportCurrency, instant) : undefined;
      if (inQuote && rate) return inQuote.times(rate);
    }
    return undefined;
  };

  return {
    reportCurrency: opts.reportCurrency,
    valueOf(asset, amount, instant) {
      if (asset === opts.reportCurrency) return { amount, source: 'fiat-leg' };
      const fromTable = tablePrice(asset, instant);
      if (fromTable) return { amount: amount.times(fromTable), source: 'price-table' };
      if (stable.has(asset)) return { amount, source: 'stablecoin' };
      return undefined;
    },
  };
}
