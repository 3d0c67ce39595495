/**
 * The CoinGecko provider against a real HTTP server on 127.0.0.1 (test/support/coingecko-server.ts):
 * no mocked fetch. Backoff waits are recorded by an injected `sleep` (so the tests assert which
 * delays were asked for, not how long anything took); the timeout test uses a short configured
 * timeout and asserts only the outcome.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPriceServer, type PriceServer } from '../../../test/support/coingecko-server.js';
import { buildCoinMap } from './coin-ids.js';
import { createCoinGeckoProvider, DEFAULT_LIMITS, defaultApiKeyHeader, type CoinGeckoConfig, type DailyPriceResult } from './coingecko-provider.js';
import { createPriceCache } from './price-cache.js';

let server: PriceServer;
let cacheDir: string;
let sleeps: number[];

beforeEach(async () => {
  server = await startPriceServer({
    // Written into the JSON verbatim: 24 significant digits, more than a double holds (~17).
    ethereum: { '10-03-2024': { usd: '3880.123456789012345678', eur: '3551.5' } },
    bitcoin: { '20-06-2024': { usd: '65000', eur: '6.05e4' } },
    polkadot: {},
  });
  cacheDir = mkdtempSync(join(tmpdir(), 'taxlot-cache-'));
  sleeps = [];
});
afterEach(async () => {
  await server.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

const provider = (overrides: Partial<CoinGeckoConfig> = {}) =>
  createCoinGeckoProvider({
    baseUrl: server.url,
    apiKeyHeader: 'x-cg-demo-api-key',
    coinMap: buildCoinMap(),
    cache: createPriceCache(cacheDir, 'coingecko', server.url),
    limits: DEFAULT_LIMITS,
    retry: {
      timeoutMs: 5_000,
      attempts: 4,
      backoffMs: 10,
      maxRetryAfterMs: 60_000,
      now: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    ...overrides,
  });

const priceText = (r: DailyPriceResult): string => (r.kind === 'price' ? r.price.toFixed() : `none: ${r.diagnostic.code} ${r.diagnostic.message}`);
const ok = { status: 200, body: '{"id":"ethereum","market_data":{"current_price":{"usd":3880.5}}}' };

describe('normal answers', () => {
  it('asks /coins/{id}/history with DD-MM-YYYY and reads the number exactly, without a float', async () => {
    const p = provider({ apiKey: 'demo-key' });
    expect(priceText(await p.dailyPrice('ETH', '2024-03-10', 'USD'))).toBe('3880.123456789012345678');
    expect(server.requests).toHaveLength(1);
    const r = server.requests[0]!;
    expect(r.path).toBe('/api/v3/coins/ethereum/history');
    expect(r.query.get('date')).toBe('10-03-2024');
    expect(r.query.get('localization')).toBe('false');
    expect(r.headers['x-cg-demo-api-key']).toBe('demo-key');
  });

  it('one request per (coin, date): other currencies of the same day come from that answer', async () => {
    const p = provider();
    expect(priceText(await p.dailyPrice('BTC', '2024-06-20', 'EUR'))).toBe('60500'); // 6.05e4, exponent read exactly
    expect(priceText(await p.dailyPrice('BTC', '2024-06-20', 'USD'))).toBe('65000');
    expect(server.requests).toHaveLength(1);
  });

  it('the key header name is configurable, and pro hosts default to the pro header', async () => {
    const p = provider({ apiKey: 'k', apiKeyHeader: 'x-cg-pro-api-key' });
    await p.dailyPrice('ETH', '2024-03-10', 'USD');
    expect(server.requests[0]!.headers['x-cg-pro-api-key']).toBe('k');
    expect(server.requests[0]!.headers['x-cg-demo-api-key']).toBeUndefined();
    expect(defaultApiKeyHeader('https://pro-api.coingecko.com/api/v3')).toBe('x-cg-pro-api-key');
    expect(defaultApiKeyHeader('https://api.coingecko.com/api/v3')).toBe('x-cg-demo-api-key');
  });
});

describe('the disk cache', () => {
  it('a second provider on the same cache makes no request and gives the same price', async () => {
    expect(priceText(await provider().dailyPrice('ETH', '2024-03-10', 'USD'))).toBe('3880.123456789012345678');
    expect(server.requests).toHaveLength(1);
    const again = provider();
    expect(priceText(await again.dailyPrice('ETH', '2024-03-10', 'EUR'))).toBe('3551.5');
    expect(server.requests).toHaveLength(1);
    expect(again.stats).toEqual({ requests: 0, cacheHits: 1, asked: 0 });
    // The cached file holds exact decimal strings.
    const cached = JSON.parse(readFileSync(join(cacheDir, 'coingecko', 'ethereum', '2024-03-10.json'), 'utf8'));
    expect(cached).toEqual({
      schema: 2,
      provider: 'coingecko',
      coin: 'ethereum',
      date: '2024-03-10',
      source: server.url,
      prices: { eur: '3551.5', usd: '3880.123456789012345678' },
    });
  });

  it('no market data for the date is a diagnostic, and is cached as a fact', async () => {
    const first = await provider().dailyPrice('DOT', '2024-05-01', 'USD');
    expect(priceText(first)).toBe('none: PRICE_PROVIDER_NO_PRICE the provider has no market data for that date: DOT (polkadot) on 2024-05-01');
    const second = await provider().dailyPrice('DOT', '2024-05-01', 'USD');
    expect(priceText(second)).toBe(priceText(first));
    expect(server.requests).toHaveLength(1);
  });

  it('a corrupt cache file is not used: a warning names it, and the price is fetched again', async () => {
    await provider().dailyPrice('ETH', '2024-03-10', 'USD');
    const cache = createPriceCache(cacheDir, 'coingecko');
    expect(cache.get('ethereum', '2024-03-10').kind).toBe('hit');
    const file = join(cacheDir, 'coingecko', 'ethereum', '2024-03-10.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '{"schema":2,"provider":"coingecko","coin":"ethereum","date":"2024-03-10","prices":{"usd":3880.1}}');
    // a JSON number is refused: prices are strings
    expect(cache.get('ethereum', '2024-03-10')).toEqual({ kind: 'invalid', file, reason: 'the usd price is not a string' });
    const again = provider();
    expect(priceText(await again.dailyPrice('ETH', '2024-03-10', 'USD'))).toBe('3880.123456789012345678');
    expect(server.requests).toHaveLength(2);
    expect(again.warnings.map((w) => [w.code, w.severity, w.message])).toEqual([
      ['PRICE_CACHE_INVALID', 'warning', `1 price cache entry was not valid and was ignored and fetched again: ${file} (the usd price is not a string)`],
    ]);
    expect(cache.get('ethereum', '2024-03-10').kind).toBe('hit'); // rewritten
  });
});

describe('rate limits, server errors and timeouts', () => {
  it('429 with Retry-After: waits what the server asks, then succeeds', async () => {
    server.script(1, { status: 429, body: '{"status":{"error_code":429}}', headers: { 'retry-after': '7' } });
    server.script(2, ok);
    const p = provider();
    expect(priceText(await p.dailyPrice('ETH', '2024-03-10', 'USD'))).toBe('3880.5');
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([7000]);
  });

  it('a Retry-After longer than the cap is capped', async () => {
    server.script(1, { status: 429, body: '', headers: { 'retry-after': '3600' } });
    server.script(2, ok);
    await provider().dailyPrice('ETH', '2024-03-10', 'USD');
    expect(sleeps).toEqual([60_000]);
  });

  it('5xx twice, then success: exponential backoff (10 ms, then 20 ms)', async () => {
    server.script(1, { status: 503, body: 'unavailable' });
    server.script(2, { status: 502, body: '<html>bad gateway</html>' });
    server.script(3, ok);
    expect(priceText(await provider().dailyPrice('ETH', '2024-03-10', 'USD'))).toBe('3880.5');
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([10, 20]);
  });

  it('5xx on every attempt: a diagnostic after the configured attempts, and nothing cached', async () => {
    server.always({ status: 500, body: '' });
    const r = await provider().dailyPrice('ETH', '2024-03-10', 'USD');
    expect(priceText(r)).toBe('none: PRICE_PROVIDER_FAILED no answer for ETH (ethereum) on 2024-03-10: HTTP 500 after 4 attempts');
    expect(server.requests).toHaveLength(4);
    expect(sleeps).toEqual([10, 20, 40]);
    server.always(undefined);
    expect(priceText(await provider().dailyPrice('ETH', '2024-03-10', 'USD'))).toBe('3880.123456789012345678');
  });

  it('no answer within the timeout: the attempt is abandoned and retried', async () => {
    server.script(1, { hang: true });
    const p = provider({ retry: { timeoutMs: 150, attempts: 3, backoffMs: 10, maxRetryAfterMs: 0, now: () => 0, sleep: async () => undefined } });
    expect(priceText(await p.dailyPrice('ETH', '2024-03-10', 'USD'))).toBe('3880.123456789012345678');
    expect(server.requests).toHaveLength(2);
  });

  it('never an answer: a diagnostic naming the timeout', async () => {
    server.always({ hang: true });
    const p = provider({ retry: { timeoutMs: 100, attempts: 2, backoffMs: 10, maxRetryAfterMs: 0, now: () => 0, sleep: async () => undefined } });
    expect(priceText(await p.dailyPrice('ETH', '2024-03-10', 'USD'))).toBe(
      'none: PRICE_PROVIDER_FAILED no answer for ETH (ethereum) on 2024-03-10: no answer within 100 ms after 2 attempts',
    );
    expect(server.requests).toHaveLength(2);
  });
});

describe('bad answers and unknown coins are diagnostics, not crashes', () => {
  it.each([
    ['truncated JSON', '{"id":"ethereum","market_data":{"current_price":{"usd":38', 'is not valid JSON (unexpected end of input after 57 characters)'],
    ['an HTML page', '<html>maintenance</html>', 'is not valid JSON (unexpected token at character 1)'],
    ['a price object that is a list', '{"id":"ethereum","market_data":{"current_price":[1,2]}}', 'has no "market_data.current_price" object'],
    ['neither market data nor id', '{"status":"ok"}', 'has neither "market_data" nor "id"'],
  ])('%s', async (_name, body, message) => {
    server.always({ status: 200, body });
    const r = await provider().dailyPrice('ETH', '2024-03-10', 'USD');
    expect(priceText(r)).toBe(`none: PRICE_PROVIDER_BAD_RESPONSE the answer for ETH (ethereum) on 2024-03-10 ${message}`);
    expect(r.kind === 'none' && r.diagnostic.severity).toBe('warning');
  });

  it('a ticker without a coin id: a diagnostic and no request', async () => {
    const r = await provider().dailyPrice('NOPE', '2024-03-10', 'USD');
    expect(priceText(r)).toBe('none: PRICE_PROVIDER_UNKNOWN_COIN no coin id for NOPE: the provider cannot price it');
    expect(server.requests).toHaveLength(0);
  });

  it('a coin id the server does not know (404): a diagnostic with a hint to the coin map', async () => {
    const p = provider({ coinMap: buildCoinMap({ MYC: 'my-coin' }) });
    const r = await p.dailyPrice('MYC', '2024-03-10', 'USD');
    expect(priceText(r)).toBe('none: PRICE_PROVIDER_UNKNOWN_COIN the provider does not know the coin id "my-coin" (for MYC)');
    expect(r.kind === 'none' && r.diagnostic.hint).toContain('--price-coin-map');
  });

  it('a currency the answer does not have', async () => {
    expect(priceText(await provider().dailyPrice('ETH', '2024-03-10', 'GBP'))).toBe(
      'none: PRICE_PROVIDER_NO_PRICE the provider has no GBP price: ETH (ethereum) on 2024-03-10',
    );
  });

  it('a refused key (401) says which header was used', async () => {
    server.always({ status: 401, body: '{"error":"invalid key"}' });
    const r = await provider({ apiKey: 'bad' }).dailyPrice('ETH', '2024-03-10', 'USD');
    expect(priceText(r)).toBe('none: PRICE_PROVIDER_FAILED the provider refused the request for ETH (ethereum) on 2024-03-10 (HTTP 401)');
    expect(r.kind === 'none' && r.diagnostic.hint).toContain('"x-cg-demo-api-key"');
  });
});
