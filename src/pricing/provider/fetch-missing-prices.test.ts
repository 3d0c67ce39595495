/**
 * Scheduling the provider's requests, against a real HTTP server on 127.0.0.1: how many are in
 * flight at once (counted by the server), the overall deadline against a server that never
 * answers or asks to wait an hour, results in request order whatever order answers arrive in,
 * and progress lines only when requests are made.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPriceServer, type PriceData, type PriceServer } from '../../../test/support/coingecko-server.js';
import { buildCoinMap } from './coin-ids.js';
import { createCoinGeckoProvider, DEFAULT_LIMITS, type ProviderLimits } from './coingecko-provider.js';
import { fetchMissingPrices, type PriceRequest } from './fetch-missing-prices.js';
import { createPriceCache } from './price-cache.js';

/** ETH on March 1..12 2024 at 3001..3012 USD, so each answer is told apart by its value. */
const DAYS = Array.from({ length: 12 }, (_, i) => i + 1);
const data: PriceData = { ethereum: Object.fromEntries(DAYS.map((d) => [`${String(d).padStart(2, '0')}-03-2024`, { usd: String(3000 + d) }])) };
const requests: PriceRequest[] = DAYS.map((d) => ({ asset: 'ETH', date: `2024-03-${String(d).padStart(2, '0')}`, currency: 'USD' }));

let server: PriceServer;
let cacheDir: string;
let lines: string[];

beforeEach(async () => {
  server = await startPriceServer(data);
  cacheDir = mkdtempSync(join(tmpdir(), 'taxlot-schedule-'));
  lines = [];
});
afterEach(async () => {
  await server.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

const provider = (limits: Partial<ProviderLimits>, timeoutMs = 20_000) =>
  createCoinGeckoProvider({
    baseUrl: server.url,
    apiKeyHeader: 'x-cg-demo-api-key',
    coinMap: buildCoinMap(),
    cache: createPriceCache(cacheDir, 'coingecko', server.url),
    limits: { ...DEFAULT_LIMITS, ...limits },
    progress: (line) => void lines.push(line),
    retry: { timeoutMs, attempts: 5, backoffMs: 1000, maxRetryAfterMs: 3_600_000, now: () => Date.now() },
  });

describe('bounded concurrency', () => {
  it.each([1, 4])('at most %i requests at once, results in request order', async (concurrency) => {
    server.delayAll(60);
    const fetched = await fetchMissingPrices([...requests].reverse(), provider({ concurrency }), 'UTC');
    expect(server.requests).toHaveLength(12);
    expect(server.maxInFlight()).toBe(concurrency);
    expect(fetched.points.map((p) => `${p.instant} ${p.price.toFixed()}`)).toEqual(DAYS.map((d) => `${Date.UTC(2024, 2, d)} ${3000 + d}`));
    expect(fetched.diagnostics).toEqual([]);
  });
});

describe('the overall deadline', () => {
  it('a server that never answers: stopped at the deadline, every price reported missing at once', async () => {
    server.always({ hang: true });
    const started = Date.now();
    const fetched = await fetchMissingPrices(requests, provider({ deadlineMs: 400, concurrency: 4 }), 'UTC');
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(390);
    expect(took).toBeLessThan(3_000); // not 12 × 5 attempts × 20 s
    expect(server.requests).toHaveLength(4); // only the first four were ever sent
    expect(fetched.points).toEqual([]);
    expect(fetched.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'PRICE_PROVIDER_FAILED',
        'the price deadline (--price-deadline 0.4 s) passed: 12 of 12 prices were not fetched (ETH on 2024-03-01, ETH on 2024-03-02, ETH on 2024-03-03, …); they stay missing',
      ],
    ]);
  });

  it('a wait the server asks for (Retry-After: 3600) is cut by the deadline; answers before it are kept', async () => {
    server.script(3, { status: 429, body: '', headers: { 'retry-after': '3600' } });
    const started = Date.now();
    const fetched = await fetchMissingPrices(requests, provider({ deadlineMs: 500, concurrency: 1 }), 'UTC');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(fetched.points.map((p) => p.price.toFixed())).toEqual(['3001', '3002']);
    expect(fetched.diagnostics.map((d) => d.message)).toEqual([
      'the price deadline (--price-deadline 0.5 s) passed: 10 of 12 prices were not fetched (ETH on 2024-03-03, ETH on 2024-03-04, ETH on 2024-03-05, …); they stay missing',
    ]);
  });
});

describe('progress', () => {
  it('one line per 25 (asset, day) answered, then the last line', async () => {
    const many: PriceRequest[] = Array.from({ length: 60 }, (_, i) => ({ asset: 'ETH', date: `2024-0${4 + Math.floor(i / 30)}-${String((i % 30) + 1).padStart(2, '0')}`, currency: 'USD' }));
    const fetched = await fetchMissingPrices(many, provider({ progressEveryMs: 600_000 }), 'UTC');
    expect(fetched.points).toEqual([]); // the server has no April or May data: "no market data", 60 facts
    // (requests answered by other workers at that moment may differ by a few: not compared)
    expect(lines.map((l) => l.replace(/\d+\.\d s/, 'T s').replace(/cache, \d+ HTTP requests\)$/, 'cache, N HTTP requests)'))).toEqual([
      'taxlot: prices: 25 of 60 (asset, day) answered after T s, 0 found (0 from the cache, N HTTP requests)',
      'taxlot: prices: 50 of 60 (asset, day) answered after T s, 0 found (0 from the cache, N HTTP requests)',
      'taxlot: prices: 0 of 60 (asset, day) found in T s (0 from the cache, N HTTP requests)',
    ]);
  });

  it('a line every 25 prices or so often, and a last line, while requests are made; nothing when all come from the cache', async () => {
    server.always({ hang: true });
    await fetchMissingPrices(requests.slice(0, 1), provider({ deadlineMs: 700, progressEveryMs: 200 }), 'UTC');
    expect(lines.length).toBeGreaterThanOrEqual(3); // periodic lines while the request hangs, then the last
    expect(lines.at(-1)).toMatch(/^taxlot: prices: 0 of 1 \(asset, day\) found in 0\.\d s \(0 from the cache, 1 HTTP request, 1 not fetched by the deadline\)$/);
    expect(lines[0]).toMatch(/^taxlot: prices: 0 of 1 \(asset, day\) answered after 0\.\d s, 0 found/);

    server.always(undefined);
    lines = [];
    await fetchMissingPrices(requests, provider({}), 'UTC');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^taxlot: prices: 12 of 12 \(asset, day\) found in \d+\.\d s \(0 from the cache, 12 HTTP requests\)$/);

    lines = [];
    const again = await fetchMissingPrices(requests, provider({}), 'UTC');
    expect(again.points).toHaveLength(12);
    expect(server.requests).toHaveLength(13); // 1 hung + 12; the cache served the third run
    expect(lines).toEqual([]);
  });
});
