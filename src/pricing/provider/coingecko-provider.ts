/**
 * A daily price source speaking the CoinGecko API (or any server compatible with it):
 *
 *   GET {base}/coins/{id}/history?date=DD-MM-YYYY&localization=false
 *   → { "id": "bitcoin", "market_data": { "current_price": { "usd": 61234.12, "eur": … } } }
 *
 * CoinGecko's "history" value for a date is its snapshot at 00:00 UTC of that date; taxlot uses it
 * as the daily price of that calendar date (README "Online prices"). Numbers are read from the
 * raw response text (parse-json-exact.ts), never through a float.
 *
 * Every outcome is a value: a price, or a diagnostic saying why there is none (unknown coin, no
 * data for the date, malformed response, the server failing after retries). Answers are cached
 * on disk (price-cache.ts); only facts are cached, never failures.
 */
import { fileDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AssetCode } from '../../model/asset.js';
import { Dec } from '../../model/decimal.js';
import type { LocalDate } from '../../model/local-date.js';
import type { CoinMap } from './coin-ids.js';
import { fetchWithRetry, type RetryPolicy } from './fetch-with-retry.js';
import { JsonNumber, member, parseJsonExact } from './parse-json-exact.js';
import type { CachedDay, PriceCache } from './price-cache.js';

export const DEFAULT_COINGECKO_URL = 'https://api.coingecko.com/api/v3';

/** The label provider diagnostics carry instead of a file name. */
export const PROVIDER_LABEL = 'coingecko';

export interface CoinGeckoConfig {
  /** API root without trailing slash, e.g. `https://api.coingecko.com/api/v3`. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  /** Header that carries the key (`x-cg-demo-api-key` or `x-cg-pro-api-key`). */
  readonly apiKeyHeader: string;
  readonly coinMap: CoinMap;
  readonly cache: PriceCache;
  readonly retry: RetryPolicy;
}

export type DailyPriceResult =
  | { readonly kind: 'price'; readonly price: Dec }
  | { readonly kind: 'none'; readonly diagnostic: Diagnostic };

export interface PriceProviderStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** (coin, date) answers served from the disk cache. */
  cacheHits: number;
}

export interface DailyPriceProvider {
  readonly name: string;
  readonly stats: PriceProviderStats;
  /** Problems not tied to one price (the cache could not be written). */
  readonly warnings: readonly Diagnostic[];
  /** The price of one unit of `asset` in `currency` on `date`. */
  dailyPrice(asset: AssetCode, date: LocalDate, currency: AssetCode): Promise<DailyPriceResult>;
}

/**
 * The header name CoinGecko expects for a key: pro keys go to the pro host.
 * @example defaultApiKeyHeader('https://pro-api.coingecko.com/api/v3') === 'x-cg-pro-api-key'
 */
export function defaultApiKeyHeader(baseUrl: string): string {
  return /(^|\/\/)pro-api\./.test(baseUrl) ? 'x-cg-pro-api-key' : 'x-cg-demo-api-key';
}

type DayOutcome = { readonly day: CachedDay } | { readonly diagnostic: Diagnostic };

/** Build the provider. Requests are made one at a time, in the order asked (rate limits). */
export function createCoinGeckoProvider(config: CoinGeckoConfig): DailyPriceProvider {
  const stats: PriceProviderStats = { requests: 0, cacheHits: 0 };
  const days = new Map<string, Promise<DayOutcome>>();
  const warnings: Diagnostic[] = [];
  const base = config.baseUrl.replace(/\/+$/, '');
  const note = (code: 'PRICE_PROVIDER_UNKNOWN_COIN' | 'PRICE_PROVIDER_NO_PRICE' | 'PRICE_PROVIDER_FAILED' | 'PRICE_PROVIDER_BAD_RESPONSE', message: string, hint?: string) =>
    fileDiagnostic(code, PROVIDER_LABEL, message, hint);

  const fetchDay = async (asset: AssetCode, coin: string, date: LocalDate): Promise<DayOutcome> => {
    const cached = config.cache.get(coin, date);
    if (cached) {
      stats.cacheHits++;
      return { day: cached };
    }
    const [y, m, d] = date.split('-');
    const url = `${base}/coins/${encodeURIComponent(coin)}/history?date=${d}-${m}-${y}&localization=false`;
    const headers: Record<string, string> = config.apiKey ? { [config.apiKeyHeader]: config.apiKey } : {};
    const what = `${asset} (${coin}) on ${date}`;
    const outcome = await fetchWithRetry(url, headers, config.retry);
    stats.requests += outcome.attempts;
    if (outcome.kind === 'failed') return { diagnostic: note('PRICE_PROVIDER_FAILED', `no answer for ${what}: ${outcome.reason}`) };
    if (outcome.status === 404) {
      return {
        diagnostic: note(
          'PRICE_PROVIDER_UNKNOWN_COIN',
          `the provider does not know the coin id "${coin}" (for ${asset})`,
          `map ${asset} to its CoinGecko id in a --price-coin-map file ({"${asset}": "the-coin-id"}), or add the price to a price table`,
        ),
      };
    }
    if (outcome.status === 401 || outcome.status === 403) {
      return {
        diagnostic: note(
          'PRICE_PROVIDER_FAILED',
          `the provider refused the request for ${what} (HTTP ${outcome.status})`,
          `check --price-api-key (or TAXLOT_PRICE_API_KEY) and --price-api-key-header (now "${config.apiKeyHeader}")`,
        ),
      };
    }
    if (outcome.status !== 200) return { diagnostic: note('PRICE_PROVIDER_FAILED', `HTTP ${outcome.status} for ${what}`) };
    const parsed = parseJsonExact(outcome.body);
    if (!parsed.ok) return { diagnostic: note('PRICE_PROVIDER_BAD_RESPONSE', `the answer for ${what} is not valid JSON (${parsed.error})`) };
    const marketData = member(parsed.value, 'market_data');
    let day: CachedDay;
    if (marketData === undefined) {
      // CoinGecko answers a date before the coin's listing with the coin but no market data.
      if (typeof member(parsed.value, 'id') !== 'string') {
        return { diagnostic: note('PRICE_PROVIDER_BAD_RESPONSE', `the answer for ${what} has neither "market_data" nor "id"`) };
      }
      day = { prices: null };
    } else {
      const current = member(marketData, 'current_price');
      if (current === undefined || current === null || typeof current !== 'object' || Array.isArray(current) || current instanceof JsonNumber) {
        return { diagnostic: note('PRICE_PROVIDER_BAD_RESPONSE', `the answer for ${what} has no "market_data.current_price" object`) };
      }
      const prices: Record<string, string> = {};
      for (const [currency, value] of Object.entries(current)) {
        if (value instanceof JsonNumber && !value.text.startsWith('-')) prices[currency.toLowerCase()] = new Dec(value.text).toFixed();
      }
      day = { prices };
    }
    try {
      config.cache.put(coin, date, day);
    } catch (e) {
      if (warnings.length === 0) {
        warnings.push(note('PRICE_PROVIDER_FAILED', `cannot write the price cache (${(e as Error).message})`, 'check --price-cache; these prices are fetched again next run'));
      }
    }
    return { day };
  };

  let queue: Promise<unknown> = Promise.resolve();
  const dayOf = (asset: AssetCode, coin: string, date: LocalDate): Promise<DayOutcome> => {
    const key = `${coin}\u0000${date}`;
    let p = days.get(key);
    if (!p) {
      // Serialise requests: a public API's rate limit is per client, parallel calls only earn 429s.
      p = queue.then(() => fetchDay(asset, coin, date));
      queue = p.catch(() => undefined);
      days.set(key, p);
    }
    return p;
  };

  return {
    name: PROVIDER_LABEL,
    stats,
    warnings,
    async dailyPrice(asset, date, currency) {
      const coin = config.coinMap.get(asset);
      if (!coin) {
        return {
          kind: 'none',
          diagnostic: note(
            'PRICE_PROVIDER_UNKNOWN_COIN',
            `no coin id for ${asset}: the provider cannot price it`,
            `map ${asset} to its CoinGecko id in a --price-coin-map file ({"${asset}": "the-coin-id"}), or add the price to a price table`,
          ),
        };
      }
      const outcome = await dayOf(asset, coin, date);
      if (!('day' in outcome)) return { kind: 'none', diagnostic: outcome.diagnostic };
      const price = outcome.day.prices?.[currency.toLowerCase()];
      if (price === undefined) {
        const why = outcome.day.prices === null ? 'has no market data for that date' : `has no ${currency} price`;
        return { kind: 'none', diagnostic: note('PRICE_PROVIDER_NO_PRICE', `the provider ${why}: ${asset} (${coin}) on ${date}`) };
      }
      return { kind: 'price', price: new Dec(price) };
    },
  };
}
