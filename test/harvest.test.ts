/**
 * `taxlot harvest` end to end on fixtures/scenarios/harvest-2025 (README there), as-of 2025-12-15,
 * prices BTC 80,000, ETH 3,000, SOL 100 and none for XYZ. Every figure below is worked out by hand
 * from the history; the arithmetic is in the comments.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { startPriceServer } from './support/coingecko-server.js';
import { pdfText } from './support/pdf-text.js';
import { FIXTURES } from './support/run-report.js';

const FOLDER = join(FIXTURES, 'scenarios', 'harvest-2025');
const HISTORY = join(FOLDER, 'history.csv');
const PRICES = join(FOLDER, 'prices.csv');
const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'taxlot-harvest-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Json = Record<string, any>;

async function harvest(...extra: string[]): Promise<{ exitCode: number; stdout: string; stderr: string; out: string; json: Json }> {
  const out = join(tmp(), 'out');
  const r = await main(['harvest', HISTORY, '--prices', PRICES, '--as-of', '2025-12-15', '--out', out, ...extra]);
  const json = existsSync(join(out, 'harvest.json')) ? (JSON.parse(readFileSync(join(out, 'harvest.json'), 'utf8')) as Json) : {};
  return { ...r, out, json };
}

describe('taxlot harvest: open lots across two wallets and four assets at 2025-12-15 (FIFO)', () => {
  let r: Awaited<ReturnType<typeof harvest>>;
  beforeAll(async () => {
    r = await harvest();
  });

  it('exits 0 with one PRICE_MISSING warning (XYZ) and a note for the event after the as-of date', () => {
    expect(r.exitCode).toBe(0);
    expect(r.json['diagnostics']).toEqual({ errors: 0, warnings: 1 });
    const diagnostics = readFileSync(join(r.out, 'harvest-diagnostics.txt'), 'utf8');
    expect(diagnostics).toMatch(/warning PRICE_MISSING: no USD price for XYZ at the end of 2025-12-15/);
    expect(diagnostics).toMatch(/AFTER_AS_OF: 1 event dated after 2025-12-15 not booked/);
  });

  it('lists every open lot with value, unrealized result, term and long-term date', () => {
    expect(r.json['asOf']).toBe('2025-12-15');
    const rows = (r.json['lots'] as Json[]).map((l) => [l['wallet'], l['asset'], l['acquired'], l['units'], l['basis'], l['price'], l['value'], l['unrealized'], l['term'], l['longTermFrom']]);
    expect(rows).toEqual([
      // 0.5 BTC for 30,000 on 2023-11-01: 0.5 × 80,000 = 40,000, +10,000; held > 1 year;
      // anniversary 2024-11-01, so long-term from the day after. The 2025-12-20 sale is not booked.
      ['coinbase', 'BTC', '2023-11-01', '0.5', '30000.00', '80000.00', '40000.00', '10000.00', 'long', '2024-11-02'],
      // 1 BTC for 90,000: 80,000 − 90,000 = −10,000
      ['coinbase', 'BTC', '2024-01-10', '1', '90000.00', '80000.00', '80000.00', '-10000.00', 'long', '2025-01-11'],
      // 0.5 BTC for 50,000 on 2025-03-02: 40,000 − 50,000; short-term until 2026-03-02 inclusive
      ['coinbase', 'BTC', '2025-03-02', '0.5', '50000.00', '80000.00', '40000.00', '-10000.00', 'short', '2026-03-03'],
      // 50 SOL for 5,000, 20 sold on 2025-07-01 (FIFO: this lot): 30 left, basis 3,000, value 30 × 100
      ['coinbase', 'SOL', '2024-06-01', '30', '3000.00', '100.00', '3000.00', '0.00', 'long', '2025-06-02'],
      // 10 ETH for 40,000: 30,000 − 40,000
      ['ledger', 'ETH', '2025-02-01', '10', '40000.00', '3000.00', '30000.00', '-10000.00', 'short', '2026-02-02'],
      // 100 SOL for 25,000: 10,000 − 25,000
      ['ledger', 'SOL', '2025-05-20', '100', '25000.00', '100.00', '10000.00', '-15000.00', 'short', '2026-05-21'],
      // staking: 1 SOL at 150 is its basis; 100 − 150
      ['ledger', 'SOL', '2025-09-01', '1', '150.00', '100.00', '100.00', '-50.00', 'short', '2026-09-02'],
      // no XYZ price: listed at its basis, never valued at zero
      ['ledger', 'XYZ', '2025-10-01', '1000', '1000.00', null, null, null, 'short', '2026-10-02'],
    ]);
  });

  it('gives the year to date: January 1 through the as-of date', () => {
    // short-term: 2 ETH bought 2025-01-15 for 4,000, sold 2025-08-01 for 10,000 → +6,000
    // long-term: 20 SOL of the 2024-06-01 lot (basis 20 × 100 = 2,000) sold for 4,000 → +2,000
    // income: 1 SOL staked at 150. The 2025-12-20 BTC sale is after the as-of date.
    expect(r.json['yearToDate']).toEqual({ shortTerm: '6000.00', longTerm: '2000.00', net: '8000.00', income: '150.00' });
  });

  it('plans the sales: short-term losses against short-term gains, long-term against long-term, then the 3,000 limit', () => {
    const plan = r.json['plan'] as Json;
    // loss wanted = net 8,000 + limit 3,000
    expect(plan['lossWanted']).toBe('11000.00');
    const sales = plan['sales'] as Json[];
    expect(sales.map((s) => [s['step'], s['wallet'], s['asset'], s['acquired'], s['units']])).toEqual([
      // largest short-term loss: ledger SOL, 150 per unit (250 − 100): 6,000 / 150 = 40 units for
      // the short-term gains, then 3,000 / 150 = 20 more for the limit: 60 units
      ['short-term gains', 'ledger', 'SOL', '2025-05-20', '60'],
      // long-term gains 2,000 from the only long-term loss lot, 10,000 per BTC: 0.2 BTC
      ['long-term gains', 'coinbase', 'BTC', '2024-01-10', '0.2'],
    ]);
  });

  it('states what a sale of a loss lot realises identified and under FIFO', () => {
    const [sol, btc] = r.json['plan']['sales'] as Json[];
    // 60 SOL: proceeds 6,000, basis 60 × 250 = 15,000 → −9,000 short; FIFO in the ledger wallet
    // sells the oldest SOL lot, which is the same lot: the same −9,000
    expect(sol?.['specificId']).toEqual({ basis: '15000.00', realized: '-9000.00', term: 'short' });
    expect(sol?.['lotMethod']).toMatchObject({ method: 'FIFO', realized: '-9000.00', shortTerm: '-9000.00', longTerm: '0.00' });
    // 0.2 BTC in coinbase: identified, the 90,000 lot: 16,000 − 18,000 = −2,000 long-term.
    // FIFO sells coinbase's oldest lot (2023-11-01, 60,000 per BTC): 16,000 − 12,000 = +4,000.
    expect(btc?.['proceeds']).toBe('16000.00');
    expect(btc?.['specificId']).toEqual({ basis: '18000.00', realized: '-2000.00', term: 'long' });
    expect(btc?.['lotMethod']).toMatchObject({ method: 'FIFO', basis: '12000.00', realized: '4000.00', shortTerm: '0.00', longTerm: '4000.00' });
    expect(btc?.['lotMethod']['lots']).toEqual([{ lotId: 'L1', acquired: '2023-11-01', units: '0.2', basis: '12000.00', realized: '4000.00', term: 'long' }]);
  });

  it('gives, for each lot, what selling all its units alone would realise identified and under FIFO', () => {
    const of = (acquired: string) => (r.json['lots'] as Json[]).find((l) => l['acquired'] === acquired)?.['ifSoldNow'];
    // 1 BTC of the 90,000 lot, identified: −10,000 long. FIFO in coinbase takes the 2023 lot's
    // 0.5 (basis 30,000) and half this one (45,000): 80,000 − 75,000 = +5,000 long.
    expect(of('2024-01-10')).toEqual({ specificId: { realized: '-10000.00', term: 'long' }, lotMethod: { method: 'FIFO', realized: '5000.00', shortTerm: '0.00', longTerm: '5000.00' } });
    // 0.5 BTC of the 2025 lot: −10,000 short identified; FIFO sells the 2023 lot: 40,000 − 30,000 = +10,000 long
    expect(of('2025-03-02')).toEqual({ specificId: { realized: '-10000.00', term: 'short' }, lotMethod: { method: 'FIFO', realized: '10000.00', shortTerm: '0.00', longTerm: '10000.00' } });
    // the staked SOL (basis 150): FIFO in ledger sells 1 SOL of the 250 lot: 100 − 250 = −150
    expect(of('2025-09-01')?.['lotMethod']['realized']).toBe('-150.00');
    expect(of('2025-10-01')).toBeNull();
  });

  it('gives the year before and after the plan, both ways', () => {
    const plan = r.json['plan'] as Json;
    expect(plan['before']).toMatchObject({ shortTerm: '6000.00', longTerm: '2000.00', net: '8000.00', deductible: '0.00' });
    // identified: short 6,000 − 9,000 = −3,000; long 2,000 − 2,000 = 0; net −3,000, all deductible
    expect(plan['afterSpecificId']).toEqual({
      shortTerm: '-3000.00', longTerm: '0.00', net: '-3000.00', deductible: '3000.00', carryforwardShortTerm: '0.00', carryforwardLongTerm: '0.00',
    });
    // FIFO: short −3,000; long 2,000 + 4,000 = 6,000; net +3,000, nothing deductible
    expect(plan['afterLotMethod']).toMatchObject({ shortTerm: '-3000.00', longTerm: '6000.00', net: '3000.00', deductible: '0.00' });
  });

  it('says that identification must precede the sale and what the wash-sale rule reaches', () => {
    const notes = (r.json['notes'] as string[]).join('\n');
    expect(notes).toContain('Specific identification must be made before the sale');
    expect(notes).toContain('does not reach crypto assets that are not securities');
    expect(r.stdout).toContain('sell 0.2 BTC in coinbase');
    expect(r.stdout).toContain('under FIFO 4000.00');
  });

  it('writes one harvest.csv row per open lot, the plan CSV and a PDF that shows the plan', () => {
    const csv = readFileSync(join(r.out, 'harvest.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 8);
    expect(csv).toContain('ledger,XYZ,L9,2025-10-01,1000,1000.00,yes,,missing,,,short,2026-10-02,no,FIFO,');
    expect(csv).toContain('coinbase,BTC,L2,2024-01-10,1,90000.00,yes,80000.00,price-table,80000.00,-10000.00,long,2025-01-11,no,FIFO,5000.00');
    const plan = readFileSync(join(r.out, 'harvest-plan.csv'), 'utf8').trim().split('\n');
    expect(plan[2]).toBe('long-term gains,coinbase,BTC,L2,2024-01-10,0.2,80000.00,16000.00,18000.00,-2000.00,long,FIFO,12000.00,4000.00,0.00,4000.00,L1:0.2,no');
    const text = pdfText(readFileSync(join(r.out, 'harvest.pdf')));
    expect(text).toContain('Tax-loss harvesting plan');
    expect(text).toContain('Open positions by unrealized result');
    expect(text).toContain('(2,000.00)');
  });

  it('is deterministic: the same run gives the same bytes', async () => {
    const again = await harvest();
    for (const f of ['harvest.json', 'harvest.csv', 'harvest-plan.csv', 'harvest.pdf']) {
      expect(readFileSync(join(again.out, f)).equals(readFileSync(join(r.out, f))), f).toBe(true);
    }
  });
});

describe('taxlot harvest: options', () => {
  it('under HIFO the BTC sale takes the costliest coinbase lot (100,000 per BTC, short-term)', async () => {
    const r = await harvest('--method', 'hifo');
    // HIFO at the 2025-07-01 SOL sale also took the 100-per-SOL lot (the only coinbase one): the
    // year to date is unchanged. 0.2 BTC of the 2025-03-02 lot: 16,000 − 20,000 = −4,000 short.
    expect(r.json['yearToDate']['net']).toBe('8000.00');
    const btc = (r.json['plan']['sales'] as Json[]).find((s) => s['asset'] === 'BTC');
    expect(btc?.['lotMethod']).toMatchObject({ method: 'HIFO', realized: '-4000.00', shortTerm: '-4000.00', longTerm: '0.00' });
  });

  it('married filing separately: the limit is 1,500', async () => {
    const r = await harvest('--filing-status', 'married-separate');
    expect(r.json['plan']['limit']).toBe('1500.00');
    // 8,000 + 1,500; SOL 6,000 / 150 = 40 then 1,500 / 150 = 10 more
    expect(r.json['plan']['lossWanted']).toBe('9500.00');
    expect((r.json['plan']['sales'] as Json[])[0]?.['units']).toBe('50');
  });

  it('flags assets the user marks as tokenized securities', async () => {
    const r = await harvest('--securities', 'sol');
    const flagged = (r.json['lots'] as Json[]).filter((l) => l['possibleSecurity']).map((l) => l['asset']);
    expect([...new Set(flagged)]).toEqual(['SOL']);
    expect((r.json['plan']['sales'] as Json[])[0]?.['possibleSecurity']).toBe(true);
  });

  it('refuses an as-of date that is not a calendar date', async () => {
    const r = await main(['harvest', HISTORY, '--as-of', '2025-02-30', '--out', join(tmp(), 'x')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--as-of must be a calendar date');
  });

  it('--no-pdf leaves the PDF out', async () => {
    const r = await harvest('--no-pdf');
    expect(existsSync(join(r.out, 'harvest.pdf'))).toBe(false);
    expect(existsSync(join(r.out, 'harvest.json'))).toBe(true);
  });

  it('fetches the as-of prices the table lacks from the online provider, once', async () => {
    const server = await startPriceServer({
      bitcoin: { '15-12-2025': { usd: '80000' } },
      ethereum: { '15-12-2025': { usd: '3000' } },
      solana: { '15-12-2025': { usd: '100' } },
    });
    try {
      const dir = tmp();
      const out = join(dir, 'out');
      const r = await main(['harvest', HISTORY, '--as-of', '2025-12-15', '--out', out, '--no-pdf',
        '--price-provider', 'coingecko', '--price-api-url', server.url, '--price-cache', join(dir, 'cache')]);
      expect(r.exitCode).toBe(0);
      const json = JSON.parse(readFileSync(join(out, 'harvest.json'), 'utf8')) as Json;
      const btc = (json['lots'] as Json[]).find((l) => l['acquired'] === '2024-01-10');
      // the same figures as with the table: 80,000 − 90,000
      expect(btc).toMatchObject({ price: '80000.00', value: '80000.00', unrealized: '-10000.00', priceSource: 'provider' });
      expect(json['plan']['lossWanted']).toBe('11000.00');
      // XYZ has no coin id: still listed without a value
      expect((json['lots'] as Json[]).find((l) => l['asset'] === 'XYZ')?.['value']).toBeNull();
      // one request per coin for the as-of date; none for December 31 (not a harvest figure)
      expect(server.requests.map((q) => `${q.path} ${q.query.get('date')}`).sort()).toEqual([
        '/api/v3/coins/bitcoin/history 15-12-2025', '/api/v3/coins/ethereum/history 15-12-2025', '/api/v3/coins/solana/history 15-12-2025',
      ]);
    } finally {
      await server.close();
    }
  });
});
