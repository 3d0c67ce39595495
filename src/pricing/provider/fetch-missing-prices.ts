/**
 * The bridge between the pure pipeline and an online provider: the (asset, date, currency)
 * triples the pipeline could not value go in, daily price points with provenance `provider` come
 * out, to be merged into the price table for the second, final computation.
 *
 * Only crypto assets are asked for: an exchange rate between two fiat currencies is not something
 * a crypto price API is an authority on, so rates stay the price table's job (README).
 * Requests are made in a fixed order (date, asset, currency), so runs are reproducible.
 */
import { startOfDay } from '../start-of-day.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { isFiat, type AssetCode } from '../../model/asset.js';
import type { LocalDate } from '../../model/local-date.js';
import type { PricePoint } from '../price-book.js';
import type { DailyPriceProvider } from './coingecko-provider.js';

export interface PriceRequest {
  readonly asset: AssetCode;
  readonly date: LocalDate;
  readonly currency: AssetCode;
}

export interface FetchedPrices {
  readonly points: PricePoint[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Ask the provider for every distinct crypto (asset, date, currency); one diagnostic per failure.
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
  const points: PricePoint[] = [];
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const r of ordered) {
    const result = await provider.dailyPrice(r.asset, r.date, r.currency);
    if (result.kind === 'price') {
      points.push({ asset: r.asset, currency: r.currency, instant: startOfDay(r.date, timezone), daily: true, price: result.price, source: 'provider' });
    } else if (!reported.has(result.diagnostic.message)) {
      // An unknown coin is one fact however many dates need it.
      reported.add(result.diagnostic.message);
      diagnostics.push(result.diagnostic);
    }
  }
  diagnostics.push(...provider.warnings);
  return { points, diagnostics };
}
