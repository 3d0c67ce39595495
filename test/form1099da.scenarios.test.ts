/**
 * Form 1099-DA scenarios, worked by hand from the Form 8949 instructions (2025): box G/H/J/K
 * from box 2, column (d) the reported proceeds, codes B/E/O/T in (f), (h) = (d) − (e) + (g) =
 * taxlot's own gain. Fixtures in fixtures/scenarios/da-*; each amount below is computed in the
 * comments from the fixture rows.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs, readInputs } from '../src/cli/io.js';
import { toReportOptions } from '../src/cli/options.js';
import { computeReport, type ReportData } from '../src/pipeline/compute-report.js';
import { renderOutputs } from '../src/report/render-outputs.js';
import { amountsOnLine, pdfPages } from './support/pdf-text.js';
import { defaultArgs, FIXTURES, runFixture } from './support/run-report.js';

const cg = (r: ReportData) => r.summary['capitalGains'] as Record<string, unknown>;
const da = (r: ReportData) => r.summary['form1099da'] as Record<string, unknown>;
const csv = (r: ReportData, name: string) =>
  (renderOutputs(r, { pdf: false }).get(name) as string).trim().split('\n').map((l) => l.split(','));
const codes = (r: ReportData) => r.diagnostics.map((d) => d.code).filter((c) => c.startsWith('DA_')).sort();

/** The same folder without its 1099-DA file. */
function withoutForm(folder: string): ReportData {
  const files = collectInputs([join(FIXTURES, folder)]).filter((f) => !/1099-da/i.test(f));
  return computeReport(readInputs(files), toReportOptions(defaultArgs()).options);
}

describe('da-2025-coinbase-fees: gross proceeds only, fees (code E), a self-custody sale beside', () => {
  const r = runFixture('scenarios/da-2025-coinbase-fees');
  it('places the Coinbase sales in H/K with code E, the self-custody sale in L', () => {
    // BTC: 0.5 of the 1 BTC bought 2024-02-01 for 40,000 (basis 20,000), sold 2025-04-10 for
    // 45,000 with a 100 USD fee: taxlot proceeds 44,900, long term. Reported gross 45,000, basis
    // not reported → box K, (d) 45,000, (e) 20,000, E −100, (h) 24,900 = 44,900 − 20,000.
    // ETH: 4 of 10 bought 2025-01-15 for 33,000 (basis 13,200), sold 2025-06-01 for 10,000, fee
    // 25: proceeds 9,975, short → box H, (d) 10,000, (e) 13,200, E −25, (h) −3,225.
    // Ledger: 0.2 of 1 BTC bought 2024-01-05 for 30,000 (6,000), sold 2025-05-01 for 18,000 → L.
    expect(cg(r)['byBox']).toEqual({
      H: { proceeds: '10000.00', costBasis: '13200.00', adjustment: '-25.00', gain: '-3225.00', lines: 1 },
      K: { proceeds: '45000.00', costBasis: '20000.00', adjustment: '-100.00', gain: '24900.00', lines: 1 },
      L: { proceeds: '18000.00', costBasis: '6000.00', adjustment: '0.00', gain: '12000.00', lines: 1 },
    });
    expect(cg(r)['shortTerm']).toEqual({ proceeds: '10000.00', costBasis: '13200.00', adjustment: '-25.00', gain: '-3225.00', disposals: 1 });
    // long: (d) 45,000 + 18,000; (e) 20,000 + 6,000; (g) −100; (h) 24,900 + 12,000
    expect(cg(r)['longTerm']).toEqual({ proceeds: '63000.00', costBasis: '26000.00', adjustment: '-100.00', gain: '36900.00', disposals: 2 });
    expect(da(r)).toEqual({
      transactions: 2, matched: 2, notInRecords: 0, notInRecordsProceeds: '0.00', notReported: 0,
      reportedProceeds: '55000.00', adjustments: { B: '0.00', E: '-125.00', O: '0.00' },
    });
    expect(codes(r)).toEqual([]);
  });
  it('form8949.csv: box, proceeds, basis, code, adjustment, gain and the matched row per line', () => {
    const rows = csv(r, 'form8949.csv');
    const head = rows[0] as string[];
    const col = (name: string) => head.indexOf(name);
    const pick = (row: string[]) => [row[col('box')], row[col('proceeds')], row[col('cost_basis')], row[col('adjustment_code')], row[col('adjustment')], row[col('gain')]];
    expect(rows.slice(1).map(pick)).toEqual([
      ['K', '45000.00', '20000.00', 'E', '-100.00', '24900.00'],
      ['L', '18000.00', '6000.00', '', '0.00', '12000.00'],
      ['H', '10000.00', '13200.00', 'E', '-25.00', '-3225.00'],
    ]);
    expect(rows[1]?.[col('form_1099da')]).toMatch(/coinbase-1099-da\.csv:2 \(CB-1\)$/);
    expect(rows[2]?.[col('form_1099da')]).toBe('');
  });
  it('gains are unchanged without the 1099-DA; then every sale is in I/L and the form is asked for', () => {
    const w = withoutForm('scenarios/da-2025-coinbase-fees');
    const short = cg(w)['shortTerm'] as Record<string, string>;
    const long = cg(w)['longTerm'] as Record<string, string>;
    expect([short['gain'], long['gain'], cg(w)['net']]).toEqual(['-3225.00', '36900.00', '33675.00']);
    expect(cg(r)['net']).toBe('33675.00');
    // without the form: (d) is taxlot's net proceeds, 9,975 short and 44,900 + 18,000 long
    expect(Object.keys(cg(w)['byBox'] as object)).toEqual(['I', 'L']);
    expect(short['proceeds']).toBe('9975.00');
    expect(w.summary['form1099da']).toBeUndefined();
    expect(codes(w)).toEqual(['DA_FORM_EXPECTED']);
    expect(w.form1099da.expectedForms).toEqual([{ wallet: 'coinbase', broker: 'Coinbase', disposals: 2 }]);
  });
  it('the reconciliation CSV gives each difference its reason', () => {
    const rows = csv(r, 'form-1099-da-reconciliation.csv');
    const records = rows.filter((x) => x[1] === 'records');
    expect(records.map((x) => [x[18], x[22], x[25]])).toEqual([
      ['K', 'E', 'transaction costs 100.00 not reflected in the gross proceeds reported (E)'],
      ['H', 'E', 'transaction costs 25.00 not reflected in the gross proceeds reported (E)'],
    ]);
  });
});

describe('da-2026-broker-lots: covered and noncovered, another lot, a wrong term, split, joined, another zone', () => {
  const r = runFixture('scenarios/da-2026-broker-lots');
  it('boxes and codes', () => {
    // Kraken sale 1: FIFO lot A (60,000, bought 2025-03-01, sold 2026-03-01: short); reported
    // 95,000 noncovered, no basis, term "long" → H, (e) 60,000, code T with no amount, (h) 35,000.
    // Kraken sale 2: FIFO lot B (90,000); the broker took lot C (100,000, 2026-02-01), basis
    // reported → G, (d) 110,000, (e) 100,000, B +10,000, (h) 20,000 = 110,000 − 90,000.
    // Gemini 1.5 ETH sold 2026-05-10 03:00 UTC, dated 05-09 by the broker in two rows (0.5 for
    // 2,000 / 1,500 and 1.0 for 4,000 / 3,000, net): one line G 6,000 / 4,500, (h) 1,500.
    // Gemini fills 0.2 (800) and 0.3 (1,200) joined in one row 0.5 for 2,000 / 1,500: lines
    // 800 / 600 and 1,200 / 900, no code.
    // G: (d) 110,000 + 6,000 + 800 + 1,200 = 118,000; (e) 100,000 + 4,500 + 600 + 900 = 106,000
    expect(cg(r)['byBox']).toEqual({
      G: { proceeds: '118000.00', costBasis: '106000.00', adjustment: '10000.00', gain: '22000.00', lines: 4 },
      H: { proceeds: '95000.00', costBasis: '60000.00', adjustment: '0.00', gain: '35000.00', lines: 1 },
    });
    expect(da(r)).toEqual({
      transactions: 5, matched: 5, notInRecords: 0, notInRecordsProceeds: '0.00', notReported: 0,
      reportedProceeds: '213000.00', adjustments: { B: '10000.00', E: '0.00', O: '0.00' },
    });
    const rows = csv(r, 'form8949.csv').slice(1).map((x) => [x[0], x[2], x[5], x[6], x[7], x[8], x[9]]);
    expect(rows).toEqual([
      ['H', '1 BTC', '95000.00', '60000.00', 'T', '0.00', '35000.00'],
      ['G', '1 BTC', '110000.00', '100000.00', 'B', '10000.00', '20000.00'],
      ['G', '1.5 ETH', '6000.00', '4500.00', '', '0.00', '1500.00'],
      ['G', '0.2 ETH', '800.00', '600.00', '', '0.00', '200.00'],
      ['G', '0.3 ETH', '1200.00', '900.00', '', '0.00', '300.00'],
    ]);
    expect(codes(r)).toEqual([]);
  });
  it('the day-off match and the lot choice are named in the reconciliation', () => {
    const rows = csv(r, 'form-1099-da-reconciliation.csv');
    expect(rows.filter((x) => x[2] === 'matched_day_off').length).toBe(3); // two rows + one line
    const text = readReasons(rows);
    expect(text).toContain('lot choice: the broker took lots acquired 2026-02-01, taxlot\'s lot was acquired 2026-01-10');
    expect(text).toContain('the form says long, taxlot\'s holding period is short term (T)');
  });
  it('net gain unchanged without the forms', () => {
    expect(cg(withoutForm('scenarios/da-2026-broker-lots'))['net']).toBe('57000.00');
    expect(cg(r)['net']).toBe('57000.00');
  });
});

function readReasons(rows: string[][]): string {
  return rows.map((x) => x.join(',')).join('\n');
}

describe('da-2025-missing-unreported: a reported sale not in the exports, an unreported one', () => {
  const r = runFixture('scenarios/da-2025-missing-unreported');
  it('DA_NOT_IN_RECORDS with file:line, DA_NOT_REPORTED in box L', () => {
    // matched: 0.5 BTC (basis 20,000, long) for 50,000 → K; unreported 0.1 BTC (4,000) for 11,000 → L
    expect(cg(r)['byBox']).toEqual({
      K: { proceeds: '50000.00', costBasis: '20000.00', adjustment: '0.00', gain: '30000.00', lines: 1 },
      L: { proceeds: '11000.00', costBasis: '4000.00', adjustment: '0.00', gain: '7000.00', lines: 1 },
    });
    expect(da(r)).toEqual({
      transactions: 2, matched: 1, notInRecords: 1, notInRecordsProceeds: '6000.00', notReported: 1,
      reportedProceeds: '56000.00', adjustments: { B: '0.00', E: '0.00', O: '0.00' },
    });
    const missing = r.diagnostics.find((d) => d.code === 'DA_NOT_IN_RECORDS');
    expect([missing?.severity, missing?.source?.file.endsWith('coinbase-1099-da.csv'), missing?.source?.line]).toEqual(['error', true, 3]);
    const unreported = r.diagnostics.find((d) => d.code === 'DA_NOT_REPORTED');
    expect([unreported?.severity, unreported?.source?.line]).toEqual(['warning', 4]);
    expect(r.summary['inputs']).toEqual({ files: 2, rows: 5, imported: 5, skipped: 0, rejected: 0 });
  });
  it('the CLI exits 1 and writes the reconciliation', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'taxlot-da-')), 'report');
    const bin = join(import.meta.dirname, '..', 'bin', 'taxlot.js');
    const run = spawnSync(process.execPath, [bin, 'report', join(FIXTURES, 'scenarios/da-2025-missing-unreported'), '--out', out, '--no-pdf'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const rec = readFileSync(join(out, 'form-1099-da-reconciliation.csv'), 'utf8');
    expect(rec).toContain('not_in_records');
    expect(rec).toContain('not_reported');
  });
});

describe('da-2025-derivatives: derivative position lines in box C/F in 2025 (issue 16 item 4)', () => {
  it('positions in C, the spot sale in I', () => {
    // OPUSDT PnL 19.769 → 19.77 and 4.88725 → 4.89 (line-rounded; exact 24.65625 → 24.66)
    // BTC: 0.5 of 1 bought 2025-01-02 for 30,000 (15,000), sold 2025-08-01 for 20,000
    const r = runFixture('scenarios/da-2025-derivatives');
    expect(cg(r)['byBox']).toEqual({
      C: { proceeds: '24.66', costBasis: '0.00', adjustment: '0.00', gain: '24.66', lines: 2 },
      I: { proceeds: '20000.00', costBasis: '15000.00', adjustment: '0.00', gain: '5000.00', lines: 1 },
    });
    expect(csv(r, 'form8949.csv').slice(1).map((x) => x[0])).toEqual(['I', 'C', 'C']);
  });
});

describe('byBox before 2025', () => {
  it('C/F only, and only the boxes used', () => {
    // methods-2024 FIFO: short 30,000 − 10,200, long 60,000 − 20,500 (scenarios.test.ts)
    const r = runFixture('scenarios/methods-2024');
    expect(cg(r)['byBox']).toEqual({
      C: { proceeds: '30000.00', costBasis: '10200.00', adjustment: '0.00', gain: '19800.00', lines: 1 },
      F: { proceeds: '60000.00', costBasis: '20500.00', adjustment: '0.00', gain: '39500.00', lines: 1 },
    });
  });
});

describe('tax-software exports of 1099-DA lines (da-2026-broker-lots)', () => {
  const r = runFixture('scenarios/da-2026-broker-lots');
  const files = renderOutputs(r, { pdf: false });
  it('TaxAct carries box, code and adjustment', () => {
    const rows = (files.get('taxact-capital-gains.csv') as string).trim().split('\n');
    expect(rows[1]).toBe('1 BTC,01/10/2026,04/01/2026,110000.00,100000.00,B,10000.00,G,Short');
    expect(rows[5]).toBe('1 BTC,03/01/2025,03/01/2026,95000.00,60000.00,T,0.00,H,Short');
  });
  it('TurboTax gains and TXF, which hold no adjustment, take (e) − (g) as basis: 100,000 − 10,000', () => {
    expect((files.get('turbotax-gains.csv') as string).split('\n')[1]).toBe('BTC,01/10/2026,90000.00,04/01/2026,110000.00');
    // G is written with box A's refnum 321 (TXF v042 has none for G–L)
    expect(files.get('capital-gains.txf') as string).toContain('TD\r\nN321\r\nC1\r\nL1\r\nP1 BTC\r\nD01/10/2026\r\nD04/01/2026\r\n$90000.00\r\n$110000.00\r\n^');
  });
});

describe('the PDF of da-2026-broker-lots, read back', () => {
  const r = runFixture('scenarios/da-2026-broker-lots');
  const pages = pdfPages(renderOutputs(r, { summaryThreshold: 2 }).get('report.pdf') as Uint8Array);
  const page = (title: string) => pages.filter((p) => p.includes(title)).join('\n');
  it('Schedule D lines 1b (box G) and 2 (box H) carry the boxes\' totals', () => {
    const d = page('Schedule D summary');
    expect(amountsOnLine(d, 'Box A or Box G')).toEqual(['118,000.00', '106,000.00', '10,000.00', '22,000.00']);
    expect(amountsOnLine(d, 'Box B or Box H')).toEqual(['95,000.00', '60,000.00', '0.00', '35,000.00']);
  });
  it('box G above the threshold: one code-M line carrying its lines\' code B too (BM)', () => {
    expect(page('Box G checked')).toMatch(/BM\s/);
  });
  it('the reconciliation ties box 1f out to Schedule D', () => {
    const rec = page('Form 1099-DA reconciliation');
    // 95,000 + 110,000 + 2,000 + 4,000 + 2,000 reported; nothing missing; all on G/H lines
    expect(amountsOnLine(rec, 'Proceeds reported on the Forms 1099-DA')).toEqual(['213,000.00']);
    expect(amountsOnLine(rec, 'of which on Schedule D line 1b')).toEqual(['118,000.00']);
    expect(amountsOnLine(rec, 'of which on Schedule D line 2')).toEqual(['95,000.00']);
    // the lot identification note, for the code B line
    expect(rec.replace(/\s+/g, ' ')).toContain("taxlot's lots follow FIFO (default)");
  });
});
