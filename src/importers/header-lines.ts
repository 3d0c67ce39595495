/**
 * Header lines met below the first one (two exports joined into one file), issue #17.
 *
 * A row is a header line when its first cell and at least half of its non-empty cells (two at
 * least) are header names this file has used. Then:
 *  - the same header, same order: skipped (`ROW_SKIPPED`), nothing changes;
 *  - the importer's columns in another order (or with optional columns added or dropped): the rows
 *    after it are read by *its* column names (`CSV_HEADER_CHANGED`, a warning) — reading them with
 *    the first header's positions would swap values between columns silently;
 *  - a header this importer cannot read (a required column gone): an error (`CSV_HEADER_MISMATCH`),
 *    and every row after it is rejected until a header line the importer can read.
 * Cheap for data rows: a first cell that starts with a digit (dates, amounts, ids) or is longer
 * than any header name is data at once; only the rest are normalised and looked up.
 */
import type { ColumnBinding } from './detect.js';
import { bindHeaderCells, normalizeHeader } from './detect.js';
import type { Importer } from './importer-spec.js';

export type HeaderVerdict =
  | { readonly kind: 'data' }
  | { readonly kind: 'same' }
  | { readonly kind: 'switched'; readonly bindings: ReadonlyMap<string, ColumnBinding>; readonly moved: readonly string[] }
  | { readonly kind: 'foreign'; readonly missing: readonly string[] };

/** The verdict of nearly every row: one object, not one per row. */
const DATA: HeaderVerdict = { kind: 'data' };

export class HeaderLines {
  /** The header the rows are read by now, normalised. */
  current: readonly string[];
  private readonly known: Set<string>;
  private longest = 0;

  constructor(
    private readonly importer: Importer,
    firstHeader: readonly string[],
  ) {
    this.current = firstHeader.map(normalizeHeader);
    this.known = new Set();
    this.learn(this.current);
  }

  /** What a row is: data, or a header line and what it does to the columns. */
  judge(cells: readonly string[]): HeaderVerdict {
    if (!this.isHeaderLine(cells)) return DATA;
    const normalized = cells.map(normalizeHeader);
    if (normalized.length === this.current.length && normalized.every((h, i) => h === this.current[i])) return { kind: 'same' };
    const bound = bindHeaderCells(this.importer, cells);
    if ('missing' in bound) return { kind: 'foreign', missing: bound.missing };
    const moved = normalized.filter((h, i) => h !== '' && this.current[i] !== h);
    this.current = normalized;
    this.learn(normalized);
    return { kind: 'switched', bindings: bound.bindings, moved };
  }

  private isHeaderLine(cells: readonly string[]): boolean {
    const first = cells[0] ?? '';
    if (first === '' || first.length > this.longest + 8 || cells.length < 2) return false;
    const c = first.charCodeAt(0);
    if (c >= 48 && c <= 57) return false; // a digit: a date, an amount, an id
    if (!this.known.has(normalizeHeader(first))) return false;
    let named = 0;
    let filled = 0;
    for (const cell of cells) {
      if (cell.trim() === '') continue;
      filled++;
      if (this.known.has(normalizeHeader(cell))) named++;
    }
    return named >= 2 && named * 2 >= filled;
  }

  private learn(names: readonly string[]): void {
    for (const n of names) {
      if (n === '') continue;
      this.known.add(n);
      if (n.length > this.longest) this.longest = n.length;
    }
  }
}
