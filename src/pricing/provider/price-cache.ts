/**
 * The on-disk price cache: one small JSON file per (provider, coin, date), so that a second run
 * makes no request and computes from exactly the same prices (byte-identical reports).
 *
 * Layout: `<dir>/<provider>/<coin-id>/<YYYY-MM-DD>.json`, content (schema 2)
 *
 *   {"schema":2,"provider":"coingecko","coin":"bitcoin","date":"2024-03-01",
 *    "source":"https://api.coingecko.com/api/v3","prices":{"eur":"56123.4","usd":"61234.12"}}
 *
 * — every currency of a fully validated answer (read-history-answer.ts), as exact decimal
 * strings, so changing `--currency` needs no new request. `"prices": null` records that the
 * provider has no market data for that date (a coin not listed yet): a fact, cached like a price.
 * Only validated answers are written; failures and answers with a refused price never are.
 * `source` (the API root, never the key) says where the prices came from; it is not part of the key.
 *
 * Reading checks everything again (the file is outside data too): schema, provider, coin, date,
 * each currency code and each price (checkPriceText). A file that fails is `invalid` — the caller
 * reports it and fetches again, which rewrites it. Writes are atomic (temporary file + rename),
 * so an interrupted run never leaves half a file.
 */
import { threadId } from 'node:worker_threads';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPriceText, CURRENCY_KEY } from './check-price.js';

export const CACHE_SCHEMA = 2;
/** A cache file is a few hundred bytes; anything much larger is not one of ours. */
const MAX_CACHE_FILE_BYTES = 64 * 1024;

export interface CachedDay {
  /** Currency code (lower case, as the provider names it) → exact decimal string; null = no data that day. */
  readonly prices: Readonly<Record<string, string>> | null;
}

export type CacheRead = { readonly kind: 'hit'; readonly day: CachedDay } | { readonly kind: 'miss' } | { readonly kind: 'invalid'; readonly file: string; readonly reason: string };

export interface PriceCache {
  get(coin: string, date: string): CacheRead;
  put(coin: string, date: string, day: CachedDay): void;
}

let writes = 0;

/**
 * A cache rooted at `dir` for one provider. Coin ids are validated by the coin map (no path tricks).
 * @example createPriceCache('.taxlot-cache', 'coingecko', 'https://api.coingecko.com/api/v3').get('bitcoin', '2024-03-01') → { kind: 'miss' }
 */
export function createPriceCache(dir: string, provider: string, source = ''): PriceCache {
  const fileOf = (coin: string, date: string): string => join(dir, provider, coin, `${date}.json`);
  return {
    get(coin, date) {
      const file = fileOf(coin, date);
      let text: string;
      try {
        if (statSync(file).size > MAX_CACHE_FILE_BYTES) return { kind: 'invalid', file, reason: `larger than ${MAX_CACHE_FILE_BYTES} bytes` };
        text = readFileSync(file, 'utf8');
      } catch {
        return { kind: 'miss' };
      }
      const reason = problemOf(text, provider, coin, date);
      if (typeof reason === 'string') return { kind: 'invalid', file, reason };
      return { kind: 'hit', day: reason };
    },
    put(coin, date, day) {
      const file = fileOf(coin, date);
      mkdirSync(join(dir, provider, coin), { recursive: true });
      const sorted = day.prices === null ? null : Object.fromEntries(Object.entries(day.prices).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      // unique per process, worker thread (workers share a pid) and write
      const tmp = `${file}.${process.pid}-${threadId}-${++writes}.tmp`;
      writeFileSync(tmp, `${JSON.stringify({ schema: CACHE_SCHEMA, provider, coin, date, source, prices: sorted })}\n`);
      renameSync(tmp, file);
    },
  };
}

/** The cached day, or why the file is not a valid entry for (provider, coin, date). */
function problemOf(text: string, provider: string, coin: string, date: string): CachedDay | string {
  let value: unknown;
  try {
    // Plain JSON.parse is safe: prices are stored as strings, never as JSON numbers.
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const entry = value as Record<string, unknown>;
  if (entry['schema'] !== CACHE_SCHEMA) {
    return entry['schema'] === undefined ? 'written by an older taxlot (no schema version)' : `schema ${String(entry['schema']).slice(0, 20)}, not ${CACHE_SCHEMA}`;
  }
  if (entry['provider'] !== provider) return `written for another provider, not ${provider}`;
  if (entry['coin'] !== coin) return `about another coin, not "${coin}"`;
  if (entry['date'] !== date) return `for another date, not ${date}`;
  const prices = entry['prices'];
  if (prices === null) return { prices: null };
  if (typeof prices !== 'object' || prices === undefined || Array.isArray(prices)) return '"prices" is neither an object nor null';
  const checked: Record<string, string> = {};
  for (const [currency, price] of Object.entries(prices as Record<string, unknown>)) {
    if (!CURRENCY_KEY.test(currency)) return 'a currency code is not one (lower-case letters and digits)';
    if (typeof price !== 'string') return `the ${currency} price is not a string`;
    const check = checkPriceText(price);
    if (!check.ok) return `the ${currency} price is refused: ${check.reason}`;
    checked[currency] = check.price;
  }
  return { prices: checked };
}
