/**
 * CSV rendering shared by every CSV output: RFC 4180 quoting, `\n` line ends, and protection
 * against formula injection — a text cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed
 * with `'` so a spreadsheet shows it as text instead of executing it (OWASP "CSV Injection").
 * Numeric cells are written as they are: `-12.50` stays a number.
 *
 * Two ways to write rows, the same bytes:
 * - `Cell[]` rows (`renderRow`, `csvChunks`, `renderCsv`), for the small files;
 * - rows written as one string each from escaped cells (`csvText` for a text cell, `csvNumber`
 *   for a number), joined by commas by the caller, and cut into chunks by `lineChunks` — the big
 *   files (millions of cells) so build no array or wrapper object per cell.
 * The rules are checked character by character (no RegExp per cell): a cell is quoted when it
 * holds `"`, `,`, LF or CR, or starts or ends with white space (JavaScript's `\s`).
 *
 * A big CSV is produced as a stream of chunks (about 64 KiB each) so that the writer never holds a
 * whole file as one string; `renderCsv` joins them for small files and tests.
 */
import { joinChunks } from '../output-stream.js';

export type Cell = string | number | { readonly number: string } | undefined;

/** Mark a string as a number so it is not defused (amounts may be negative). */
export const num = (text: string): Cell => ({ number: text });

/** Rows per chunk is not fixed: a chunk is yielded once it holds this many characters. */
const CHUNK_CHARS = 1 << 16;

/** JavaScript's `\s`: the white space that RegExp `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when `text` must be quoted: it holds `"`, `,`, LF or CR, or starts or ends with white space. */
function needsQuotes(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  if (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(n - 1))) return true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return true;
  }
  return false;
}

const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** A number cell as written: as it is, quoted only if it is not plain number text. */
export function csvNumber(text: string): string {
  return needsQuotes(text) ? quoted(text) : text;
}

/** A text cell as written: defused when it starts like a formula, quoted when it must be. */
export function csvText(text: string): string {
  const c = text.charCodeAt(0);
  // = + - @ tab CR
  const safe = c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${text}` : text;
  return needsQuotes(safe) ? quoted(safe) : safe;
}

export function renderCell(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return csvNumber(String(cell));
  if (typeof cell === 'object') return csvNumber(cell.number);
  return csvText(cell);
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

/**
 * The CSV as chunks from rows already written (`csvText`/`csvNumber` cells joined by commas,
 * without the line end): the header, then each row, each line ending in `\n`.
 */
export function* lineChunks(header: readonly string[], rows: Iterable<string>): Generator<string> {
  let chunk = `${renderRow(header)}\n`;
  for (const row of rows) {
    chunk += `${row}\n`;
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
