/**
 * The PDF on difficult data: characters the standard fonts cannot show, file paths longer than
 * their column, 18-decimal quantities, amounts in the billions. Expected values worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../model/decimal.js';
import { pdfPages, pdfText } from '../../../test/support/pdf-text.js';
import { runKoinly } from '../../../test/support/report-scenario.js';
import { renderOutputs } from '../render-outputs.js';
import { tickLabel } from './bar-chart.js';
import { pdfSafe, wrapPath } from './fit-text.js';

const m = (s: string): number => [...s].length;

function pdfOf(files: Map<string, string | Uint8Array>): Uint8Array {
  const pdf = files.get('report.pdf');
  if (!(pdf instanceof Uint8Array)) throw new Error('no report.pdf');
  return pdf;
}

describe('text the standard fonts cannot show', () => {
  it('folds letters and marks to look-alikes instead of printing ?', () => {
    // Ł → L, № → No., − (minus) → -, ﬁ → fi, full-width Ｘ → X; ✓ has no look-alike; a zero-width
    // space is shown as an escape, never dropped (B\u200bTC must not print as BTC), as is a soft hyphen.
    expect(pdfSafe('Łukasz № 5 − 3 ﬁ Ｘ\u200b ✓')).toBe('Lukasz No. 5 - 3 fi X\\u{200b} ?');
    expect(pdfSafe('B\u200bTC co\u00adin \u202eevil')).toBe('B\\u{200b}TC co\\xadin \\u{202e}evil');
    expect(pdfSafe('Erdős Ōsaka')).toBe('Erdos Osaka');
    // Already showable (WinAnsi) characters are kept as they are.
    expect(pdfSafe('Zoë Müller — 100 €')).toBe('Zoë Müller — 100 €');
  });
});

describe('paths wider than their column', () => {
  it('wraps after separators and keeps the end (file name and line) whole', () => {
    expect(wrapPath('exports/2024/kraken-ledger.csv:12', 14, m, 3)).toEqual(['exports/2024/', 'kraken-ledger.', 'csv:12']);
    // Two lines: the second is filled from the end, the first is cut at its start (13 chars + '…').
    expect(wrapPath('exports/2024/kraken-ledger.csv:12', 14, m, 2)).toEqual(['…/2024/kraken-', 'ledger.csv:12']);
    expect(wrapPath('short.csv:1', 14, m, 2)).toEqual(['short.csv:1']);
  });
});

describe('chart axis labels', () => {
  it('use the short scale from a million up', () => {
    expect(tickLabel(dec('-50000000000'))).toBe('(50B)');
    expect(tickLabel(dec('2500000'))).toBe('2.5M');
    expect(tickLabel(dec('200000'))).toBe('200,000');
  });
});

describe('PDF on difficult data', () => {
  const folder = 'exports/very-long-folder-name-for-accountant-review/another-level';
  const wallets = ['07', '08'].map((n) => `${folder}/wallet-number-${n}-with-an-extremely-long-descriptive-file-name.csv`);
  // Each wallet: buy 123,456,789.123456789012345678 TOKEN for 1,000 (2024), sell 1e-18 of it for 0.01 (2025).
  // Left in each open lot: 123,456,789.123456789012345677.
  const rows = `2024-01-02 10:00,1000,USD,123456789.123456789012345678,TOKEN,,,,,,,
    2025-03-01 10:00,0.000000000000000001,TOKEN,0.01,USD,,,,,,,`;
  const data = () => runKoinly({ [wallets[0] as string]: rows, [wallets[1] as string]: rows }, { year: 2025 });

  it('names the source file of every audit line, not just the common end of the paths', () => {
    const pages = pdfPages(pdfOf(renderOutputs(data(), { label: 'Łukasz Nowak № 7' })));
    const audit = pages.filter((p) => p.includes('Audit appendix')).join('\n');
    // The disposal rows are line 3 of each file; before, both printed as "…-descriptive-file-name.csv:3".
    expect(audit).toContain('number-07-with');
    expect(audit).toContain('number-08-with');
    expect(audit).toMatch(/file-name\.csv:3/);
  });

  it('prints an 18-decimal quantity whole on one line and the label without ?', () => {
    const text = pdfText(pdfOf(renderOutputs(data(), { label: 'Łukasz Nowak № 7' })));
    expect(text).toContain('123,456,789.123456789012345677');
    expect(text).toContain('Lukasz Nowak No. 7');
    expect(text).not.toContain('?ukasz');
  });

  it('labels a chart axis in the billions with the short scale', () => {
    // Feb: 50,000 BTC bought for 1,234,567,890.12 (2020) sold for 98,765,432,109.87 → gain 97,530,864,219.75.
    // Apr: 3,000,000 ETH bought for 9,000,000,000 sold for 1,234,567,890.55 → loss 7,765,432,109.45.
    // Axis: span 105.3B / 5 → step 50B; from (50B) to 100B.
    const d = runKoinly({
      'w.csv': `2020-01-01 10:00,1234567890.12,USD,50000,BTC,,,,,,,
        2025-02-01 10:00,50000,BTC,98765432109.87,USD,,,,,,,
        2025-03-01 10:00,9000000000,USD,3000000,ETH,,,,,,,
        2025-04-01 10:00,3000000,ETH,1234567890.55,USD,,,,,,,`,
    }, { year: 2025 });
    const charts = pdfPages(pdfOf(renderOutputs(d))).find((p) => p.includes('By month of disposal')) as string;
    expect(charts).toContain('100B');
    expect(charts).toContain('(50B)');
    expect(charts).not.toContain('100,000,000,000');
    expect(charts).toContain('97,530,864,219.75');
    expect(charts).toContain('(7,765,432,109.45)');
  });
});
