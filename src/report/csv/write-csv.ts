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
 * A cell is quoted when it holds `"`, `,`, LF or CR, or starts or ends with white space
 * (JavaScript's `\s`); a number cell is only checked for that, a text cell is defused first.
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

/** Cells holding `"`, `,`, LF or CR, or starting or ending with white space, are quoted. */
const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/;

const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** A number cell as written: as it is, quoted only if it is not plain number text. */
export function csvNumber(text: string): string {
  return NEEDS_QUOTES.test(text) ? quoted(text) : text;
}

/** A text cell as written: defused when it starts like a formula, quoted when it must be. */
export function csvText(text: string): string {
  const c = text.charCodeAt(0);
  // = + - @ tab CR
  const safe = c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? quoted(safe) : safe;
}

/** For each file name: the written source reference `file:` before its line number, and after it. */
const refParts = new Map<string, readonly [string, string]>();

/**
 * `csvText(formatSourceRef(ref))` (`file:line`), with the file's part checked once per file name:
 * a line number (digits) neither needs quotes nor ends in white space, and the first character is
 * the file's, so the file alone decides the quoting and the defusing. Audit columns hold two or
 * three references per row.
 */
export function csvSourceRef(ref: { readonly file: string; readonly line: number }): string {
  let parts = refParts.get(ref.file);
  if (parts === undefined) {
    const probe = csvText(`${ref.file}:0`);
    parts = probe.endsWith('"') ? [probe.slice(0, -2), '"'] : [probe.slice(0, -1), ''];
    refParts.set(ref.file, parts);
  }
  return `${parts[0]}${ref.line}${parts[1]}`;
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
