/**
 * CSV rendering shared by every CSV output: RFC 4180 quoting, `\n` line ends, and protection
 * against formula injection — a text cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed
 * with `'` so a spreadsheet shows it as text instead of executing it (OWASP "CSV Injection").
 * Numeric cells are written as they are: `-12.50` stays a number.
 *
 * A big CSV is produced as a stream of chunks (`csvChunks`, about 64 KiB each) so that the writer
 * never holds a whole file as one string; `renderCsv` joins them for small files and tests.
 */
import { joinChunks } from '../output-stream.js';

export type Cell = string | number | { readonly number: string } | undefined;

/** Mark a string as a number so it is not defused (amounts may be negative). */
export const num = (text: string): Cell => ({ number: text });

const DANGEROUS = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/;

/** Rows per chunk is not fixed: a chunk is yielded once it holds this many characters. */
const CHUNK_CHARS = 1 << 16;

export function renderCell(cell: Cell): string {
  let text: string;
  if (cell === undefined) text = '';
  else if (typeof cell === 'number') text = String(cell);
  else if (typeof cell === 'object') text = cell.number;
  else text = DANGEROUS.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, without its line end. */
export function renderRow(row: readonly Cell[]): string {
  let out = row.length > 0 ? renderCell(row[0]) : '';
  for (let i = 1; i < row.length; i++) out += `,${renderCell(row[i])}`;
  return out;
}

/** The CSV as chunks: header, then the rows, each line ending in `\n`. */
export function* csvChunks(header: readonly string[], rows: Iterable<readonly Cell[]>): Generator<string> {
  let chunk = `${renderRow(header)}\n`;
  for (const row of rows) {
    chunk += `${renderRow(row)}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

export function renderCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  return joinChunks(csvChunks(header, rows));
}
