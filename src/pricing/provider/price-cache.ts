/**
 * The on-disk price cache: one small JSON file per (provider, coin, date), so that a second run
 * makes no request and computes from exactly the same prices (byte-identical reports).
 *
 * Layout: `<dir>/<provider>/<coin-id>/<YYYY-MM-DD>.json`, content
 * `{"coin":"bitcoin","date":"2024-03-01","prices":{"eur":"56123.4","usd":"61234.12"}}` — every
 * currency the provider returned, as exact decimal strings, so changing `--currency` needs no new
 * request. `"prices": null` records that the provider has no market data for that date (a coin
 * not listed yet): a fact, cached like a price. Failures (timeouts, 5xx, unknown coins) are never
 * cached, so the next run tries again.
 *
 * A cache file that cannot be read is a miss (and is rewritten), never an error. Writes are
 * atomic (temporary file + rename), so an interrupted run never leaves half a file.
 */
import { threadId } from 'node:worker_threads';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CachedDay {
  /** Currency code (lower case, as the provider names it) → exact decimal string; null = no data that day. */
  readonly prices: Readonly<Record<string, string>> | null;
}

export interface PriceCache {
  get(coin: string, date: string): CachedDay | undefined;
  put(coin: string, date: string, day: CachedDay): void;
}

const DECIMAL = /^\d+(\.\d+)?$/;

let writes = 0;

/** A cache rooted at `dir` for one provider. Coin ids are validated by the coin map (no path tricks). */
export function createPriceCache(dir: string, provider: string): PriceCache {
  const fileOf = (coin: string, date: string): string => join(dir, provider, coin, `${date}.json`);
  return {
    get(coin, date) {
      let text: string;
      try {
        text = readFileSync(fileOf(coin, date), 'utf8');
      } catch {
        return undefined;
      }
      try {
        // Plain JSON.parse is safe: prices are stored as strings, never as JSON numbers.
        const value = JSON.parse(text) as { coin?: unknown; date?: unknown; prices?: unknown };
        if (value.coin !== coin || value.date !== date) return undefined;
        if (value.prices === null) return { prices: null };
        if (typeof value.prices !== 'object' || value.prices === undefined || Array.isArray(value.prices)) return undefined;
        const prices: Record<string, string> = {};
        for (const [currency, price] of Object.entries(value.prices as Record<string, unknown>)) {
          if (typeof price !== 'string' || !DECIMAL.test(price)) return undefined;
          prices[currency] = price;
        }
        return { prices };
      } catch {
        return undefined;
      }
    },
    put(coin, date, day) {
      const file = fileOf(coin, date);
      mkdirSync(join(dir, provider, coin), { recursive: true });
      const sorted = day.prices === null ? null : Object.fromEntries(Object.entries(day.prices).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      // unique per process, worker thread (workers share a pid) and write
      const tmp = `${file}.${process.pid}-${threadId}-${++writes}.tmp`;
      writeFileSync(tmp, `${JSON.stringify({ coin, date, prices: sorted })}\n`);
      renameSync(tmp, file);
    },
  };
}
