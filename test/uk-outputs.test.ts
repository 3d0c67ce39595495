/**
 * The UK report folder: which files, the disposals CSV with its matching detail, the pools and
 * SA108 figures, and the PDF's text — HMRC's CRYPTO22256 figures, worked by hand (see
 * test/uk-scenarios.test.ts for the arithmetic).
 */
import { describe, expect, it } from 'vitest';
import { renderOutputs } from '../src/report/render-outputs.js';
import { pdfText } from './support/pdf-text.js';
import { runFixture } from './support/run-report.js';

const data = runFixture('uk/hmrc-22256', { jurisdiction: 'uk' });
const files = renderOutputs(data, { label: 'Gulferaz' });
const text = (name: string) => files.get(name) as string;

describe('UK report folder', () => {
  it('writes the UK files and none of the US tax-software files', () => {
    expect([...files.keys()]).toEqual(['summary.json', 'uk-disposals.csv', 'uk-pools.csv', 'uk-sa108.csv', 'income.csv', 'diagnostics.txt', 'report.pdf']);
  });

  it('uk-disposals.csv: one row per rule that matched a disposal, with what it was matched to', () => {
    const rows = text('uk-disposals.csv').trimEnd().split('\n').map((l) => l.split(',').slice(0, 13).join(','));
    expect(rows).toEqual([
      'disposal,date,asset,units,proceeds,acquisition_cost,disposal_fees,allowable_cost,gain,rule,matched,disposal_units,disposal_gain',
      // 31 Jul: 10,000 same day for 150,000 × 1/3 = 50,000 against 45,000; 20,000 from 6 Aug: 100,000 against 90,000
      '1,2024-07-31,TOKENF,10000,50000.00,45000.00,0.00,45000.00,5000.00,same-day,acquired 2024-07-31,30000,15000.00',
      '1,2024-07-31,TOKENF,20000,100000.00,90000.00,0.00,90000.00,10000.00,bed-and-breakfast,acquired 2024-08-06,30000,15000.00',
      '2,2024-08-05,TOKENF,20000,100000.00,90000.00,0.00,90000.00,10000.00,bed-and-breakfast,acquired 2024-08-06,20000,10000.00',
      // 7 Aug: 100,000 of the pool's 110,000 (cost 345,000): 313,636.36
      '3,2024-08-07,TOKENF,100000,150000.00,313636.36,0.00,313636.36,-163636.36,pool,100000 of 110000 TOKENF in the pool (cost 345000.00),100000,-163636.36',
    ]);
  });

  it('uk-pools.csv and uk-sa108.csv', () => {
    // 31,363.6363… / 10,000 = 3.13636363…
    expect(text('uk-pools.csv')).toBe('date,asset,units,cost,average_cost\n2025-04-05,TOKENF,10000,31363.64,3.13636364\n');
    expect(text('uk-sa108.csv')).toBe(
      'tax_year,figure,amount\n' +
        '2024-25,number of disposals,3\n2024-25,disposal proceeds,400000.00\n2024-25,allowable costs (including the purchase price),538636.36\n' +
        '2024-25,"gains in the year, before losses",25000.00\n2024-25,losses in the year,163636.36\n2024-25,net gain (gains less losses),-138636.36\n' +
        '2024-25,annual exempt amount,3000.00\n',
    );
  });

  it('report.pdf shows the SA108 figures, the rules and the pools, and is the same bytes twice', () => {
    const pdf = files.get('report.pdf') as Uint8Array;
    const t = pdfText(pdf);
    for (const s of ['UK capital gains on cryptoassets, 2024-25', 'Gulferaz', '400,000.00', '538,636.36', '(138,636.36)', '(163,636.36)', 'Section 104 pools at 2025-04-05', '31,363.64', '18 %']) {
      expect(t).toContain(s);
    }
    expect(renderOutputs(data, { label: 'Gulferaz' }).get('report.pdf')).toEqual(pdf);
  });
});
