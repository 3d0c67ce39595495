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
 * data for the date, malformed or refused answer, a redirect, the server failing after retries,
 * the overall deadline). Every answer is validated (read-history-answer.ts) before it is used or
 * cached (price-cache.ts); only validated facts are cached, never failures or refused prices.
 * How many requests run at once and the overall deadline are applied by fetch-missing-prices.ts,
 * from `limits`.
 */
import { fileDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AssetCode } from '../../model/asset.js';
import { Dec } from '../../model/decimal.js';
import type { LocalDate } from '../../model/local-date.js';
import type { CoinMap } from './coin-ids.js';
import { fetchWithRetry, type RetryPolicy } from './fetch-with-retry.js';
import type { CachedDay, PriceCache } from './price-cache.js';
import { readHistoryAnswer } from './read-history-answer.js';

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
  readonly limits: ProviderLimits;
  /** Where progress lines go (the CLI: stderr); none when absent. */
  readonly progress?: (line: string) => void;
}

export interface ProviderLimits {
  /** Overall time for all the prices of a run (ms); what is not fetched by then is reported missing. */
  readonly deadlineMs: number;
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** A progress line at least this often while requests are being made (ms). */
  readonly progressEveryMs: number;
}

export const DEFAULT_LIMITS: ProviderLimits = { deadlineMs: 120_000, concurrency: 4, progressEveryMs: 10_000 };

export type DailyPriceResult =
  | { readonly kind: 'price'; readonly price: Dec }
  /** `stopped`: the deadline passed before an answer (fetch-missing-prices.ts reports those together). */
  | { readonly kind: 'none'; readonly diagnostic: Diagnostic; readonly stopped?: true };

export interface PriceProviderStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** (coin, date) answers served from the disk cache. */
  cacheHits: number;
  /** (coin, date) answers asked of the server (counted when the first attempt starts). */
  asked: number;
}

export interface DailyPriceProvider {
  readonly name: string;
  readonly stats: PriceProviderStats;
  readonly limits: ProviderLimits;
  readonly progress?: (line: string) => void;
  /** Clock for the deadline and progress (the CLI passes the real one). */
  readonly now: () => number;
  /** Problems not tied to one price (the cache could not be written, cache entries were invalid). */
  readonly warnings: readonly Diagnostic[];
  /** The price of one unit of `asset` in `currency` on `date`; `signal` ends it early (the deadline). */
  dailyPrice(asset: AssetCode, date: LocalDate, currency: AssetCode, signal?: AbortSignal): Promise<DailyPriceResult>;
}

/**
 * The header name CoinGecko expects for a key: pro keys go to the pro host.
 * @example defaultApiKeyHeader('https://pro-api.coingecko.com/api/v3') === 'x-cg-pro-api-key'
 */
export function defaultApiKeyHeader(baseUrl: string): string {
  return /(^|\/\/)pro-api\./.test(baseUrl) ? 'x-cg-pro-api-key' : 'x-cg-demo-api-key';
}

type Note = 'PRICE_PROVIDER_UNKNOWN_COIN' | 'PRICE_PROVIDER_NO_PRICE' | 'PRICE_PROVIDER_FAILED' | 'PRICE_PROVIDER_BAD_RESPONSE';

type DayOutcome =
  | { readonly day: CachedDay; readonly refused: Readonly<Record<string, string>>; readonly cached: boolean }
  | { readonly diagnostic: Diagnostic; readonly stopped?: true };

/** Build the provider. */
export function createCoinGeckoProvider(config: CoinGeckoConfig): DailyPriceProvider {
  const stats: PriceProviderStats = { requests: 0, cacheHits: 0, asked: 0 };
  const days = new Map<string, Promise<DayOutcome>>();
  let cannotWrite: Diagnostic | undefined;
  const invalid: { file: string; reason: string }[] = [];
  const base = config.baseUrl.replace(/\/+$/, '');
  const note = (code: Note, message: string, hint?: string) => fileDiagnostic(code, PROVIDER_LABEL, message, hint);

  const fetchDay = async (asset: AssetCode, coin: string, date: LocalDate, useCache: boolean, signal?: AbortSignal): Promise<DayOutcome> => {
    if (useCache) {
      const cached = config.cache.get(coin, date);
      if (cached.kind === 'hit') {
        stats.cacheHits++;
        return { day: cached.day, refused: {}, cached: true };
      }
      if (cached.kind === 'invalid') invalid.push({ file: cached.file, reason: cached.reason });
    }
    const [y, m, d] = date.split('-');
    const url = `${base}/coins/${encodeURIComponent(coin)}/history?date=${d}-${m}-${y}&localization=false`;
    const headers: Record<string, string> = config.apiKey ? { [config.apiKeyHeader]: config.apiKey } : {};
    const what = `${asset} (${coin}) on ${date}`;
    stats.asked++;
    const outcome = await fetchWithRetry(url, headers, config.retry, signal);
    stats.requests += outcome.attempts;
    if (outcome.kind === 'stopped') return { diagnostic: note('PRICE_PROVIDER_FAILED', `the deadline passed before an answer for ${what}`), stopped: true };
    if (outcome.kind === 'failed') return { diagnostic: note('PRICE_PROVIDER_FAILED', `no answer for ${what}: ${outcome.reason}`) };
    if (outcome.kind === 'refused') {
      const redirect = outcome.reason.includes('redirect');
      return {
        diagnostic: note(
          redirect ? 'PRICE_PROVIDER_FAILED' : 'PRICE_PROVIDER_BAD_RESPONSE',
          `the answer for ${what} is refused: ${outcome.reason}`,
          redirect ? 'set --price-api-url to the address the API answers at itself (https://, the final host); the API key is only ever sent to that origin' : undefined,
        ),
      };
    }
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
    const answer = readHistoryAnswer(outcome.body, coin);
    if (!answer.ok) return { diagnostic: note('PRICE_PROVIDER_BAD_RESPONSE', `the answer for ${what} ${answer.problem}`) };
    // Only a wholly valid answer is remembered: a refused price must not become "no price" next run.
    if (Object.keys(answer.refused).length === 0) {
      try {
        config.cache.put(coin, date, answer.day);
      } catch (e) {
        cannotWrite ??= note('PRICE_PROVIDER_FAILED', `cannot write the price cache (${(e as Error).message})`, 'check --price-cache; these prices are fetched again next run');
      }
    }
    return { day: answer.day, refused: answer.refused, cached: false };
  };

  const dayOf = (asset: AssetCode, coin: string, date: LocalDate, useCache: boolean, signal?: AbortSignal): Promise<DayOutcome> => {
    const key = `${coin}\u0000${date}\u0000${useCache ? 'cache' : 'fresh'}`;
    let p = days.get(key);
    if (!p) {
      p = fetchDay(asset, coin, date, useCache, signal);
      days.set(key, p);
    }
    return p;
  };

  return {
    name: PROVIDER_LABEL,
    stats,
    limits: config.limits,
    ...(config.progress ? { progress: config.progress } : {}),
    now: config.retry.now,
    get warnings() {
      const list: Diagnostic[] = cannotWrite ? [cannotWrite] : [];
      if (invalid.length > 0) {
        const first = invalid.slice(0, 3).map((i) => `${i.file} (${i.reason})`).join('; ');
        list.push(
          fileDiagnostic(
            'PRICE_CACHE_INVALID',
            PROVIDER_LABEL,
            `${invalid.length} price cache entr${invalid.length === 1 ? 'y was' : 'ies were'} not valid and ${invalid.length === 1 ? 'was' : 'were'} ignored and fetched again: ${first}${invalid.length > 3 ? '; …' : ''}`,
          ),
        );
      }
      return list;
    },
    async dailyPrice(asset, date, currency, signal) {
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
      const key = currency.toLowerCase();
      let outcome = await dayOf(asset, coin, date, true, signal);
      // A cached answer without this currency is not a fact about it: ask the server again.
      if ('day' in outcome && outcome.cached && outcome.day.prices !== null && outcome.day.prices[key] === undefined) {
        outcome = await dayOf(asset, coin, date, false, signal);
      }
      if (!('day' in outcome)) return { kind: 'none', diagnostic: outcome.diagnostic, ...(outcome.stopped ? { stopped: true as const } : {}) };
      const refused = outcome.refused[key];
      if (refused !== undefined) {
        return { kind: 'none', diagnostic: note('PRICE_PROVIDER_BAD_RESPONSE', `the provider's ${currency} price for ${asset} (${coin}) on ${date} is refused: ${refused}`) };
      }
      const price = outcome.day.prices?.[key];
      if (price === undefined) {
        const why = outcome.day.prices === null ? 'has no market data for that date' : `has no ${currency} price`;
        return { kind: 'none', diagnostic: note('PRICE_PROVIDER_NO_PRICE', `the provider ${why}: ${asset} (${coin}) on ${date}`) };
      }
      return { kind: 'price', price: new Dec(price) };
    },
  };
}
