/**
 * The bridge between the pure pipeline and an online provider: the (asset, date, currency)
 * triples the pipeline could not value go in, daily price points with provenance `provider` come
 * out, to be merged into the price table for the second, final computation.
 *
 * Only crypto assets are asked for: an exchange rate between two fiat currencies is not something
 * a crypto price API is an authority on, so rates stay the price table's job (README).
 *
 * Scheduling (the provider's `limits`):
 * - at most `concurrency` requests in flight, taken in a fixed order (date, asset, currency);
 *   results are kept in that order whatever order the answers arrive in, so runs are reproducible;
 * - one overall deadline: when it passes, the requests in flight are abandoned and the ones not
 *   started are not made; all of them are reported together (one PRICE_PROVIDER_FAILED with the
 *   count), and their values stay missing — never a hang;
 * - progress on the provider's `progress` sink (stderr in the CLI) while requests are being made:
 *   a line every PROGRESS_STEP prices or every `progressEveryMs`, and a last line; nothing when
 *   every price came from the cache.
 */
import { startOfDay } from '../start-of-day.js';
import { fileDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { isFiat, type AssetCode } from '../../model/asset.js';
import type { LocalDate } from '../../model/local-date.js';
import type { PricePoint } from '../price-book.js';
import type { DailyPriceProvider, DailyPriceResult } from './coingecko-provider.js';

export interface PriceRequest {
  readonly asset: AssetCode;
  readonly date: LocalDate;
  readonly currency: AssetCode;
}

export interface FetchedPrices {
  readonly points: PricePoint[];
  readonly diagnostics: Diagnostic[];
}

/** A progress line after this many prices (when requests are being made). */
export const PROGRESS_STEP = 25;

/**
 * Ask the provider for every distinct crypto (asset, date, currency); one diagnostic per kind of failure (SameFailures).
 * @example await fetchMissingPrices([{ asset: 'ETH', date: '2024-03-10', currency: 'USD' }], provider, 'UTC')
 *   → { points: [{ asset: 'ETH', currency: 'USD', instant: 1710028800000, daily: true, price: 3880.12, source: 'provider' }], diagnostics: [] }
 */
export async function fetchMissingPrices(requests: readonly PriceRequest[], provider: DailyPriceProvider, timezone: string): Promise<FetchedPrices> {
  const distinct = new Map<string, PriceRequest>();
  for (const r of requests) {
    if (isFiat(r.asset)) continue;
    distinct.set(`${r.date}\u0000${r.asset}\u0000${r.currency}`, r);
  }
  const ordered = [...distinct.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  const results = await askAll(ordered, provider);
  const points: PricePoint[] = [];
  const failures = new SameFailures();
  const stopped: PriceRequest[] = [];
  ordered.forEach((r, i) => {
    const result = results[i];
    if (result === undefined || (result.kind === 'none' && result.stopped)) stopped.push(r);
    else if (result.kind === 'price') {
      points.push({ asset: r.asset, currency: r.currency, instant: startOfDay(r.date, timezone), daily: true, price: result.price, source: 'provider' });
    } else failures.add(result.diagnostic);
  });
  const diagnostics = failures.finish();
  if (stopped.length > 0) diagnostics.push(deadlineDiagnostic(provider.name, stopped, ordered.length, provider.limits.deadlineMs));
  diagnostics.push(...provider.warnings);
  return { points, diagnostics };
}

/** `BTC (bitcoin) on 2024-03-01`: the price a provider message is about (coingecko-provider.ts). */
const PRICE_NAMED = /\S+ \([^()]*\) on \d{4}-\d{2}-\d{2}/;

/**
 * The provider's failures, each kind said once: messages that differ only in the price they are
 * about (`HTTP 503 for BTC (bitcoin) on 2024-03-01`, `… ETH (ethereum) on 2024-03-02`) become one
 * diagnostic naming the first few and counting all (`count`, so the warning totals still count
 * each price); a message that names no price (an unknown coin: one fact however many dates need
 * it) is given once.
 */
class SameFailures {
  private readonly groups = new Map<string, { first: Diagnostic; prices: string[] }>();

  add(d: Diagnostic): void {
    const price = PRICE_NAMED.exec(d.message)?.[0];
    const key = `${d.code}\u0000${price === undefined ? d.message : d.message.replace(price, '\u0000')}`;
    const group = this.groups.get(key);
    if (!group) this.groups.set(key, { first: d, prices: price === undefined ? [] : [price] });
    else if (price !== undefined) group.prices.push(price);
  }

  finish(): Diagnostic[] {
    return [...this.groups.values()].map(({ first, prices }) => {
      if (prices.length <= 1) return first;
      const others = prices.slice(1);
      const named = `${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}`;
      return { ...first, message: `${first.message}; the same for ${others.length} more price${others.length === 1 ? '' : 's'} (${named})`, count: prices.length };
    });
  }
}

/** Every request through a pool of `concurrency` workers under one deadline; `undefined` = never asked. */
async function askAll(ordered: readonly PriceRequest[], provider: DailyPriceProvider): Promise<(DailyPriceResult | undefined)[]> {
  const { deadlineMs, concurrency, progressEveryMs } = provider.limits;
  const results: (DailyPriceResult | undefined)[] = new Array(ordered.length).fill(undefined);
  if (ordered.length === 0) return results;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), deadlineMs);
  const started = provider.now();
  let next = 0;
  let done = 0;
  let lastLine = started;
  const say = (final: boolean): void => {
    if (!provider.progress || provider.stats.asked === 0) return; // quiet when nothing is fetched
    const seconds = ((provider.now() - started) / 1000).toFixed(1);
    const found = results.filter((r) => r?.kind === 'price').length;
    const { cacheHits, requests: n } = provider.stats;
    const requests = `${n} HTTP request${n === 1 ? '' : 's'}`;
    if (final) {
      const stopped = ordered.length - done;
      const cut = stopped > 0 ? `, ${stopped} not fetched by the deadline` : '';
      provider.progress(`taxlot: prices: ${found} of ${ordered.length} (asset, day) found in ${seconds} s (${cacheHits} from the cache, ${requests}${cut})`);
    } else {
      provider.progress(`taxlot: prices: ${done} of ${ordered.length} (asset, day) answered after ${seconds} s, ${found} found (${cacheHits} from the cache, ${requests})`);
    }
    lastLine = provider.now();
  };
  const ticker = setInterval(() => {
    if (provider.now() - lastLine >= progressEveryMs) say(false);
  }, Math.max(50, Math.min(progressEveryMs, 1000)));
  const worker = async (): Promise<void> => {
    while (next < ordered.length && !deadline.signal.aborted) {
      const i = next++;
      const r = ordered[i] as PriceRequest;
      const result = await provider.dailyPrice(r.asset, r.date, r.currency, deadline.signal);
      results[i] = result;
      if (result.kind === 'none' && result.stopped) continue;
      done++;
      if (done % PROGRESS_STEP === 0 && done < ordered.length) say(false);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, ordered.length) }, worker));
  } finally {
    clearTimeout(timer);
    clearInterval(ticker);
  }
  say(true);
  return results;
}

function deadlineDiagnostic(label: string, stopped: readonly PriceRequest[], total: number, deadlineMs: number): Diagnostic {
  const first = stopped.slice(0, 3).map((r) => `${r.asset} on ${r.date}`).join(', ');
  return fileDiagnostic(
    'PRICE_PROVIDER_FAILED',
    label,
    `the price deadline (--price-deadline ${deadlineMs / 1000} s) passed: ${stopped.length} of ${total} prices were not fetched (${first}${stopped.length > 3 ? ', …' : ''}); they stay missing`,
    'run again to fetch the rest (answers already received are cached), raise --price-deadline, or add the prices to a price table',
  );
}
