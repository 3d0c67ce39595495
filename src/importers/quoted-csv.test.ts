import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseQuotedCsv } from './quoted-csv.js';

const papa = (input: string, delimiter: string, ignoreLastRow: boolean) => {
  const r = new Papa.Parser({ delimiter, newline: '\n', header: false }).parse(input, 0, ignoreLastRow) as {
    data: string[][];
    errors: unknown[];
    meta: { cursor: number };
  };
  return { data: r.data, errors: r.errors, meta: { cursor: r.meta.cursor } };
};

describe('parseQuotedCsv', () => {
  it('reads rows worked out by hand, leaving the incomplete last row of a block', () => {
    expect(parseQuotedCsv('"a","b"\n"c",d\n"e"', ',', true)).toEqual({ data: [['a', 'b'], ['c', 'd']], errors: [], meta: { cursor: 14 } });
    expect(parseQuotedCsv('"a","b"\n"c",d\n"e"', ',', false)).toEqual({ data: [['a', 'b'], ['c', 'd'], ['e']], errors: [], meta: { cursor: 17 } });
    // a quoted cell may hold the delimiter and line breaks; empty cells, quoted or not
    expect(parseQuotedCsv('"x,y","1\n2",,""\n', ',', true)).toEqual({ data: [['x,y', '1\n2', '', '']], errors: [], meta: { cursor: 16 } });
    // the end of a block inside a quoted cell: that row waits for the next block
    expect(parseQuotedCsv('"a"\n"b', ',', true)).toEqual({ data: [['a']], errors: [], meta: { cursor: 4 } });
  });

  it('leaves to papaparse every text it does not read the plain way', () => {
    for (const text of ['"a""b"\n', 'a"b,c\n', '"a" ,b\n', '"a"x\n', '"open', '']) expect(parseQuotedCsv(text, ',', false)).toBeUndefined();
    expect(parseQuotedCsv('"a"\n', '||', false)).toBeUndefined();
  });

  it('gives what papaparse gives, whenever it reads the text', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '1', ',', ';', '"', '"', '\n', ' ', '""', '","', '"\n"'), { maxLength: 60 }).map((a) => a.join(''));
    let read = 0;
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';'), fc.boolean(), (input, delimiter, ignoreLastRow) => {
        const quick = parseQuotedCsv(input, delimiter, ignoreLastRow);
        if (quick === undefined) return;
        read++;
        expect(quick).toEqual(papa(input, delimiter, ignoreLastRow));
      }),
      { numRuns: 20000 },
    );
    expect(read).toBeGreaterThan(2000);
  });

  it('gives what papaparse gives on export-like text, quoted cell by cell', () => {
    const cell = fc.oneof(fc.constantFrom('', 'BTC', '-0.5', '2024-01-02 03:04:05', 'spot / main', 'a,b', 'x\ny'), fc.string({ maxLength: 6 }).map((s) => s.replace(/"/g, '')));
    const row = fc.array(fc.tuple(cell, fc.boolean()), { minLength: 1, maxLength: 6 }).map((cells) => cells.map(([c, q]) => (q || /[,\n]/.test(c) ? `"${c}"` : c)).join(','));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.nat(), fc.boolean(), (rows, cut, ignoreLastRow) => {
        const whole = rows.join('\n');
        const input = whole.slice(0, whole.length === 0 ? 0 : cut % (whole.length + 1)); // cut anywhere, as a block is
        const quick = parseQuotedCsv(input, ',', ignoreLastRow);
        const reference = papa(input, ',', ignoreLastRow);
        if (quick === undefined) {
          // only text with an open quote at its end (or none at all) is left to papaparse here
          expect(input === '' || !ignoreLastRow).toBe(true);
          return;
        }
        expect(quick).toEqual(reference);
      }),
      { numRuns: 5000 },
    );
  });
});
