/**
 * A quick reading of CSV text whose quoted cells are plain: what papaparse's parser gives for it,
 * or `undefined` when the text holds anything else, which is then left to papaparse.
 *
 * papaparse reads text without quotes with `split` (fast), but text with any quote — a Kraken
 * ledger quotes every cell — with a loop that looks up the next delimiter, line break and quote
 * after every cell and runs a regular expression over each quoted one. Here a cell is either
 * unquoted (no quote in it) or wholly quoted (an opening quote, no quote inside, the closing quote
 * right before the delimiter, a line break or the end); for such text the rows, cells and cursor
 * are papaparse's (`quoted-csv.test.ts` compares both on random texts). Anything else — a doubled
 * quote, a quote inside an unquoted cell, spaces after a closing quote, an unclosed quote at the
 * end of the file — gives `undefined`, so papaparse's own rules (and its error reports) apply.
 */

/** papaparse's `Parser.parse` result, as read-csv.ts uses it. */
export interface QuotedParse {
  readonly data: string[][];
  readonly errors: { row?: number; code?: string; message: string }[];
  readonly meta: { cursor: number };
}

const QUOTE = 34;
const LF = 10;

/**
 * `new Papa.Parser({ delimiter, newline: '\n' }).parse(input, 0, ignoreLastRow)` for text in the
 * shape above; `undefined` for any other text (and for a delimiter longer than one character).
 * @example parseQuotedCsv('"a","b"\n"c",d\n"e"', ',', true) // data [['a', 'b'], ['c', 'd']], cursor 14
 */
export function parseQuotedCsv(input: string, delimiter: string, ignoreLastRow: boolean): QuotedParse | undefined {
  if (delimiter.length !== 1 || input === '') return undefined;
  const delim = delimiter.charCodeAt(0);
  if (delim === QUOTE || delim === LF) return undefined;
  const n = input.length;
  const data: string[][] = [];
  let row: string[] = [];
  let cursor = 0; // the start of the current cell
  let lastCursor = 0; // just after the last row taken
  for (;;) {
    let end: number; // the character after the cell: the delimiter, a line break, or n
    if (cursor < n && input.charCodeAt(cursor) === QUOTE) {
      const close = input.indexOf('"', cursor + 1);
      if (close < 0) {
        // a quote still open at the end: the incomplete last row of a block, else papaparse's error
        if (ignoreLastRow) break;
        return undefined;
      }
      end = close + 1;
      if (end < n) {
        const c = input.charCodeAt(end);
        if (c !== delim && c !== LF) return undefined;
      }
      row.push(input.substring(cursor + 1, close));
    } else {
      end = cursor;
      for (; end < n; end++) {
        const c = input.charCodeAt(end);
        if (c === delim || c === LF) break;
        if (c === QUOTE) return undefined;
      }
      row.push(input.substring(cursor, end));
    }
    if (end >= n) {
      // the last row, not ended by a line break: incomplete in a block, the file's last otherwise
      if (!ignoreLastRow) {
        data.push(row);
        lastCursor = n;
      }
      break;
    }
    cursor = end + 1;
    if (input.charCodeAt(end) === LF) {
      data.push(row);
      row = [];
      lastCursor = cursor;
    }
  }
  return { data, errors: [], meta: { cursor: lastCursor } };
}
