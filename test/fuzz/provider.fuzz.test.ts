/**
 * The price provider's answers, fuzzed: fast-check builds JSON bodies (well-formed, hostile and
 * truncated) around the shape of a CoinGecko history answer — ids of this or another coin or of
 * the wrong type, prices as huge, tiny, negative, zero, string, null or nested values, currency
 * keys that are not codes — and arbitrary cache files. Properties: nothing throws; a price that
 * comes out is the number the body wrote, positive and within the documented range, and only from
 * an answer about the coin asked for; a cache entry read back holds only such prices.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/decimal.js';
import { buildCoinMap } from '../../src/pricing/provider/coin-ids.js';
import { createCoinGeckoProvider, DEFAULT_LIMITS } from '../../src/pricing/provider/coingecko-provider.js';
import { JsonNumber, member, parseJsonExact } from '../../src/pricing/provider/parse-json-exact.js';
import { createPriceCache } from '../../src/pricing/provider/price-cache.js';
import { readHistoryAnswer } from '../../src/pricing/provider/read-history-answer.js';
import { startPriceServer, type PriceServer } from '../support/coingecko-server.js';

const RUNS = Number(process.env['TAXLOT_FUZZ_RUNS'] ?? 120);
const LOW = new Dec('1e-30');
const HIGH = new Dec('1e16');

/** JSON number texts, from ordinary to hostile. */
const numberText = fc.oneof(
  fc.constantFrom('1e999', '1e999999999', '1E+999999999999', '-1', '-0', '0', '0.0', '1e-31', '1e-30', '9999999999999999.9', '1e16', '3880.5', '6.05e4', '1e-999999999'),
  fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 45n }), fc.option(fc.nat({ max: 10 ** 9 })), fc.option(fc.integer({ min: -40, max: 40 }))).map(
    ([neg, int, frac, exp]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `e${exp}`}`,
  ),
);
/** A JSON value text for a price slot: usually a number, sometimes anything else. */
const priceValue = fc.oneof(
  { weight: 6, arbitrary: numberText },
  { weight: 1, arbitrary: fc.constantFrom('"3880.5"', 'null', 'true', '[3880.5]', '{"v":1}', '"1e999999999"') },
);
const key = fc.oneof(fc.constantFrom('usd', 'eur', 'USD', 'gbp', '__proto__', 'constructor', 'u sd', ''), fc.string({ maxLength: 6 }));
const currentPrice = fc.array(fc.tuple(key, priceValue), { maxLength: 6 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
const id = fc.option(
  fc.oneof({ weight: 4, arbitrary: fc.constant('"ethereum"') }, { weight: 1, arbitrary: fc.constantFrom('"bitcoin"', '"Ethereum"', '7', 'null', '["ethereum"]') }),
  { nil: undefined, freq: 8 },
);
const marketData = fc.option(
  fc.oneof({ weight: 4, arbitrary: currentPrice.map((c) => `{"current_price":${c},"market_cap":{"usd":1e999999999}}`) }, { weight: 1, arbitrary: fc.constantFrom('null', '[]', '{"current_price":[1]}', '"x"') }),
  { nil: undefined, freq: 8 },
);
const shaped = fc.tuple(id, marketData).map(([i, m]) => `{${[i === undefined ? '' : `"id":${i}`, m === undefined ? '' : `"market_data":${m}`].filter(Boolean).join(',')}}`);
/** Shaped bodies, cut short or with junk, arbitrary JSON, arbitrary text. */
const body = fc.oneof(
  { weight: 6, arbitrary: shaped },
  { weight: 2, arbitrary: fc.tuple(shaped, fc.nat()).map(([b, n]) => b.slice(0, n % (b.length + 1))) },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** An answer that always has a USD slot (the currency the HTTP property asks for), else anything. */
const usdBody = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(id, priceValue).map(([i, v]) => `{${i === undefined ? '' : `"id":${i},`}"market_data":{"current_price":{"eur":1,"usd":${v}}}}`) },
  { weight: 1, arbitrary: body },
);

/** Every price must be the body's own number for that currency, positive and in range. */
function expectSound(prices: Readonly<Record<string, string>> | null, text: string): void {
  if (prices === null) return;
  const parsed = parseJsonExact(text);
  expect(parsed.ok).toBe(true);
  const current = parsed.ok ? member(member(parsed.value, 'market_data'), 'current_price') : undefined;
  for (const [currency, price] of Object.entries(prices)) {
    const value = new Dec(price);
    expect(value.isFinite() && value.greaterThanOrEqualTo(LOW) && value.lessThan(HIGH), `${currency} ${price}`).toBe(true);
    const written = Object.entries(current as Record<string, unknown>).filter(([k]) => k.toLowerCase() === currency);
    expect(written).toHaveLength(1);
    expect(written[0]?.[1] instanceof JsonNumber && new Dec((written[0][1] as JsonNumber).text).equals(value)).toBe(true);
  }
}

describe('fuzz: provider answers', () => {
  it('readHistoryAnswer never throws; a price out of it is the body\'s, in range, about the coin asked for', () => {
    const seen = { prices: 0, refused: 0, notOk: 0 };
    fc.assert(
      fc.property(body, (text) => {
        const r = readHistoryAnswer(text, 'ethereum');
        if (!r.ok) return void seen.notOk++;
        const parsed = parseJsonExact(text);
        expect(parsed.ok && member(parsed.value, 'id')).toBe('ethereum');
        expectSound(r.day.prices, text);
        seen.prices += Object.keys(r.day.prices ?? {}).length;
        seen.refused += Object.keys(r.refused).length;
      }),
      { numRuns: RUNS * 4, seed: 20_261_204 },
    );
    // the generator reaches every outcome, so the property is not vacuous
    expect(Math.min(seen.prices, seen.refused, seen.notOk), JSON.stringify(seen)).toBeGreaterThan(10);
  });

  it('any cache file: read without throwing, and a hit holds only valid prices', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxlot-fuzz-cache-'));
    try {
      mkdirSync(join(dir, 'coingecko', 'ethereum'), { recursive: true });
      const cache = createPriceCache(dir, 'coingecko');
      const prices = fc.dictionary(key, fc.oneof(numberText, numberText.map((t) => JSON.stringify(t)), fc.constantFrom('null', '{}')), { maxKeys: 4 });
      const entry = fc.tuple(fc.constantFrom('2', '1', '"2"'), fc.constantFrom('"ethereum"', '"bitcoin"'), fc.constantFrom('"2024-03-10"', '"2024-03-11"'), prices).map(
        ([schema, coin, date, p]) => `{"schema":${schema},"provider":"coingecko","coin":${coin},"date":${date},"prices":{${Object.entries(p).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}}`,
      );
      fc.assert(
        fc.property(fc.oneof(entry, fc.string({ maxLength: 60 })), (text) => {
          writeFileSync(join(dir, 'coingecko', 'ethereum', '2024-03-10.json'), text);
          const r = cache.get('ethereum', '2024-03-10');
          if (r.kind !== 'hit' || r.day.prices === null) return;
          for (const price of Object.values(r.day.prices)) {
            const value = new Dec(price);
            expect(value.greaterThanOrEqualTo(LOW) && value.lessThan(HIGH), price).toBe(true);
          }
        }),
        { numRuns: RUNS * 2, seed: 20_261_205 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('through a real HTTP server on 127.0.0.1', () => {
    let server: PriceServer;
    let dir: string;
    beforeAll(async () => {
      server = await startPriceServer({});
      dir = mkdtempSync(join(tmpdir(), 'taxlot-fuzz-http-'));
    });
    afterAll(async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('the provider never throws; a price used, and what it caches, is sound', async () => {
      let n = 0;
      let used = 0;
      await fc.assert(
        fc.asyncProperty(usdBody, fc.constantFrom(200, 200, 200, 404, 500), async (text, status) => {
          server.always({ status, body: text });
          const date = `2024-03-${String((n++ % 28) + 1).padStart(2, '0')}`;
          const cacheDir = join(dir, String(n));
          const provider = createCoinGeckoProvider({
            baseUrl: server.url,
            apiKeyHeader: 'x-cg-demo-api-key',
            coinMap: buildCoinMap(),
            cache: createPriceCache(cacheDir, 'coingecko'),
            limits: DEFAULT_LIMITS,
            retry: { timeoutMs: 5_000, attempts: 1, backoffMs: 0, maxRetryAfterMs: 0, now: () => 0 },
          });
          const r = await provider.dailyPrice('ETH', date as never, 'USD');
          if (r.kind === 'price') {
            used++;
            expect(status).toBe(200);
            expect(r.price.greaterThanOrEqualTo(LOW) && r.price.lessThan(HIGH)).toBe(true);
            expectSound({ usd: r.price.toFixed() }, text);
          }
          const cached = createPriceCache(cacheDir, 'coingecko').get('ethereum', date);
          expect(cached.kind).not.toBe('invalid'); // what taxlot writes, it reads back
          if (cached.kind === 'hit') expectSound(cached.day.prices, text);
        }),
        { numRuns: Math.max(20, Math.round(RUNS / 3)), seed: 20_261_206 },
      );
      expect(used).toBeGreaterThan(0); // some answers were good enough to use
    });
  });
});
