/**
 * Streaming must not change results: the same file read whole or in chunks of any size — cut
 * inside a line, a quoted cell, a CRLF pair or a multi-byte character — gives the same rows, the
 * same line numbers and the same summary.json.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectInputs, readInputs } from '../src/cli/io.js';
import { toReportOptions } from '../src/cli/options.js';
import { computeReport } from '../src/pipeline/compute-report.js';
import { csvRows } from '../src/importers/read-csv.js';
import { importFile } from '../src/importers/import-file.js';
import { ALL_IMPORTERS } from '../src/importers/index.js';
import { normalizedChunks } from '../src/importers/text-source.js';
// @ts-expect-error the generator is plain JavaScript (bench/), without type declarations
import { generateHistory } from '../bench/generate-history.js';
import { defaultArgs } from './support/run-report.js';

/** Cut a text into pieces at the given offsets. */
function cut(text: string, sizes: readonly number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
}

const rowsOf = (chunks: Iterable<string>) => [...csvRows(normalizedChunks(chunks), ',')].map((r) => ({ line: r.line, cells: r.cells, code: r.problem?.code }));

describe('the CSV reader, whole or chunked', () => {
  const tricky =
    '\ufeffDate,Note,Amount\r\n' +
    '2024-01-01,"two\r\nlines",1.5\r\n' +
    '2024-01-02,"say ""hi""",2\r' + // this CR and the next LF are one CRLF...
    '\n\n' + // ...then a blank line
    '2024-01-03,€ and 日本,3\r' + // a lone CR ends a line too
    '2024-01-04,"x\ny\nz",4\n' +
    '2024-01-05,plain,5';

  it('numbers rows by the physical line they start on (counted by hand)', () => {
    expect(rowsOf([tricky]).map((r) => r.line)).toEqual([1, 2, 4, 6, 7, 10]);
    expect(rowsOf([tricky])[1]?.cells).toEqual(['2024-01-01', 'two\nlines', '1.5']);
    expect(rowsOf([tricky])[2]?.cells).toEqual(['2024-01-02', 'say "hi"', '2']);
  });

  it('gives the same rows for every way of cutting the text', () => {
    const whole = rowsOf([tricky]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }), (sizes) => {
        expect(rowsOf(cut(tricky, sizes))).toEqual(whole);
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it('an unclosed quote at the end rejects its line and reads the lines after it', () => {
    const text = 'a,b\n1,2\n3,"open\n4,5\n';
    const rows = rowsOf([text]);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'], code: undefined },
      { line: 2, cells: ['1', '2'], code: undefined },
      { line: 3, cells: [], code: 'CSV_MALFORMED' },
      { line: 4, cells: ['4', '5'], code: undefined },
    ]);
    expect(rowsOf(cut(text, [3]))).toEqual(rows);
  });
});

describe('the CLI reader decodes chunk by chunk', () => {
  it('a character split between two reads comes out whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxlot-stream-'));
    const text = 'Date,Note\n2024-01-01,€日本😀\n'.repeat(50);
    writeFileSync(join(dir, 'u.csv'), text);
    for (const chunkBytes of [1, 2, 3, 5, 7, 64]) {
      const [input] = readInputs([join(dir, 'u.csv')], { chunkBytes });
      const source = input?.text;
      expect(typeof source).toBe('function');
      expect([...(source as () => Iterable<string>)()].join('')).toBe(text);
    }
  });
});

describe('a 100,000-row history', () => {
  it('gives the same summary.json read whole, in 1 MiB reads or in odd small reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxlot-stream-history-'));
    await generateHistory({ rows: 100_000, seed: 3, out: dir });
    const { options } = toReportOptions(defaultArgs({ prices: join(dir, 'prices.csv') }));
    const paths = collectInputs([join(dir, 'exports')]);
    const summaryWith = (chunkBytes?: number) => {
      const inputs = chunkBytes === undefined ? paths.map((p) => ({ file: p, text: readFileSync(p, 'utf8') })) : readInputs(paths, { chunkBytes });
      return computeReport(inputs, options).summary;
    };
    const whole = summaryWith();
    expect((whole['inputs'] as { rows: number }).rows).toBe(100_000);
    expect(summaryWith(1 << 20)).toEqual(whole);
    expect(summaryWith(4093)).toEqual(whole);
  }, 120_000);
});

describe('a file without line breaks', () => {
  it('is read in bounded pieces: unknown format, one row counted, no huge string', () => {
    // 600 MiB of one line, streamed in 1 MiB chunks — more than V8's longest string (~512 MiB), so
    // holding the line whole would throw: the head stops at 4 MiB, the count never holds the line
    const chunk = 'x'.repeat(1 << 20);
    const source = () => Array.from({ length: 600 }, () => chunk);
    const r = importFile('blob.csv', source, { importers: ALL_IMPORTERS });
    expect(r.format).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FORMAT_UNKNOWN']);
    expect(r.accounting).toMatchObject({ rows: 0, rejected: 0 }); // one line: the would-be header, no data rows
  });

  it('counts the non-blank lines of an unknown file across chunks', () => {
    const text = 'foo,bar\n1,2\n\n   \n3,4';
    for (const size of [1, 2, 3, 100]) {
      const r = importFile('f.csv', () => cut(text, [size]), { importers: ALL_IMPORTERS });
      expect(r.accounting.rows).toBe(2); // 3 non-blank lines, the first taken as the header
    }
  });
});
