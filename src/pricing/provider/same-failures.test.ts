/**
 * The provider's failures said once per kind (issue 21): five `HTTP 503` answers for five
 * (asset, day) are one warning that names the first few and counts five; an unknown coin asked
 * for on three days is one warning (one fact); different kinds stay apart. A pretend provider,
 * no network.
 */
import { describe, expect, it } from 'vitest';
import { countBySeverity, fileDiagnostic } from '../../diagnostics/diagnostic.js';
import { Dec } from '../../model/decimal.js';
import type { DailyPriceProvider, DailyPriceResult } from './coingecko-provider.js';
import { DEFAULT_LIMITS } from './coingecko-provider.js';
import { fetchMissingPrices, type PriceRequest } from './fetch-missing-prices.js';

const COINS: Record<string, string> = { BTC: 'bitcoin', ETH: 'ethereum' };

function provider(answer: (asset: string, date: string) => DailyPriceResult): DailyPriceProvider {
  return {
    name: 'test',
    stats: { requests: 0, cacheHits: 0, asked: 0 },
    limits: { ...DEFAULT_LIMITS, concurrency: 2 },
    now: () => 0,
    warnings: [],
    dailyPrice: async (asset, date) => answer(asset, date),
  };
}
const failed = (message: string, code: 'PRICE_PROVIDER_FAILED' | 'PRICE_PROVIDER_UNKNOWN_COIN' = 'PRICE_PROVIDER_FAILED'): DailyPriceResult => ({
  kind: 'none',
  diagnostic: fileDiagnostic(code, 'coingecko', message),
});

describe('identical provider warnings', () => {
  it('are merged into one with a count; other kinds stay apart', async () => {
    const days = ['2024-03-01', '2024-03-02', '2024-03-03'];
    const requests: PriceRequest[] = [
      ...days.flatMap((date) => ['BTC', 'ETH'].map((asset) => ({ asset, date, currency: 'USD' }))),
      ...days.map((date) => ({ asset: 'XYZ', date, currency: 'USD' })),
    ];
    const fetched = await fetchMissingPrices(requests, provider((asset, date) => {
      if (asset === 'XYZ') return failed('no coin id for XYZ: the provider cannot price it', 'PRICE_PROVIDER_UNKNOWN_COIN');
      if (asset === 'ETH' && date === '2024-03-02') return { kind: 'price', price: new Dec('3100') };
      if (asset === 'ETH' && date === '2024-03-03') return failed(`no answer for ETH (ethereum) on ${date}: timeout`);
      return failed(`HTTP 503 for ${asset} (${COINS[asset]}) on ${date}`);
    }), 'UTC');
    expect(fetched.points.map((p) => p.price.toFixed())).toEqual(['3100']);
    // requests in order (date, asset): BTC 03-01, ETH 03-01, BTC 03-02, BTC 03-03 answered 503 — four;
    // ETH 03-03 timed out — one of another kind; XYZ three times — one fact. Each kind where it
    // first occurs, in the requests' order (date, then asset): XYZ on 03-01 comes before ETH on 03-03.
    expect(fetched.diagnostics.map((d) => [d.code, d.message, d.count])).toEqual([
      ['PRICE_PROVIDER_FAILED', 'HTTP 503 for BTC (bitcoin) on 2024-03-01; the same for 3 more prices (ETH (ethereum) on 2024-03-01, BTC (bitcoin) on 2024-03-02, BTC (bitcoin) on 2024-03-03)', 4],
      ['PRICE_PROVIDER_UNKNOWN_COIN', 'no coin id for XYZ: the provider cannot price it', undefined],
      ['PRICE_PROVIDER_FAILED', 'no answer for ETH (ethereum) on 2024-03-03: timeout', undefined],
    ]);
    expect(countBySeverity(fetched.diagnostics).warnings).toBe(6);
  });
});
