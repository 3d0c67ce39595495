/**
 * The PDF, read back through `pdftotext`: the same totals per Form 8949 box as summary.json (the
 * scenarios' amounts have at most two decimals, so line rounding and exact-then-rounded agree),
 * the right boxes per tax year, Exception 2, the loss limitation, and byte-identical reruns.
 * Every expected number is worked out by hand in test/support/report-scenario.ts.
 */
import { describe, expect, it } from 'vitest';
import { amountsOnLine, pdfInfo, pdfPages, pdfText } from '../../../test/support/pdf-text.js';
import { runKoinly, SCENARIO_2024, SCENARIO_2025 } from '../../../test/support/report-scenario.js';
import { renderOutputs } from '../render-outputs.js';
import { loadTemplates } from '../templates.js';
import type { ScheduleTemplate } from './report-template.js';

const run2025 = () => runKoinly({ 'wallet.csv': SCENARIO_2025 }, { year: 2025 });
const run2024 = () => runKoinly({ 'wallet.csv': SCENARIO_2024 }, { year: 2024, 'carryover-short': '1000', 'carryover-long': '500' });

/** summary.json's `"-875.15"` as the PDF prints it, `(875.15)` — written out independently of the renderer. */
function printed(contract: string): string {
  const negative = contract.startsWith('-');
  const [int, frac] = (negative ? contract.slice(1) : contract).split('.') as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `(${grouped}.${frac})` : `${grouped}.${frac}`;
}

interface TermSummary {
  proceeds: string;
  costBasis: string;
  adjustment: string;
  gain: string;
}

function terms(summary: Record<string, unknown>): { shortTerm: TermSummary; longTerm: TermSummary } {
  return summary.capitalGains as { shortTerm: TermSummary; longTerm: TermSummary };
}

function pdfOf(files: Map<string, string | Uint8Array>): Uint8Array {
  const pdf = files.get('report.pdf');
  if (!(pdf instanceof Uint8Array)) throw new Error('no report.pdf');
  return pdf;
}

describe('PDF report', () => {
  it('is byte-identical across two runs, like every other output', () => {
    const a = renderOutputs(run2025(), { label: 'Jane Doe' });
    const b = renderOutputs(run2025(), { label: 'Jane Doe' });
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, content] of a) expect(Buffer.from(b.get(name) as string | Uint8Array).equals(Buffer.from(content)), name).toBe(true);
    // The pinned dates: January 1 after the tax year, UTC (report-date.ts), not the clock.
    const info = pdfInfo(pdfOf(a));
    expect(info.get('CreationDate')).toBe('2026-01-01T00:00:00Z');
    expect(info.get('ModDate')).toBe('2026-01-01T00:00:00Z');
  });

  it('2025: boxes I and L carry the same totals as summary.json', () => {
    const data = run2025();
    const { shortTerm, longTerm } = terms(data.summary);
    // Hand-worked (report-scenario.ts): I = 2,950.10 / 3,825.25 / −875.15, L = 3,990.00 / 1,505.00 / 2,485.00.
    expect(shortTerm).toMatchObject({ proceeds: '2950.10', costBasis: '3825.25', gain: '-875.15' });
    expect(longTerm).toMatchObject({ proceeds: '3990.00', costBasis: '1505.00', gain: '2485.00' });
    const text = pdfText(pdfOf(renderOutputs(data, { label: 'Jane Doe' })));
    const row = (t: TermSummary) => [printed(t.proceeds), printed(t.costBasis), printed(t.adjustment), printed(t.gain)];
    expect(amountsOnLine(text, 'Box I totals (carry to Schedule D, line 3)')).toEqual(row(shortTerm));
    expect(amountsOnLine(text, 'Box L totals (carry to Schedule D, line 10)')).toEqual(row(longTerm));
    // Schedule D lines 3 and 10 show the same totals; 7/15/16 the nets (no carryover).
    expect(amountsOnLine(text, 'Form 8949 totals, Box C or Box I checked')).toEqual(row(shortTerm));
    expect(amountsOnLine(text, 'Form 8949 totals, Box F or Box L checked')).toEqual(row(longTerm));
    expect(amountsOnLine(text, 'Combine lines 7 and 15')).toEqual(['1,609.85']);
    // Digital assets from 2025: never box C or F (Form 8949 instructions, What's New).
    expect(text).toMatch(/^\s*Box I checked/m);
    expect(text).toMatch(/^\s*Box L checked/m);
    expect(text).not.toMatch(/^\s*Box [CF] checked/m);
    expect(text).toContain('Jane Doe');
    expect(text).toContain('FIFO (chosen by: default)');
  });

  it('2024: boxes C and F, carryovers and the loss limitation', () => {
    const data = run2024();
    const { shortTerm, longTerm } = terms(data.summary);
    expect(shortTerm).toMatchObject({ proceeds: '6000.00', costBasis: '8000.00', gain: '-2000.00' });
    expect(longTerm).toMatchObject({ proceeds: '24000.00', costBasis: '26000.00', gain: '-2000.00' });
    expect(data.summary.capitalLoss).toEqual({ deductible: '3000.00', carryforwardShortTerm: '0.00', carryforwardLongTerm: '2500.00' });
    const text = pdfText(pdfOf(renderOutputs(data)));
    const row = (t: TermSummary) => [printed(t.proceeds), printed(t.costBasis), printed(t.adjustment), printed(t.gain)];
    expect(amountsOnLine(text, 'Box C totals (carry to Schedule D, line 3)')).toEqual(row(shortTerm));
    expect(amountsOnLine(text, 'Box F totals (carry to Schedule D, line 10)')).toEqual(row(longTerm));
    expect(text).toMatch(/^\s*Box C checked/m);
    expect(text).toMatch(/^\s*Box F checked/m);
    expect(text).not.toMatch(/^\s*Box [IL] checked/m);
    // Schedule D: line 6 (1,000), 7 = −3,000, 14 (500), 15 = −2,500, 16 = −5,500, 21 = (3,000.00).
    expect(amountsOnLine(text, 'Short-term capital loss carryover from the prior year')).toEqual(['(1,000.00)']);
    expect(amountsOnLine(text, 'Net short-term capital gain or (loss)')).toEqual(['(3,000.00)']);
    expect(amountsOnLine(text, 'Net long-term capital gain or (loss)')).toEqual(['(2,500.00)']);
    expect(amountsOnLine(text, 'Combine lines 7 and 15')).toEqual(['(5,500.00)']);
    expect(amountsOnLine(text, 'the smaller of the loss or 3,000.00')).toEqual(['(3,000.00)']);
    expect(amountsOnLine(text, 'Deducted against ordinary income this year (line 21)')).toEqual([printed('3000.00')]);
    expect(amountsOnLine(text, 'Short-term loss carried forward to next year')).toEqual([printed('0.00')]);
    expect(amountsOnLine(text, 'Long-term loss carried forward to next year')).toEqual([printed('2500.00')]);
    expect(text).toContain('Taxpayer / label                      not given');
  });

  it('shows the exact totals of summary.json under the line-rounded box totals when rounding moved them', () => {
    // Three sales of 1 SOL for 100.005 each (basis 100): each line rounds (half-even) to 100.00,
    // so the lines sum to 300.00; the exact total 300.015 rounds once to 300.02 (summary.json).
    const data = runKoinly({
      'w.csv': `2025-01-01 10:00,300,USD,3,SOL,,,,,,,
        2025-02-01 10:00,1,SOL,100.005,USD,,,,,,,
        2025-02-02 10:00,1,SOL,100.005,USD,,,,,,,
        2025-02-03 10:00,1,SOL,100.005,USD,,,,,,,`,
    });
    const st = (data.summary['capitalGains'] as Record<string, Record<string, string>>)['shortTerm'];
    expect([st?.['proceeds'], st?.['gain']]).toEqual(['300.02', '0.02']);
    const text = pdfText(pdfOf(renderOutputs(data)));
    expect(amountsOnLine(text, 'Box I totals (carry to Schedule D, line 3)')).toEqual(['300.00', '300.00', '0.00', '0.00']);
    expect(amountsOnLine(text, 'Box I exact totals, rounded once (as in summary.json)')).toEqual(['300.02', '300.00', '0.00', '0.02']);
  });

  it('prints no exact-totals row when line rounding changes nothing', () => {
    expect(pdfText(pdfOf(renderOutputs(run2025())))).not.toContain('exact totals, rounded once');
  });

  it('uses one code-M summary line plus an attached statement above the threshold (Exception 2)', () => {
    const pages = pdfPages(pdfOf(renderOutputs(run2025(), { summaryThreshold: 2 })));
    // Box I has 4 lines (> 2): the form page has one line, code M, with the box totals.
    const formI = pages.find((p) => /^\s*Box I checked/m.test(p)) as string;
    expect(formI).toContain('Digital assets, 4 transactions — see');
    expect(formI).toMatch(/see\s+2,950\.10\s+3,825\.25\s+M\s+0\.00\s+\(875\.15\)/);
    const statement = pages.find((p) => p.trimStart().startsWith('Attached statement — Form 8949, Box I')) as string;
    for (const d of ['1 ETH', '0.5 ETH', '0.5 SOL', 'UNKNOWN']) expect(statement).toContain(d);
    expect(amountsOnLine(statement, 'Box I totals (carry to Schedule D, line 3)')).toEqual(['2,950.10', '3,825.25', '0.00', '(875.15)']);
    // Box L has 1 line (≤ 2): printed in full, no statement.
    expect(pages.find((p) => /^\s*Box L checked/m.test(p))).toContain('0.05 BTC');
    expect(pages.some((p) => p.trimStart().startsWith('Attached statement — Form 8949, Box L'))).toBe(false);
  });

  it('lists missing basis with the amount at risk and traces each line in the audit appendix', () => {
    const text = pdfText(pdfOf(renderOutputs(run2025())));
    // The uncovered 0.5 SOL: proceeds 150 × 0.5 / 1 = 75.00 at risk, line I-4, row wallet.csv:8.
    expect(amountsOnLine(text, 'Total at risk')).toEqual(['75.00']);
    expect(text).toMatch(/I-4\s+09\/01\/2025\s+SOL\s+0\.5\s+75\.00\s+no lot at all\s+wallet\s+wallet\.csv:8/);
    // Audit: I-1 is 1 ETH from lot L2 (created by wallet.csv:3), sold on wallet.csv:5.
    expect(text).toMatch(/I-1\s+1 ETH\s+06\/01\/2025\s+\(700\.00\)\s+L2\s+wallet\.csv:3\s+wallet\.csv:5/);
    // Income: the staking reward, Schedule 1 line 8v.
    expect(amountsOnLine(text, 'Total — Schedule 1, line 8v')).toEqual(['75.25']);
  });

  it('says on the cover when the data has errors', () => {
    // A swap of ETH for an unpriced token: no value anywhere → PRICE_MISSING error.
    const data = runKoinly({ 'w.csv': '2025-01-05 10:00,1000,USD,1,ETH,,,,,,,\n2025-02-01 10:00,1,ETH,50,NOPRICE,,,,,,,' }, { year: 2025 });
    const text = pdfText(pdfOf(renderOutputs(data)));
    expect(text).toMatch(/INCOMPLETE: \d+ data error\(s\)/);
  });

  it('--no-pdf writes everything but the PDF', () => {
    const files = renderOutputs(run2025(), { pdf: false });
    expect(files.has('report.pdf')).toBe(false);
    for (const name of ['turbotax-gains.csv', 'turbotax-transactions.csv', 'taxact-capital-gains.csv', 'capital-gains.txf', 'audit-trail.csv']) {
      expect(files.has(name), name).toBe(true);
    }
  });
});

describe('audit appendix of a long history', () => {
  it('prints the first `limit` lines and points to audit-trail.csv for the rest', () => {
    // SCENARIO_2025 has 5 Form 8949 lines in 2025 (4 in box I, 1 in box L: see report-scenario.ts)
    const t = loadTemplates('us');
    const audit = { ...(t.report.schedules['audit'] as ScheduleTemplate), limit: 2 };
    const templates = { ...t, report: { ...t.report, schedules: { ...t.report.schedules, audit } } };
    const text = pdfText(pdfOf(renderOutputs(run2025(), { templates })));
    expect(text).toContain('prints the first 2 of the 5 lines');
    // 2 audit rows are printed (their gains), the untouched default prints all 5
    const rowsPrinted = (s: string) => s.slice(s.indexOf('Audit appendix')).split('\n').filter((l) => /^\s*[IL]-\d+\s/.test(l)).length;
    expect(rowsPrinted(text)).toBe(2);
    expect(rowsPrinted(pdfText(pdfOf(renderOutputs(run2025()))))).toBe(5);
  });
});
