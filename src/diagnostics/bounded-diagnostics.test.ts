/**
 * Repeated row diagnostics are bounded (bounded-diagnostics.ts): however many bad rows, a file
 * keeps a fixed number in full plus one counted summary per shape, and the totals still count
 * every problem. Sizes asserted, never times.
 */
import { describe, expect, it } from 'vitest';
import { importFile } from '../importers/import-file.js';
import { koinlyUniversal } from '../importers/koinly-universal.js';
import { renderOutputs } from '../report/render-outputs.js';
import { computeReport } from '../pipeline/compute-report.js';
import { toReportOptions } from '../cli/options.js';
import { BoundedDiagnostics, KEEP_IN_FULL, MAX_SHAPES, messageShape } from './bounded-diagnostics.js';
import { countBySeverity, diagnostic } from './diagnostic.js';
import { formatDiagnostic } from './format-diagnostic.js';

const HEADER = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
const ref = (line: number) => ({ file: 'a.csv', line, format: 'x' });

describe('BoundedDiagnostics', () => {
  it('blanks quoted values and numbers in a shape', () => {
    expect(messageShape('cannot read "12x0" as a number in column "Amount"')).toBe('cannot read "…" as a number in column "…"');
    expect(messageShape('the row has 14 cells but the header has 12')).toBe('the row has # cells but the header has #');
  });

  it('keeps 20 of one shape in full and sums the rest into one summary with the first and last line', () => {
    const sink = new BoundedDiagnostics();
    for (let line = 2; line <= 1001; line++) sink.push(diagnostic('ROW_BAD_NUMBER', `cannot read "x${line}" as a number in column "Amount"`, ref(line)));
    const out = sink.finish();
    expect(out.length).toBe(KEEP_IN_FULL + 1);
    expect(out.slice(0, KEEP_IN_FULL).map((d) => d.source?.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const s = out[KEEP_IN_FULL];
    // 1000 diagnostics: lines 2..21 in full, 980 more from line 22 to line 1001
    expect(s?.count).toBe(980);
    expect(s?.source?.line).toBe(22);
    expect(s?.message).toContain('lines 22 to 1001');
    expect(s?.message).toContain('"x22"');
    expect(countBySeverity(out).errors).toBe(1000);
  });

  it('keeps different shapes and codes apart, and caps the number of shapes', () => {
    const sink = new BoundedDiagnostics();
    sink.push(diagnostic('ROW_BAD_NUMBER', 'a "1"', ref(2)), diagnostic('ROW_BAD_DATE', 'a "1"', ref(3)), diagnostic('ROW_BAD_NUMBER', 'b "1"', ref(4)));
    expect(sink.finish().length).toBe(3);
    const many = new BoundedDiagnostics();
    // shapes differing in an unquoted word: past MAX_SHAPES they share one summary
    for (let i = 0; i < 5000; i++) many.push(diagnostic('ROW_UNKNOWN_TYPE', `type ${String.fromCharCode(97 + (i % 26))}${'x'.repeat(i % 300)}`, ref(i + 2)));
    const out = many.finish();
    expect(out.length).toBeLessThanOrEqual(MAX_SHAPES * KEEP_IN_FULL + 1);
    expect(countBySeverity(out).errors).toBe(5000);
  });

  it('cuts a message quoting a huge cell to what is printed', () => {
    const sink = new BoundedDiagnostics();
    sink.push(diagnostic('ROW_UNKNOWN_TYPE', `unknown label "${'z'.repeat(60_000)}"`, ref(2)));
    expect(sink.finish()[0]?.message.length).toBeLessThanOrEqual(1000);
  });
});

describe('a file of 200,000 bad rows', () => {
  const rows = 200_000;
  const text = `${HEADER}\n${',,,,,,,,,,,\n'.repeat(rows)}`;

  it('gives a bounded list of diagnostics, still counting every row as rejected', () => {
    const r = importFile('empty.csv', text, { importers: [koinlyUniversal] });
    expect(r.accounting).toMatchObject({ rows, imported: 0, rejected: rows });
    expect(r.diagnostics.length).toBe(KEEP_IN_FULL + 1);
    expect(countBySeverity(r.diagnostics).errors).toBe(rows);
  });

  it('writes a diagnostics.txt of a few kilobytes, and summary.json counts every error', () => {
    const { options } = toReportOptions({
      'lot-scope': 'auto', timezone: 'UTC', 'filing-status': 'single', 'carryover-short': '0', 'carryover-long': '0',
      'price-window': 24, 'transfer-window': 48, 'transfer-tolerance': '0.01',
    });
    const data = computeReport([{ file: 'empty.csv', text }], options);
    const outputs = renderOutputs(data, { pdf: false });
    const txt = outputs.get('diagnostics.txt') as string;
    expect(txt.length).toBeLessThan(10_000);
    expect(txt).toContain(`and ${rows - KEEP_IN_FULL} more like the ${KEEP_IN_FULL} above (lines ${KEEP_IN_FULL + 2} to ${rows + 1})`);
    expect(JSON.parse(outputs.get('summary.json') as string).diagnostics.errors).toBe(rows);
    expect(formatDiagnostic(data.diagnostics[0]!)).toContain('empty.csv:2:');
  });
});

describe('skip reasons that quote a cell', () => {
  it('are counted by reason up to 100 distinct ones, the rest together', async () => {
    const { defineImporter, skip } = await import('../importers/importer-spec.js');
    const { text: textColumn } = await import('../importers/columns.js');
    const statusSkipper = defineImporter({
      id: 'test-status', label: 'test', howToExport: 'test', wallet: 'test',
      columns: { status: textColumn('status'), note: textColumn('note') },
      mapRow: (r) => skip(`status ${r.status}`),
    });
    const rows = Array.from({ length: 5000 }, (_, i) => `s${i},x`);
    const r = importFile('s.csv', ['status,note', ...rows].join('\n'), { importers: [statusSkipper] });
    expect(r.accounting).toMatchObject({ rows: 5000, skipped: 5000 });
    const reasons = Object.entries(r.accounting.skippedByReason);
    expect(reasons.length).toBe(101);
    expect(reasons.reduce((n, [, c]) => n + c, 0)).toBe(5000);
    expect(r.accounting.skippedByReason['status s0']).toBe(1);
  });
});
