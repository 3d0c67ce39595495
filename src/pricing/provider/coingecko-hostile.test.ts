/**
 * The provider against hostile or broken servers — real HTTP servers on 127.0.0.1, started and
 * stopped by each test: prices out of range, negative, strings, answers about another coin,
 * currencies missing, huge bodies, redirects to another origin carrying the key, and a poisoned
 * cache followed by a good server. The expected values are the server's own data or the
 * documented refusals (README "What is validated").
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPriceServer, type PriceServer } from '../../../test/support/coingecko-server.js';
import { buildCoinMap } from './coin-ids.js';
import { createCoinGeckoProvider, DEFAULT_LIMITS, type CoinGeckoConfig, type DailyPriceResult } from './coingecko-provider.js';
import { createPriceCache } from './price-cache.js';

let good: PriceServer;
let cacheDir: string;
const servers: PriceServer[] = [];

beforeEach(async () => {
  good = await startPriceServer({ ethereum: { '10-03-2024': { usd: '3880.5', eur: '3551.5' } } });
  servers.push(good);
  cacheDir = mkdtempSync(join(tmpdir(), 'taxlot-hostile-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  rmSync(cacheDir, { recursive: true, force: true });
});

const hostile = async (body: string): Promise<PriceServer> => {
  const s = await startPriceServer({});
  s.always({ status: 200, body });
  servers.push(s);
  return s;
};

const provider = (server: PriceServer, overrides: Partial<CoinGeckoConfig> = {}) =>
  createCoinGeckoProvider({
    baseUrl: server.url,
    apiKeyHeader: 'x-cg-demo-api-key',
    coinMap: buildCoinMap(),
    cache: createPriceCache(cacheDir, 'coingecko', server.url),
    limits: DEFAULT_LIMITS,
    retry: { timeoutMs: 5_000, attempts: 2, backoffMs: 1, maxRetryAfterMs: 10, now: () => Date.now() },
    ...overrides,
  });

const show = (r: DailyPriceResult): string => (r.kind === 'price' ? r.price.toFixed() : `${r.diagnostic.code}: ${r.diagnostic.message}`);
const ethAnswer = (usd: string) => `{"id":"ethereum","market_data":{"current_price":{"usd":${usd},"eur":3551.5}}}`;
const cacheFile = () => join(cacheDir, 'coingecko', 'ethereum', '2024-03-10.json');
const what = 'the provider\'s USD price for ETH (ethereum) on 2024-03-10 is refused';

describe('prices that are refused, not used and not cached', () => {
  it.each([
    ['1e999', `${what}: out of range (about 1e999; accepted: 1e-30 to 1e16) (1e999)`],
    ['1e999999999', `${what}: out of range (about 1e999999999; accepted: 1e-30 to 1e16) (1e999999999)`],
    ['-3880.5', `${what}: negative (-3880.5)`],
    ['0', `${what}: zero (a price must be positive) (0)`],
    ['1e-31', `${what}: out of range (about 1e-31; accepted: 1e-30 to 1e16) (1e-31)`],
    ['"3880.5"', `${what}: not a number ("3880.5")`],
    ['null', `${what}: not a number (null)`],
    ['1.00000000000000000000000000000000000000001', `${what}: 42 significant digits (a price has at most 40) (1.0000000000000000000000…(43 characters))`],
  ])('usd = %s', async (usd, message) => {
    const bad = await hostile(ethAnswer(usd));
    const started = Date.now();
    const r = await provider(bad).dailyPrice('ETH', '2024-03-10', 'USD');
    expect(Date.now() - started).toBeLessThan(2_000); // 1e999999999 is refused on its text, no billion-digit number
    expect(show(r)).toBe(`PRICE_PROVIDER_BAD_RESPONSE: ${message}`);
    expect(existsSync(cacheFile())).toBe(false);
    // the next run, against a good server, asks again and gets the true price
    expect(show(await provider(good).dailyPrice('ETH', '2024-03-10', 'USD'))).toBe('3880.5');
    expect(good.requests).toHaveLength(1);
  });

  it('the other, valid currencies of such an answer are still usable in this run', async () => {
    const bad = await hostile(ethAnswer('-1'));
    const p = provider(bad);
    expect(show(await p.dailyPrice('ETH', '2024-03-10', 'EUR'))).toBe('3551.5');
    expect(show(await p.dailyPrice('ETH', '2024-03-10', 'USD'))).toBe(`PRICE_PROVIDER_BAD_RESPONSE: ${what}: negative (-1)`);
    expect(bad.requests).toHaveLength(1);
  });

  it('the smallest and largest accepted prices are used exactly', async () => {
    const edge = await hostile('{"id":"ethereum","market_data":{"current_price":{"usd":1e-30,"eur":9999999999999999.5}}}');
    const p = provider(edge);
    expect(show(await p.dailyPrice('ETH', '2024-03-10', 'USD'))).toBe(`0.${'0'.repeat(29)}1`);
    expect(show(await p.dailyPrice('ETH', '2024-03-10', 'EUR'))).toBe('9999999999999999.5');
  });
});

describe('answers that are refused as a whole', () => {
  it.each([
    ['about another coin', '{"id":"bitcoin","market_data":{"current_price":{"usd":65000}}}', 'is about another coin ("bitcoin"), not "ethereum"'],
    ['a coin id that is not a string', '{"id":7,"market_data":{"current_price":{"usd":65000}}}', 'is about another coin (7), not "ethereum"'],
    ['no id at all', '{"market_data":{"current_price":{"usd":65000}}}', 'does not say which coin it is about (no "id")'],
    ['"no data" about another coin', '{"id":"bitcoin"}', 'is about another coin ("bitcoin"), not "ethereum"'],
    ['a list', '[1,2,3]', 'is not a JSON object'],
  ])('%s', async (_name, body, problem) => {
    const bad = await hostile(body);
    expect(show(await provider(bad).dailyPrice('ETH', '2024-03-10', 'USD'))).toBe(
      `PRICE_PROVIDER_BAD_RESPONSE: the answer for ETH (ethereum) on 2024-03-10 ${problem}`,
    );
    expect(existsSync(cacheFile())).toBe(false);
  });

  it('a body over 1 MiB, announced or streamed without a length, is refused and not retried', async () => {
    const big = await startPriceServer({});
    servers.push(big);
    const chunk = `{"id":"ethereum","pad":"${'x'.repeat(64 * 1024)}"}`;
    big.script(1, { status: 200, body: chunk.repeat(20) }); // Content-Length of 1.3 MB
    big.script(2, { status: 200, body: chunk, repeat: 40 }); // chunked, 2.6 MB
    for (const date of ['2024-03-10', '2024-03-11']) {
      expect(show(await provider(big).dailyPrice('ETH', date, 'USD'))).toBe(
        `PRICE_PROVIDER_BAD_RESPONSE: the answer for ETH (ethereum) on ${date} is refused: the answer is larger than 1048576 bytes`,
      );
    }
    expect(big.requests).toHaveLength(2);
  });

  it('a currency the answer lacks is "no price" now, but not remembered: a good server is asked next run', async () => {
    const partial = await hostile('{"id":"ethereum","market_data":{"current_price":{"eur":3551.5}}}');
    expect(show(await provider(partial).dailyPrice('ETH', '2024-03-10', 'USD'))).toBe(
      'PRICE_PROVIDER_NO_PRICE: the provider has no USD price: ETH (ethereum) on 2024-03-10',
    );
    expect(existsSync(cacheFile())).toBe(true); // the EUR price is a valid fact and is kept
    const next = provider(good);
    expect(show(await next.dailyPrice('ETH', '2024-03-10', 'EUR'))).toBe('3551.5');
    expect(good.requests).toHaveLength(0); // EUR came from the cache
    expect(show(await next.dailyPrice('ETH', '2024-03-10', 'USD'))).toBe('3880.5');
    expect(good.requests).toHaveLength(1);
  });
});

describe('redirects: never followed, the key never leaves the origin', () => {
  it.each([301, 302, 303, 307, 308])('HTTP %i to another host and port', async (status) => {
    const other = await startPriceServer({ ethereum: { '10-03-2024': { usd: '1' } } });
    servers.push(other);
    const origin = new URL(other.url).origin;
    good.always({ status, body: '', headers: { location: `${other.url}/coins/ethereum/history?date=10-03-2024` } });
    const r = await provider(good, { apiKey: 'secret-key' }).dailyPrice('ETH', '2024-03-10', 'USD');
    expect(show(r)).toBe(
      `PRICE_PROVIDER_FAILED: the answer for ETH (ethereum) on 2024-03-10 is refused: the server redirected (HTTP ${status}) to ${origin}; redirects are not followed`,
    );
    expect(r.kind === 'none' && r.diagnostic.hint).toContain('--price-api-url');
    expect(other.requests).toHaveLength(0); // neither the request nor the key reached it
    expect(good.requests).toHaveLength(1); // and it is not retried
    expect(good.requests[0]!.headers['x-cg-demo-api-key']).toBe('secret-key');
  });

  it('a redirect within the same origin is refused too (the answer must be for the URL asked)', async () => {
    good.always({ status: 302, body: '', headers: { location: '/api/v3/coins/bitcoin/history?date=01-01-2020' } });
    const r = await provider(good).dailyPrice('ETH', '2024-03-10', 'USD');
    expect(show(r)).toContain('redirected (HTTP 302) to http://127.0.0.1:');
    expect(show(r)).toContain('(same origin, another path)');
    expect(good.requests).toHaveLength(1);
  });
});

describe('a poisoned cache', () => {
  const entry = (prices: string) => `{"schema":2,"provider":"coingecko","coin":"ethereum","date":"2024-03-10","source":"x","prices":${prices}}`;
  it.each([
    ['a negative price', entry('{"usd":"-5"}'), 'the usd price is refused: negative'],
    ['an absurd price', entry('{"usd":"1e999999999"}'), 'the usd price is refused: out of range (about 1e999999999; accepted: 1e-30 to 1e16)'],
    ['another coin', entry('{"usd":"5"}').replace('"coin":"ethereum"', '"coin":"bitcoin"'), 'about another coin, not "ethereum"'],
    ['another date', entry('{"usd":"5"}').replace('2024-03-10', '2024-03-11'), 'for another date, not 2024-03-10'],
    ['another provider', entry('{"usd":"5"}').replace('"provider":"coingecko"', '"provider":"other"'), 'written for another provider, not coingecko'],
    ['the format of an older taxlot', '{"coin":"ethereum","date":"2024-03-10","prices":{}}', 'written by an older taxlot (no schema version)'],
    ['not JSON', '{"schema":2,', 'not valid JSON'],
  ])('%s: ignored with a warning, fetched again from the good server, rewritten', async (_name, text, reason) => {
    mkdirSync(join(cacheDir, 'coingecko', 'ethereum'), { recursive: true });
    writeFileSync(cacheFile(), text);
    const p = provider(good);
    expect(show(await p.dailyPrice('ETH', '2024-03-10', 'USD'))).toBe('3880.5');
    expect(good.requests).toHaveLength(1);
    expect(p.warnings.map((w) => w.message)).toEqual([`1 price cache entry was not valid and was ignored and fetched again: ${cacheFile()} (${reason})`]);
    expect(createPriceCache(cacheDir, 'coingecko').get('ethereum', '2024-03-10')).toEqual({ kind: 'hit', day: { prices: { eur: '3551.5', usd: '3880.5' } } });
  });
});
