/**
 * The PDF's "Open lots at year end" page with and without year-end prices, read back through
 * `pdftotext`. Worked by hand (FIFO, one wallet, tax year 2024, valued at the end of 2024-12-31):
 *  line 2  buy 0.5 BTC for 20,000             → lot basis 20,000.00
 *  line 3  sell 0.3 BTC for 15,000            → 0.2 BTC left, basis 20,000 × 0.2 / 0.5 = 8,000.00
 *  line 4  buy 2 ETH for 6,000                → lot basis 6,000.00
 *  line 5  deposit 100 USDC, no source         → a lot of unknown basis (zero)
 * Year-end: BTC 93,429.20 (price table) → 0.2 × 93,429.20 = 18,685.84, unrealized 18,685.84 − 8,000.00 = 10,685.84;
 * USDC 1.00 (stablecoin) → 100.00, unrealized 100.00 (zero basis); ETH has no price → empty, footnote.
 * Totals: basis 8,000 + 6,000 + 0 = 14,000.00; market 18,685.84 + 100.00 = 18,785.84; unrealized 10,785.84.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amountsOnLine, pdfPages } from '../../../test/support/pdf-text.js';
import { runKoinly } from '../../../test/support/report-scenario.js';
import { renderOutputs } from '../render-outputs.js';

const ROWS = `
  2024-01-10 10:00,20000,USD,0.5,BTC,,,,,,buy,
  2024-03-01 10:00,0.3,BTC,15000,USD,,,,,,sell,
  2024-04-01 10:00,6000,USD,2,ETH,,,,,,buy,
  2024-05-01 10:00,,,100,USDC,,,,,,deposit,`;

function priceTable(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'taxlot-openlots-')), 'prices.csv');
  writeFileSync(file, `date,asset,currency,price\n${text}`);
  return file;
}

function openLotsPages(rows: string, prices?: string): string[] {
  const data = runKoinly({ 'wallet.csv': rows }, { year: 2024, ...(prices ? { prices: priceTable(prices) } : {}) });
  const pdf = renderOutputs(data).get('report.pdf') as Uint8Array;
  return pdfPages(pdf).filter((p) => p.trimStart().startsWith('Open lots at year end'));
}

describe('PDF: open lots at year end', () => {
  it('with year-end prices: market value and unrealized result per lot, their totals, the prices and their source; no price is an empty cell with a footnote', () => {
    const [page] = openLotsPages(ROWS, '2024-12-31,BTC,USD,93429.20\n');
    expect(page).toBeDefined();
    const text = page as string;
    expect(text).toContain('Market value (USD)');
    expect(text).toContain('Unrealized (USD)');
    const lines = text.split('\n');
    const lot = (asset: string) => lines.find((l) => l.trimStart().startsWith(asset)) as string;
    expect(amountsOnLine(lot('BTC'), 'BTC')).toEqual(['8,000.00', '18,685.84', '10,685.84']);
    expect(amountsOnLine(lot('USDC'), 'USDC')).toEqual(['0.00', '100.00', '100.00']);
    expect(lot('ETH')).toContain('no price ¹');
    expect(amountsOnLine(lot('ETH'), 'ETH')).toEqual(['6,000.00']); // never a zero market value
    expect(amountsOnLine(text, 'Totals')).toEqual(['14,000.00', '18,785.84', '10,785.84']);
    const prose = text.replace(/\s+/g, ' ');
    expect(prose).toContain('Unit prices at the end of 12/31/2024 (UTC), in USD: BTC 93,429.2: Price table (--prices); USDC 1: USD stablecoin at 1.00.');
    expect(prose).toContain('¹ No year-end price is known for ETH');
    expect(prose).toContain('the totals of those two columns cover the priced lots only');
    expect(prose).toContain('so its unrealized result is its whole market value'); // the USDC lot of unknown basis
  });

  it('without any year-end price: cost basis only, and a note that says why', () => {
    const [page] = openLotsPages(ROWS.split('\n').slice(0, 4).join('\n'));
    const text = page as string;
    expect(text).not.toContain('Market value');
    expect(amountsOnLine(text, 'Total cost basis')).toEqual(['14,000.00']);
    expect(text.replace(/\s+/g, ' ')).toContain('No year-end price is known for BTC, ETH, so this page shows cost basis only.');
  });
});
