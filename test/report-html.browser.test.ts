/**
 * report.html opened in headless Chromium (Debian `chromium`, installed by .ci/run): it renders
 * with no console error, lists every diagnostic of the run (diagnostics.txt), its figures equal
 * summary.json, and crafted cells stay text (no element, no script from the inputs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type PageSession } from './support/chromium.js';
import { KOINLY_HEADER } from './support/report-scenario.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'taxlot.js');
const HOSTILE = '<img src=x onerror="document.title=\'pwned\'"></script><script>document.title="pwned"</script>';

describe('report.html in a browser', () => {
  let dir: string;
  let page: PageSession;
  let summary: Record<string, unknown>;
  let diagnosticsTxt: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taxlot-html-'));
    mkdirSync(join(dir, 'in'));
    // a deposit of unknown basis (its description a crafted cell), its sale, a rejected row with
    // a crafted label, income with no price, a withdrawal to nowhere
    writeFileSync(join(dir, 'in', 'wallet.csv'), [
      KOINLY_HEADER,
      `2024-03-01 10:00,,,1,ETH,,,3000,USD,,"${HOSTILE.replace(/"/g, '""')}",`,
      '2024-09-01 10:00,1,ETH,3500,USD,,,,,,,',
      `2024-04-01 10:00,,,2,DOT,,,,,"${HOSTILE.replace(/"/g, '""')}",,`,
      '2024-05-01 10:00,,,10,XYZ,,,,,reward,,',
      '2024-07-01 10:00,10,XYZ,80,USD,,,,,,,',
      '2024-08-01 10:00,0.5,ETH,,,,,,,,,',
      '',
    ].join('\n'));
    writeFileSync(join(dir, 'overrides.json'), JSON.stringify({ rows: [{ file: 'wallet.csv', line: 99, ignore: 'no such row' }] }));
    const r = spawnSync(process.execPath, [BIN, 'report', join(dir, 'in'), '--out', join(dir, 'out'), '--no-pdf', '--overrides', join(dir, 'overrides.json')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as Record<string, unknown>;
    diagnosticsTxt = readFileSync(join(dir, 'out', 'diagnostics.txt'), 'utf8');
    page = await openPage(pathToFileURL(join(dir, 'out', 'report.html')).href);
    await page.evaluate('new Promise((r) => { const t = () => document.body.dataset.ready ? r(true) : setTimeout(t, 20); t(); })');
  }, 60_000);

  afterAll(async () => {
    if (page) {
      writeFileSync(join(dir, 'out', 'report-html.png'), await page.screenshot());
      await page.close();
    }
  });

  it('renders without console errors', () => {
    expect(page.errors).toEqual([]);
  });

  it('shows the figures of summary.json', async () => {
    const figures = await page.evaluate<[string, string][]>('[...document.querySelectorAll("[data-figure]")].map((e) => [e.dataset.figure, e.textContent])');
    expect(figures.length).toBeGreaterThanOrEqual(15);
    for (const [path, text] of figures) {
      const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], summary);
      expect([path, text]).toEqual([path, String(value)]);
    }
    // and the status is the one the counts give
    expect(await page.evaluate('document.body.dataset.status')).toBe('errors');
  });

  it('lists every diagnostic of the run, grouped by kind', async () => {
    // diagnostics.txt: one "where: severity CODE: message" head line per diagnostic
    const expected = diagnosticsTxt.split('\n').filter((l) => /^\S.*: (error|warning|note) [A-Z_0-9]+: /.test(l))
      .map((l) => /^(.*?): (?:error|warning|note) ([A-Z_0-9]+): /.exec(l) as RegExpExecArray).map((m) => `${m[2]} ${m[1]}`).sort();
    expect(expected.length).toBeGreaterThanOrEqual(7);
    const listed = await page.evaluate<string[]>('[...document.querySelectorAll("li.item")].map((li) => li.dataset.code + " " + li.querySelector("code.where").textContent)');
    expect(listed.sort()).toEqual(expected);
    const groups = await page.evaluate<string[]>('[...document.querySelectorAll("details.group")].map((g) => g.dataset.code)');
    // the costliest first: the 3,500.00 sold out of the deposit of unknown basis
    expect(groups.slice(0, 2).sort()).toEqual(['DEPOSIT_UNMATCHED', 'MISSING_BASIS']);
    expect(groups).toEqual(expect.arrayContaining(['ROW_UNKNOWN_TYPE', 'PRICE_MISSING', 'WITHDRAWAL_UNMATCHED', 'OVERRIDE_UNMATCHED']));
  });

  it('offers the override with the row filled in, and shows the row', async () => {
    const snippet = await page.evaluate<string>('document.querySelector("li.item[data-code=PRICE_MISSING] pre.snippet").textContent');
    expect(JSON.parse(snippet)).toEqual({ rows: [{ file: 'wallet.csv', line: 5, value: '…' }] });
    const row = await page.evaluate<string>('document.querySelector("li.item[data-code=PRICE_MISSING] pre.row").textContent');
    expect(row).toBe('2024-05-01 10:00,,,10,XYZ,,,,,reward,,');
  });

  it('keeps crafted cells as text', async () => {
    expect(await page.evaluate('document.title')).toBe('taxlot report 2024');
    expect(await page.evaluate('document.querySelectorAll("img").length')).toBe(0);
    expect(await page.evaluate('document.scripts.length')).toBe(2);
    const rows = await page.evaluate<string[]>('[...document.querySelectorAll("pre.row")].map((p) => p.textContent)');
    expect(rows.filter((r) => r.includes('<img src=x'))).toHaveLength(2);
  });

  it('sorts and filters the Form 8949 table', async () => {
    const count = await page.evaluate<number>('document.querySelectorAll("#form8949 tbody tr").length');
    // the XYZ sale (line 6), and the ETH sale (line 3) in two lines: 0.5 ETH from the deposit's
    // lot (the other 0.5 left it on 2024-08-01, line 7) and 0.5 ETH that no lot covers
    expect(count).toBe(3);
    await page.evaluate('(() => { const i = document.querySelector("#form8949 input"); i.value = "XYZ"; i.dispatchEvent(new Event("input")); })()');
    expect(await page.evaluate('[...document.querySelectorAll("#form8949 tbody tr")].map((tr) => tr.children[1].textContent)')).toEqual(['10 XYZ']);
    await page.evaluate('(() => { const i = document.querySelector("#form8949 input"); i.value = ""; i.dispatchEvent(new Event("input")); document.querySelectorAll("#form8949 th")[4].click(); })()');
    // sorted by proceeds, ascending: 80.00, 1750.00, 1750.00
    expect(await page.evaluate('[...document.querySelectorAll("#form8949 tbody tr")].map((tr) => tr.children[4].textContent)')).toEqual(['80.00', '1750.00', '1750.00']);
  });
});
