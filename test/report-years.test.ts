/**
 * `taxlot report --year 2021-2024` / `--year all`: one booking pass, one report folder per year,
 * each byte for byte the folder `--year Y` writes, and an index of the years. The figures are
 * worked out by hand below (FIFO, US rules).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { askedYears } from '../src/cli/year-span.js';
import { KOINLY_HEADER } from './support/report-scenario.js';
import { fileDigests } from './support/folder-snapshot.js';

/**
 * 2021-03-01 buy 1 ETH for 1,000.
 * 2021-09-01 sell 0.5 ETH for 800: basis 500 (half the lot), short-term gain 300.00 (2021).
 * 2022-06-01 staking reward 0.1 ETH worth 150: income 150.00 (2022), a lot of 0.1 ETH at 150.
 * 2023-04-01 sell 0.5 ETH for 400: FIFO takes the rest of the 2021 lot (basis 500, held over a
 *            year): long-term loss -100.00 (2023).
 * 2024: nothing happens (the 0.1 ETH lot is still open).
 */
const HISTORY = [
  KOINLY_HEADER,
  '2021-03-01 10:00,1000,USD,1,ETH,,,,,,buy,',
  '2021-09-01 10:00,0.5,ETH,800,USD,,,,,,sell,',
  '2022-06-01 10:00,,,0.1,ETH,,,150,USD,reward,staking,',
  '2023-04-01 10:00,0.5,ETH,400,USD,,,,,,sell,',
].join('\n');
/** Year-end prices, so no year warns of a missing price. */
const PRICES = 'date,asset,currency,price\n2021-12-31,ETH,USD,3700\n2022-12-31,ETH,USD,1200\n2023-12-31,ETH,USD,2300\n2024-12-31,ETH,USD,3300\n';

let root: string;
let input: string;
let prices: string;
const at = (name: string) => join(root, name);
const report = (out: string, ...more: string[]) => main(['report', input, '--prices', prices, '--out', at(out), ...more]);


function csv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [head!.split(',')[i]!, c])));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'taxlot-years-'));
  input = join(root, 'wallet.csv');
  prices = join(root, 'prices.csv');
  writeFileSync(input, `${HISTORY}\n`);
  writeFileSync(prices, PRICES);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('--year FROM-TO', () => {
  let stdout: string;
  beforeAll(async () => {
    const r = await report('range', '--year', '2021-2024');
    expect(r.exitCode).toBe(0);
    stdout = r.stdout;
  }, 60_000);

  it('writes a folder per year, each byte for byte what --year Y writes', async () => {
    expect(readdirSync(at('range')).sort()).toEqual(['.taxlot-manifest.json', '2021', '2022', '2023', '2024', 'index.csv']);
    for (const year of [2021, 2022, 2023, 2024]) {
      expect((await report(`single-${year}`, '--year', String(year))).exitCode).toBe(0);
      const single = fileDigests(at(`single-${year}`));
      expect(single.has('report.pdf') && single.has('summary.json') && single.has('.taxlot-manifest.json')).toBe(true);
      expect(fileDigests(at(`range/${year}`))).toEqual(single);
    }
  }, 120_000);

  it('index.csv has the figures of each year, worked by hand', () => {
    const rows = csv(at('range/index.csv')).map((r) => [r['tax_year'], r['status'], r['net'], r['short_term'], r['long_term'], r['income'], r['report']]);
    expect(rows).toEqual([
      ['2021', 'ok', '300.00', '300.00', '0.00', '0.00', '2021/'],
      ['2022', 'ok', '0.00', '0.00', '0.00', '150.00', '2022/'],
      ['2023', 'ok', '-100.00', '0.00', '-100.00', '0.00', '2023/'],
      // nothing happened in 2024: a report that says so (YEAR_WITHOUT_ACTIVITY), as --year 2024 gives
      ['2024', 'warnings', '0.00', '0.00', '0.00', '0.00', '2024/'],
    ]);
  });

  it('the answer on the terminal has a line per year', () => {
    expect(stdout).toContain('tax years 2021–2024 (4 reports)');
    expect(stdout).toMatch(/^ {2}2021 +300\.00 +300\.00 +0\.00 +0\.00 +ok$/m);
    expect(stdout).toMatch(/^ {2}2023 +-100\.00 +0\.00 +-100\.00 +0\.00 +ok$/m);
  });

  it('a single-year run into the folder replaces it as a whole; the user\'s files stay', async () => {
    writeFileSync(at('range/2022/my-notes.txt'), 'mine');
    expect((await report('range', '--year', '2023', '--no-pdf')).exitCode).toBe(0);
    const names = readdirSync(at('range')).sort();
    expect(names).toContain('summary.json');
    expect(names).not.toContain('index.csv');
    expect(readdirSync(at('range/2022'))).toEqual(['my-notes.txt']);
    expect(existsSync(at('range/2021'))).toBe(false);
  });
});

describe('--year all', () => {
  it('is every year with a disposal or income: 2021, 2022, 2023 (not 2024)', async () => {
    const r = await report('all', '--year', 'all', '--no-pdf', '--json');
    expect(r.exitCode).toBe(0);
    const answer = JSON.parse(r.stdout) as { years: { taxYear: number; net: string; income: string }[] };
    expect(answer.years.map((y) => [y.taxYear, y.net, y.income])).toEqual([[2021, '300.00', '0.00'], [2022, '0.00', '150.00'], [2023, '-100.00', '0.00']]);
    expect(readdirSync(at('all')).sort()).toEqual(['.taxlot-manifest.json', '2021', '2022', '2023', 'index.csv']);
  }, 60_000);
});

describe('what --year accepts', () => {
  it('one year exactly as before, a range, all', () => {
    expect(askedYears('2024', true)).toEqual({ year: 2024 });
    expect(askedYears(2024, false)).toEqual({ year: 2024 });
    expect(askedYears('2019-2025', true)).toEqual({ span: { from: 2019, to: 2025 } });
    expect(askedYears('ALL', true)).toEqual({ span: 'all' });
  });
  it('refuses a backward range, a range where one year is taken, UK ranges and --compare-methods', async () => {
    expect(() => askedYears('2025-2019', true)).toThrow(/runs backwards/);
    expect(() => askedYears('2019-2025', false)).toThrow(/takes one tax year/);
    expect(() => askedYears('1999', true)).toThrow('--year must be a calendar year such as 2024, got 1999');
    const uk = await report('uk', '--year', '2021-2024', '--jurisdiction', 'uk');
    expect([uk.exitCode, uk.stderr]).toEqual([2, expect.stringContaining('US rules only for now')]);
    const compare = await report('cmp', '--year', 'all', '--compare-methods');
    expect([compare.exitCode, compare.stderr]).toEqual([2, expect.stringContaining('--compare-methods compares one tax year')]);
  });
});

describe('a folder of the user\'s where a year needs to go', () => {
  it('is never replaced: the run is refused and nothing changes', async () => {
    const out = at('clash');
    mkdirSync(join(out, '2022'), { recursive: true });
    writeFileSync(join(out, '2022', 'mine.txt'), 'mine');
    const r = await report('clash', '--year', '2021-2022', '--no-pdf');
    expect([r.exitCode, r.stderr]).toEqual([2, expect.stringContaining('holds 2022, which taxlot did not write')]);
    expect(readdirSync(out)).toEqual(['2022']);
    expect(readdirSync(join(out, '2022'))).toEqual(['mine.txt']);
  }, 60_000);
});
