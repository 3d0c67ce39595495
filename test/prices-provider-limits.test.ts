/**
 * `taxlot report` with the online provider against servers that fail in the ways issue #17 lists,
 * through `main()` in process (the server is a real HTTP server on 127.0.0.1 in this process):
 * a server that never answers ends at `--price-deadline` with the prices reported missing, and
 * absurd prices (`1e999999999`) are refused, so the report holds no such value. The scenario is
 * fixtures/scenarios/prices-binance (8 (asset, day) prices to fetch, see prices-binance.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { startPriceServer, type PriceServer } from './support/coingecko-server.js';
import { FIXTURES } from './support/run-report.js';

const INPUT = join(FIXTURES, 'scenarios', 'prices-binance', 'input');
let server: PriceServer;
let dir: string;

beforeEach(async () => {
  server = await startPriceServer({});
  dir = mkdtempSync(join(tmpdir(), 'taxlot-limits-'));
  writeFileSync(join(dir, 'rates.csv'), 'date,asset,currency,price\n2024-01-15,EUR,USD,1.10\n');
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = (...extra: string[]) =>
  main([
    'report', INPUT, '--prices', join(dir, 'rates.csv'), '--out', join(dir, 'out'), '--no-pdf',
    '--price-provider', 'coingecko', '--price-api-url', server.url, '--price-cache', join(dir, 'cache'), ...extra,
  ]);

describe('the provider cannot hang or poison a report', () => {
  it('a server that never answers: the run ends at --price-deadline, the prices are missing, exit 1', async () => {
    server.always({ hang: true });
    const started = Date.now();
    const r = await report('--price-deadline', '1', '--price-timeout', '20');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.exitCode).toBe(1);
    expect(server.requests).toHaveLength(4); // the default concurrency; nothing else was started
    const diagnostics = readFileSync(join(dir, 'out', 'diagnostics.txt'), 'utf8');
    expect(diagnostics).toContain('PRICE_PROVIDER_FAILED: the price deadline (--price-deadline 1 s) passed: 8 of 8 prices were not fetched');
    expect(diagnostics).toContain('PRICE_MISSING');
  });

  it('prices of 1e999999999 are refused: the run finishes, nothing of them reaches the report', async () => {
    server.always({ status: 200, body: '{"id":"ethereum","market_data":{"current_price":{"usd":1e999999999}}}' });
    const r = await report();
    expect(r.exitCode).toBe(1);
    const summary = readFileSync(join(dir, 'out', 'summary.json'), 'utf8');
    expect(summary.length).toBeLessThan(20_000);
    expect(JSON.parse(summary).income.total).toBe('0.00'); // the staking income has no price: missing, not 1e999999999
    const diagnostics = readFileSync(join(dir, 'out', 'diagnostics.txt'), 'utf8');
    expect(diagnostics).toContain("the provider's USD price for ETH (ethereum) on 2024-03-10 is refused: out of range (about 1e999999999");
    expect(diagnostics).toContain('is about another coin ("ethereum"), not "bitcoin"');
  });

  it('bad answers are not cached: the next run against a good server writes the report of the good prices', async () => {
    server.always({ status: 200, body: '{"id":"ethereum","market_data":{"current_price":{"usd":-3880,"eur":"3551.5"}}}' });
    expect((await report()).exitCode).toBe(1);
    const good = await startPriceServer({
      ethereum: { '10-03-2024': { usd: '3880.00' }, '01-04-2024': { usd: '3650' }, '01-07-2024': { usd: '3440.0' }, '31-12-2024': { usd: '3330' } },
      bitcoin: { '20-06-2024': { usd: '65000' }, '31-12-2024': { usd: '93500' } },
      polkadot: { '01-05-2024': { usd: '6.8' } },
    });
    try {
      const r = await main([
        'report', INPUT, '--prices', join(dir, 'rates.csv'), '--out', join(dir, 'out'), '--no-pdf',
        '--price-provider', 'coingecko', '--price-api-url', good.url, '--price-cache', join(dir, 'cache'),
      ]);
      expect(r.exitCode).toBe(0);
      expect(good.requests).toHaveLength(8); // nothing of the bad server's answers was remembered
      const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
      // the hand computation of prices-binance.test.ts: short-term gain 2084.64, staking income 81.18
      expect(summary.capitalGains.net).toBe('2084.64');
      expect(summary.income.total).toBe('81.18');
    } finally {
      await good.close();
    }
  });

  it.each([
    [['--price-deadline', '0'], '--price-deadline must be a number of seconds above 0 and at most 86400, got 0'],
    [['--price-concurrency', '0'], '--price-concurrency must be a whole number from 1 to 16, got 0'],
    [['--price-concurrency', '17'], '--price-concurrency must be a whole number from 1 to 16, got 17'],
    [['--price-concurrency', '2.5'], '--price-concurrency must be a whole number from 1 to 16, got 2.5'],
  ])('%j is a usage error', async (extra, message) => {
    const r = await report(...extra);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
    expect(server.requests).toHaveLength(0);
  });
});
