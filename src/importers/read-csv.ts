/**
 * Normalised CSV text, streamed → rows of raw string cells, each with the physical line it starts
 * on.
 *
 * papaparse's own parser (`Papa.Parser`, the engine behind `Papa.parse`) reads the text block by
 * block with `ignoreLastRow`, so an incomplete last row is carried into the next block; cells stay
 * strings (amounts never pass through JS numbers). A block with quotes whose quoted cells are all
 * plain ones is read by `quoted-csv.ts` instead, with papaparse's result. Line numbers are physical: a quoted cell that
 * spans lines pushes the following rows down, exactly as an editor shows them.
 *
 * Determinism: the incoming chunks are re-cut into blocks at fixed offsets of the text
 * (`BLOCK_CHARS`), so every decision below — including the limits — depends on the text alone,
 * never on how the caller chunked it.
 *
 * Limits that protect the machine (issue #9): a record still open after `MAX_RECORD_CHARS` (an
 * unclosed quote, a binary blob) stops being read: its first line is rejected (`CSV_LINE_TOO_LONG`)
 * and reading resumes on the next line; a row longer than that, or with a cell over
 * `MAX_FIELD_CHARS`, is rejected the same way. Nothing grows without bound.
 */
import Papa from 'papaparse';
import { parseQuotedCsv } from './quoted-csv.js';
import { countNewlines } from './text-source.js';

/**
 * 64 KiB: a block's parsed rows live until the importer has mapped them all; at 1 MiB (~10,000
 * rows) they outlived V8's young generation and ~600 MB of them died in the old one on a
 * 1M-row history (sampling heap profile); at 64 KiB ~280 MB fewer bytes are promoted.
 */
export const BLOCK_CHARS = 1 << 16;
export const MAX_RECORD_CHARS = 1 << 20;
export const MAX_FIELD_CHARS = 1 << 16;

export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
  /** Set when the row's structure is broken: the row is rejected with this diagnostic. */
  readonly problem?: CsvProblem;
}

export interface CsvProblem {
  readonly code: 'CSV_MALFORMED' | 'CSV_LINE_TOO_LONG';
  readonly message: string;
}

/** Re-cut chunks into pieces of exactly `size` characters (the last one shorter). */
function* fixedBlocks(chunks: Iterable<string>, size: number): Generator<string> {
  let pending = '';
  for (const chunk of chunks) {
    pending = pending === '' ? chunk : pending + chunk;
    while (pending.length >= size) {
      yield pending.slice(0, size);
      pending = pending.slice(size);
    }
  }
  if (pending !== '') yield pending;
}

interface Parsed {
  readonly data: string[][];
  readonly errors: { row?: number; code?: string; message: string }[];
  readonly meta: { cursor: number };
}

/**
 * Rows of normalised CSV text (LF line breaks, no BOM), first line numbered `firstLine`.
 * Blank lines are not rows. Rows come out in file order.
 * @example [...csvRows(['a,b\n1,"x\ny"\n3,4'], ',')].map((r) => r.line) // [1, 2, 4]
 */
export function* csvRows(chunks: Iterable<string>, delimiter: string, firstLine = 1): Generator<CsvRow> {
  const parser = new Papa.Parser({ delimiter, newline: '\n', header: false });
  let carry = ''; // the start of a row not yet complete
  let line = firstLine; // physical line on which `carry` starts
  let discarding = false; // inside an over-long line: drop text up to its end

  function* parse(input: string, final: boolean): Generator<CsvRow> {
    let text = input;
    for (;;) {
      const textLine = line;
      const quoted = text.includes('"');
      // quoted cells read the quick way when they are plain ones (quoted-csv.ts), else by papaparse
      const result = (quoted ? parseQuotedCsv(text, delimiter, !final) : undefined) ?? (parser.parse(text, 0, !final) as Parsed);
      const consumed = final ? text.length : result.meta.cursor;
      const unclosed = yield* rowsOf(result, text, quoted, consumed, final);
      if (unclosed !== undefined) {
        // The file ends inside a quoted cell opened on line `unclosed` (a truncated export):
        // reject that line and read the lines after it again.
        yield { line: unclosed, cells: [], problem: { code: 'CSV_MALFORMED', message: 'a quote opened on this line is never closed' } };
        const from = offsetOfLine(text, unclosed - textLine);
        const nl = text.indexOf('\n', from);
        line = unclosed + 1;
        if (nl < 0) return;
        text = text.slice(nl + 1);
        continue;
      }
      carry = text.slice(consumed);
      if (carry.length <= MAX_RECORD_CHARS) return;
      // An unclosed quote (or a blob without line breaks) would swallow the rest: reject the
      // first line of the record and read again from the next one.
      yield tooLong(line, 'the record is not closed within 1 MiB (an unclosed quote, or not a CSV file)');
      const nl = carry.indexOf('\n');
      if (nl < 0) {
        discarding = true;
        carry = '';
        return;
      }
      line++;
      text = carry.slice(nl + 1);
      carry = '';
      if (text === '') return;
    }
  }

  /**
   * Yield the rows of one parse, numbered. Returns the line of the last row instead of yielding it
   * when it is an unclosed quoted cell at the end of the file spanning several lines.
   */
  function* rowsOf(result: Parsed, text: string, quoted: boolean, consumed: number, final: boolean): Generator<CsvRow, number | undefined> {
    const rows = result.data;
    const errors = new Map<number, string>();
    for (const e of result.errors) if (e.row !== undefined && !errors.has(e.row)) errors.set(e.row, e.message);
    const unclosedLast = final && unclosedAtEnd(result);
    // one physical line per row unless a quoted cell holds line breaks
    const simple = !quoted || countNewlines(text, consumed) === (final ? rows.length - 1 : rows.length);
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i] as string[];
      const start = line;
      line += simple ? 1 : 1 + newlinesInCells(cells);
      if (unclosedLast && i === rows.length - 1 && cells.some((c) => c.includes('\n'))) {
        line = start;
        return start;
      }
      if (cells.length === 1 && (cells[0] as string).trim() === '') continue; // a blank line
      const error = errors.get(i);
      if (error !== undefined) yield { line: start, cells, problem: { code: 'CSV_MALFORMED', message: error } };
      else yield checkLimits(start, cells);
    }
    return undefined;
  }

  for (const block of fixedBlocks(chunks, BLOCK_CHARS)) {
    let text = block;
    if (discarding) {
      const nl = text.indexOf('\n');
      if (nl < 0) continue;
      discarding = false;
      line++;
      text = text.slice(nl + 1);
    }
    yield* parse(carry === '' ? text : carry + text, false);
  }
  if (carry !== '' && !discarding) yield* parse(carry, true);
}

function unclosedAtEnd(result: Parsed): boolean {
  const last = result.data.length - 1;
  return result.errors.some((e) => e.row === last && e.code === 'MissingQuotes');
}

function checkLimits(line: number, cells: string[]): CsvRow {
  let total = 0;
  for (const c of cells) {
    if (c.length > MAX_FIELD_CHARS) return tooLong(line, `a cell holds ${c.length} characters (limit ${MAX_FIELD_CHARS})`);
    total += c.length;
  }
  return total > MAX_RECORD_CHARS ? tooLong(line, `the row holds ${total} characters (limit ${MAX_RECORD_CHARS})`) : { line, cells };
}

function tooLong(line: number, message: string): CsvRow {
  return { line, cells: [], problem: { code: 'CSV_LINE_TOO_LONG', message } };
}

/** Offset of the start of the `n`-th line (0-based) of `text`. */
function offsetOfLine(text: string, n: number): number {
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset;
}

function newlinesInCells(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.includes('\n')) n += countNewlines(c);
  return n;
}

/**
 * Parse a whole normalised text (tests and small inputs).
 * @example readCsv('a,b\n1,"x\ny"\n3,4', ',').rows.map((r) => r.line) // [1, 2, 4]
 */
export function readCsv(text: string, delimiter: string): { rows: CsvRow[] } {
  return { rows: [...csvRows([text], delimiter)] };
}
