import { describe, expect, it } from 'vitest';
import { csvRows, MAX_FIELD_CHARS, MAX_RECORD_CHARS, readCsv } from './read-csv.js';

/** `text` cut into pieces of `size` characters (how a file arrives in reads). */
const pieces = (text: string, size: number): string[] => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

/** Each row as `line: cells` or `line: CODE`. */
const shown = (text: string, size?: number): string[] =>
  [...csvRows(size === undefined ? [text] : pieces(text, size), ',')].map((r) => `${r.line}: ${r.problem ? r.problem.code : r.cells.join('|')}`);

describe('csvRows', () => {
  it('numbers rows by the physical line they start on', () => {
    expect(readCsv('a,b\n1,"x\ny"\n3,4', ',').rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(shown('a,b\n\n1,2\n')).toEqual(['1: a|b', '3: 1|2']);
  });

  describe('limits (nothing grows without bound)', () => {
    it('rejects the first line of a quote never closed within 1 MiB, and reads on from the next line', () => {
      const open = `"${'y'.repeat(MAX_RECORD_CHARS + 200_000)}`; // line 3: an unclosed quote, no line break
      const text = `a,b\n1,2\n${open}\n3,4\n5,6\n`;
      const expected = ['1: a|b', '2: 1|2', '3: CSV_LINE_TOO_LONG', '4: 3|4', '5: 5|6'];
      expect(shown(text)).toEqual(expected);
      expect(shown(text, 4093)).toEqual(expected);
      expect(shown(text, 1 << 20)).toEqual(expected);
      const problem = [...csvRows([text], ',')][2]?.problem;
      expect(problem?.message).toBe('the record is not closed within 1 MiB (an unclosed quote, or not a CSV file)');
    });

    it('rejects a row with a cell over 64 KiB, and keeps the rows around it', () => {
      const text = `a,b\n1,${'z'.repeat(MAX_FIELD_CHARS + 1)}\n3,4\n`;
      expect(shown(text)).toEqual(['1: a|b', '2: CSV_LINE_TOO_LONG', '3: 3|4']);
      expect(shown(text, 4093)).toEqual(['1: a|b', '2: CSV_LINE_TOO_LONG', '3: 3|4']);
      expect([...csvRows([text], ',')][1]?.problem?.message).toBe(`a cell holds ${MAX_FIELD_CHARS + 1} characters (limit ${MAX_FIELD_CHARS})`);
    });

    it('accepts a cell of exactly 64 KiB', () => {
      const cell = 'z'.repeat(MAX_FIELD_CHARS);
      expect(shown(`a,b\n1,${cell}\n`)).toEqual(['1: a|b', `2: 1|${cell}`]);
    });
  });
});
