/**
 * fixtures/scenarios/prices-binance: Binance spot trades (a BTCEUR buy, ETHBTC buys and a sale)
 * and Binance statement staking rewards, valued from a price table, from nothing, from the table
 * `taxlot prices missing` writes, and from an online provider (a real HTTP server on 127.0.0.1).
 * The CLI runs in process through `main()` (the provider's server lives in this process).
 *
 * Hand computation (all USD; table prices in fixtures/scenarios/prices-binance/prices.csv):
 *  T1 2024-01-15 buy 0.2002 BTC for 7807.80 EUR, fee 0.0002 BTC (out of the BTC received):
 *     cost 7807.80 × 1.10 (EUR→USD) = 8588.58 for 0.2 BTC → 42942.90 per BTC.
 *  T2 2024-03-10 14:30:00 buy 1 ETH for 0.055 BTC, fee 0.001 ETH (ETH = 3880):
 *     value 1 × 3880 = 3880; fee 0.001 × 3880 = 3.88; BTC proceeds 3880 − 3.88 = 3876.12;
 *     BTC basis 0.055 × 42942.90 = 2361.8595; ETH lot A 0.999 ETH, basis 3876.12 (3880 / ETH).
 *  T3 2024-03-10 14:30:05 buy 0.5 ETH for 0.0275 BTC, fee 0.0005 ETH:
 *     value 1940; fee 1.94; BTC proceeds 1938.06; basis 0.0275 × 42942.90 = 1180.92975;
 *     ETH lot B 0.4995 ETH, basis 1938.06.
 *  T4 2024-06-20 sell 0.5 ETH for 0.027 BTC, fee 0.000027 BTC (BTC = 65000):
 *     value 0.027 × 65000 = 1755; fee 0.000027 × 65000 = 1.755; ETH proceeds 1753.245;
 *     basis (FIFO, lot A) 0.5 × 3880 = 1940; BTC lot 0.026973, basis 1753.245.
 *  Short term: proceeds 3876.12 + 1938.06 + 1753.245 = 7567.425 → 7567.42 (half-even);
 *     basis 2361.8595 + 1180.92975 + 1940 = 5482.78925 → 5482.79;
 *     gain 7567.425 − 5482.78925 = 2084.63575 → 2084.64.
 *  Staking: 0.01 ETH × 3650 = 36.50; 0.5 DOT × 6.80 = 3.40; 0.012 ETH × 3440 = 41.28; total 81.18.
 *  Year end (2024-12-31: BTC 93500, ETH 3330, DOT no price):
 *     BTC 0.1175 + 0.026973 = 0.144473; basis (8588.58 − 2361.8595 − 1180.92975) + 1753.245
 *       = 5045.79075 + 1753.245 = 6799.03575 → 6799.04; value 0.144473 × 93500 = 13508.2255 → 13508.23;
 *       unrealized 13508.23 − 6799.04 = 6709.19.
 *     ETH 0.499 + 0.4995 + 0.01 + 0.012 = 1.0205; basis 1936.12 + 1938.06 + 36.50 + 41.28 = 3951.96;
 *       value 1.0205 × 3330 = 3398.265 → 3398.26 (half-even); unrealized 3398.26 − 3951.96 = −553.70.
 *     DOT 0.5, basis 3.40, no price: a note (informational), empty value.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { startPriceServer, type PriceServer } from './support/coingecko-server.js';
import { FIXTURES } from './support/run-report.js';

const SCENARIO = join(FIXTURES, 'scenarios', 'prices-binance');
const INPUT = join(SCENARIO, 'input');
const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'taxlot-prices-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const summaryOf = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
const read = (out: string, file: string) => readFileSync(join(out, file), 'utf8');

const CAPITAL_GAINS = {
  shortTerm: { proceeds: '7567.42', costBasis: '5482.79', adjustment: '0.00', gain: '2084.64', disposals: 3 },
  longTerm: { proceeds: '0.00', costBasis: '0.00', adjustment: '0.00', gain: '0.00', disposals: 0 },
  net: '2084.64',
  // tax year 2024: every line in box C (the three form8949.csv lines checked below)
  byBox: { C: { proceeds: '7567.42', costBasis: '5482.79', adjustment: '0.00', gain: '2084.64', lines: 3 } },
};
const INCOME = { total: '81.18', byKind: { staking: '81.18', airdrop: '0.00', mining: '0.00', interest: '0.00', reward: '0.00', other: '0.00' } };
const HOLDINGS = [
  'asset,quantity,cost_basis,year_end_price,market_value,unrealized_gain,price_source,lots,unknown_basis_quantity,valued_at',
  'BTC,0.144473,6799.04,93500,13508.23,6709.19,price-table,2,0,2024-12-31',
  'DOT,0.5,3.40,,,,missing,1,0,2024-12-31',
  'ETH,1.0205,3951.96,3330,3398.26,-553.70,price-table,4,0,2024-12-31',
  '',
].join('\n');

describe('with the price table', () => {
  let out: string;
  let code: number;
  beforeAll(async () => {
    out = join(tmp(), 'report');
    code = (await main(['report', INPUT, '--prices', join(SCENARIO, 'prices.csv'), '--out', out, '--no-pdf'])).exitCode;
  });

  it('capital gains and staking income match the hand computation to the cent', () => {
    expect(code).toBe(0);
    const s = summaryOf(out);
    expect(s.currency).toBe('USD');
    expect(s.capitalGains).toEqual(CAPITAL_GAINS);
    expect(s.income).toEqual(INCOME);
    expect(s.diagnostics).toEqual({ errors: 0, warnings: 0 }); // DOT has no year-end price: a note, not a warning
  });

  it('the audit trail names the source of each value', () => {
    const sources = read(out, 'form8949.csv').trim().split('\n').slice(1).map((l) => l.split(',')[15]);
    expect(sources).toEqual(['price-table', 'price-table', 'price-table']);
    expect(read(out, 'income.csv')).toContain('2024-05-01,2024-05-01T00:00:00Z,staking,DOT,0.5,3.40,price-table,binance,');
  });

  it('holdings.csv values each asset at the year end; open-lots.csv each lot', () => {
    expect(read(out, 'holdings.csv')).toBe(HOLDINGS);
    const lots = read(out, 'open-lots.csv').trim().split('\n').map((l) => l.split(','));
    expect(lots[0]?.slice(-3)).toEqual(['market_value', 'unrealized_gain', 'price_source']);
    // quantity, market value, unrealized gain (per line: rounded value − rounded basis), source
    expect(lots.slice(1).map((c) => [c[0], c[2], ...c.slice(-3)])).toEqual([
      ['BTC', '0.1175', '10986.25', '5940.46', 'price-table'], // 0.1175 × 93500; 10986.25 − 5045.79
      ['BTC', '0.026973', '2521.98', '768.74', 'price-table'], // 2521.9755 → 2521.98; − 1753.24 (1753.245 half-even)
      ['DOT', '0.5', '', '', 'missing'],
      ['ETH', '0.499', '1661.67', '-274.45', 'price-table'], // 0.499 × 3330; − 1936.12
      ['ETH', '0.4995', '1663.34', '-274.72', 'price-table'], // 1663.335 → 1663.34; − 1938.06
      ['ETH', '0.01', '33.30', '-3.20', 'price-table'],
      ['ETH', '0.012', '39.96', '-1.32', 'price-table'],
    ]);
    expect(read(out, 'diagnostics.txt')).toContain('note PRICE_MISSING_YEAR_END: no USD price for DOT at the end of 2024-12-31');
  });
});

describe('without prices', () => {
  it('exit 1 with one PRICE_MISSING per (asset, date), rates named as rates', async () => {
    const out = join(tmp(), 'report');
    const r = await main(['report', INPUT, '--out', out, '--no-pdf']);
    expect(r.exitCode).toBe(1);
    const missing = r.stderr.split('\n').filter((l) => l.includes('PRICE_MISSING:')).map((l) => l.replace(/^.*PRICE_MISSING: /, ''));
    expect(missing).toEqual([
      'no USD price for ETH on 2024-04-01 (needed for staking income); valued at 0',
      'no USD price for DOT on 2024-05-01 (needed for staking income); valued at 0',
      'no USD price for ETH on 2024-07-01 (needed for staking income); valued at 0',
      'no USD rate for EUR on 2024-01-15 (needed for a trade); valued at 0',
      'no USD price for ETH on 2024-03-10 (needed for a trade, and 1 more value that day); valued at 0',
      'no USD price for BTC on 2024-06-20 (needed for a trade); valued at 0',
    ]);
    expect(summaryOf(out).diagnostics).toEqual({ errors: 6, warnings: 0 }); // year-end gaps (BTC, DOT, ETH) are notes
  });

  it('`taxlot prices missing` writes exactly those rows; filled in, the report exits 0 with the same figures', async () => {
    const dir = tmp();
    const needed = join(dir, 'prices-needed.csv');
    const r = await main(['prices', 'missing', INPUT, '--out', needed]);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(needed, 'utf8')).toBe(readFileSync(join(SCENARIO, 'prices-needed.expected.csv'), 'utf8'));
    // Fill the price column with the values of the scenario's table.
    const fill: Record<string, string> = {
      '2024-01-15,EUR': '1.10', '2024-03-10,ETH': '3880.00', '2024-04-01,ETH': '3650.00',
      '2024-05-01,DOT': '6.80', '2024-06-20,BTC': '65000.00', '2024-07-01,ETH': '3440.00',
    };
    const filled = readFileSync(needed, 'utf8').trim().split('\n')
      .map((line, i) => (i === 0 ? line : `${line}${fill[line.split(',').slice(0, 2).join(',')] ?? 'UNFILLED'}`));
    writeFileSync(needed, `${filled.join('\n')}\n`);
    expect(readFileSync(needed, 'utf8')).not.toContain('UNFILLED');
    const out = join(dir, 'report');
    const again = await main(['report', INPUT, '--prices', needed, '--out', out, '--no-pdf']);
    expect(again.exitCode).toBe(0);
    expect(summaryOf(out).capitalGains).toEqual(CAPITAL_GAINS);
    expect(summaryOf(out).income).toEqual(INCOME);
  });

  it('`--year-end` also lists the December 31 prices of the holdings', async () => {
    const needed = join(tmp(), 'p.csv');
    await main(['prices', 'missing', INPUT, '--out', needed, '--year-end']);
    expect(readFileSync(needed, 'utf8').split('\n').filter((l) => l.startsWith('2024-12-31'))).toEqual([
      '2024-12-31,BTC,USD,', '2024-12-31,DOT,USD,', '2024-12-31,ETH,USD,',
    ]);
  });
});

describe('with the online provider (CoinGecko-compatible server on 127.0.0.1)', () => {
  let server: PriceServer;
  beforeAll(async () => {
    server = await startPriceServer({
      ethereum: { '10-03-2024': { usd: '3880.00' }, '01-04-2024': { usd: '3650' }, '01-07-2024': { usd: '3440.0' }, '31-12-2024': { usd: '3330' } },
      bitcoin: { '20-06-2024': { usd: '65000' }, '31-12-2024': { usd: '93500' } },
      polkadot: { '01-05-2024': { usd: '6.8' } }, // and no market data on 31-12-2024
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('the first run fetches, the second makes no request and writes byte-identical files', async () => {
    const dir = tmp();
    // Exchange rates are not fetched: the table holds only the EUR rate.
    writeFileSync(join(dir, 'rates.csv'), 'date,asset,currency,price\n2024-01-15,EUR,USD,1.10\n');
    const args = (out: string) => [
      'report', INPUT, '--prices', join(dir, 'rates.csv'), '--out', out, '--no-pdf',
      '--price-provider', 'coingecko', '--price-api-url', server.url, '--price-cache', join(dir, 'cache'),
      '--price-concurrency', '1', // one at a time, so the server sees the requests in the order sent
    ];
    const first = await main(args(join(dir, 'a')));
    expect(first.exitCode).toBe(0);
    // 5 (asset, date) values + 3 year-end prices, one request each, in (date, asset) order.
    expect(server.requests.map((r) => `${r.path.split('/')[4]} ${r.query.get('date')}`)).toEqual([
      'ethereum 10-03-2024', 'ethereum 01-04-2024', 'polkadot 01-05-2024', 'bitcoin 20-06-2024',
      'ethereum 01-07-2024', 'bitcoin 31-12-2024', 'polkadot 31-12-2024', 'ethereum 31-12-2024',
    ]);
    const a = join(dir, 'a');
    expect(summaryOf(a).capitalGains).toEqual(CAPITAL_GAINS);
    expect(summaryOf(a).income).toEqual(INCOME);
    expect(read(a, 'form8949.csv').trim().split('\n').slice(1).map((l) => l.split(',')[15])).toEqual(['provider', 'provider', 'provider']);
    expect(read(a, 'holdings.csv')).toBe(HOLDINGS.replaceAll('price-table', 'provider'));
    expect(read(a, 'diagnostics.txt')).toContain('coingecko: warning PRICE_PROVIDER_NO_PRICE: the provider has no market data for that date: DOT (polkadot) on 2024-12-31');

    const before = server.requests.length;
    const second = await main(args(join(dir, 'b')));
    expect(second.exitCode).toBe(0);
    expect(server.requests.length).toBe(before); // everything came from the cache (DOT's missing day too)
    const files = readdirSync(a).sort();
    expect(readdirSync(join(dir, 'b')).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(dir, 'b', f)), f).toEqual(readFileSync(join(a, f)));
  });
});
