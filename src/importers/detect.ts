/**
 * Recognising a file's format from its content.
 *
 * The header row may sit below a preamble (Coinbase, OKX, Bybit), so the first lines are scanned;
 * each is split with `,`, `;` and tab. Headers are normalised (BOM, surrounding space, case, inner
 * runs of space) before comparison. An importer matches a line when every required column has a
 * header there, its `also` headers are present and its `absent` headers are not. A header more
 * than one importer matches is refused as ambiguous (`FORMAT_AMBIGUOUS`, as the README promises),
 * never read as the one with the most columns: `--format` says which it is. When nothing matches, the closest importer and its missing
 * columns are named so the user can tell a renamed column from a foreign file.
 */
import Papa from 'papaparse';
import { unwrapWholeRow } from './whole-row-quotes.js';
import type { HeaderMatcher } from './columns.js';
import type { Importer } from './importer-spec.js';

/** Lines of a file searched for its header row. */
export const SCAN_LINES = 30;
const DELIMITERS = [',', ';', '\t'] as const;

export function normalizeHeader(header: string): string {
  return header.replace(/\ufeff/g, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Where each declared column of an importer sits in a file. */
export interface ColumnBinding {
  readonly index: number;
  readonly header: string;
}

export interface FormatMatch {
  readonly importer: Importer;
  readonly delimiter: string;
  /** 0-based index of the header line within the normalised text's lines. */
  readonly headerLineIndex: number;
  readonly headers: readonly string[];
  readonly bindings: ReadonlyMap<string, ColumnBinding>;
}

export type Detection =
  | { readonly kind: 'match'; readonly match: FormatMatch }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] }
  | { readonly kind: 'unknown'; readonly closest?: { readonly id: string; readonly missing: readonly string[] } }
  | { readonly kind: 'forced-mismatch'; readonly id: string; readonly missing: readonly string[] };

/** One candidate header row: its cells as written, and normalised once for every importer. */
interface HeaderRow {
  readonly cells: readonly string[];
  readonly normalized: readonly string[];
  readonly normalizedSet: ReadonlySet<string>;
}

function headerRow(cells: readonly string[]): HeaderRow {
  const normalized = cells.map(normalizeHeader);
  return { cells, normalized, normalizedSet: new Set(normalized) };
}

function indexOf(matcher: HeaderMatcher, row: HeaderRow, bound?: ReadonlySet<number>): number {
  if (typeof matcher === 'string') {
    // A header written twice (CoinTracking's `Cur.` after `Buy`, `Sell` and `Fee`): a column whose
    // first occurrence is already bound takes the next one, so columns bind in declaration order.
    const name = normalizeHeader(matcher);
    let index = row.normalized.indexOf(name);
    while (index >= 0 && bound?.has(index)) {
      const next = row.normalized.indexOf(name, index + 1);
      if (next < 0) break;
      index = next;
    }
    return index;
  }
  return row.cells.findIndex((raw) => matcher.test(raw.replace(/\ufeff/g, '').trim()));
}

function describe(matcher: HeaderMatcher): string {
  return typeof matcher === 'string' ? matcher : matcher.source;
}

interface Attempt {
  readonly bindings: Map<string, ColumnBinding>;
  readonly missing: string[];
  readonly required: number;
  /** Header cells bound to required columns. */
  readonly requiredCells: ReadonlySet<number>;
  readonly forbiddenPresent: boolean;
}

/** Try to bind an importer's columns to one header row. */
function bindColumns(importer: Importer, row: HeaderRow): Attempt {
  const bindings = new Map<string, ColumnBinding>();
  const missing: string[] = [];
  const requiredCells = new Set<number>();
  let required = 0;
  for (const [key, column] of Object.entries(importer.columns)) {
    let found: ColumnBinding | undefined;
    const bound = new Set([...bindings.values()].map((b) => b.index));
    for (const alias of column.headers) {
      const index = indexOf(alias, row, bound);
      if (index >= 0) {
        found = { index, header: (row.cells[index] ?? '').replace(/\ufeff/g, '').trim() };
        break;
      }
    }
    if (found) bindings.set(key, found);
    if (column.presence === 'required') {
      required++;
      if (!found) missing.push(describe(column.headers[0] ?? key));
      else requiredCells.add(found.index);
    }
  }
  for (const also of importer.signature?.also ?? []) {
    required++;
    if (!row.normalizedSet.has(normalizeHeader(also))) missing.push(also);
  }
  const forbiddenPresent = (importer.signature?.absent ?? []).some((h) => row.normalizedSet.has(normalizeHeader(h)));
  return { bindings, missing, required, requiredCells, forbiddenPresent };
}

/**
 * An importer's columns bound to a header row met further down a file (a header repeated with
 * its columns in another order), or the required columns it lacks.
 */
export function bindHeaderCells(importer: Importer, cells: readonly string[]): { bindings: Map<string, ColumnBinding> } | { missing: string[] } {
  const attempt = bindColumns(importer, headerRow(cells));
  if (attempt.missing.length > 0 || attempt.forbiddenPresent) return { missing: attempt.missing };
  return { bindings: attempt.bindings };
}

function splitLine(line: string, delimiter: string): string[] {
  const parsed = Papa.parse<string[]>(line, { delimiter, header: false, dynamicTyping: false });
  const cells = parsed.data[0] ?? [];
  // a header wrapped whole in quotes by a spreadsheet re-save (whole-row-quotes.ts)
  const inner = unwrapWholeRow(cells, delimiter);
  return inner && 'cells' in inner ? inner.cells : cells;
}

/**
 * Detect the format of a file from its first lines (normalised text; at most SCAN_LINES are used).
 * @param forcedId an importer id given with `--format`: only that importer is tried.
 */
export function detectFormat(head: readonly string[], importers: readonly Importer[], forcedId?: string): Detection {
  const lines = head.slice(0, SCAN_LINES);
  // Every line × delimiter is split and normalised once, then tried by every importer in order.
  const candidates: { lineIndex: number; delimiter: string; row: HeaderRow }[] = [];
  lines.forEach((line, lineIndex) => {
    if (line.trim() === '') return;
    for (const delimiter of DELIMITERS) {
      if (line.includes(delimiter)) candidates.push({ lineIndex, delimiter, row: headerRow(splitLine(line, delimiter)) });
    }
  });
  const pool = forcedId ? importers.filter((i) => i.id === forcedId) : importers;
  const matches: { match: FormatMatch; required: number; requiredCells: ReadonlySet<number> }[] = [];
  let closest: { id: string; missing: string[]; score: number } | undefined;
  for (const importer of pool) {
    for (const { lineIndex, delimiter, row } of candidates) {
      const attempt = bindColumns(importer, row);
      if (attempt.missing.length === 0 && !attempt.forbiddenPresent) {
        matches.push({
          match: { importer, delimiter, headerLineIndex: lineIndex, headers: row.cells, bindings: attempt.bindings },
          required: attempt.required,
          requiredCells: attempt.requiredCells,
        });
        break;
      }
      const score = (attempt.required - attempt.missing.length) / Math.max(1, attempt.required);
      if (score > 0 && (!closest || score > closest.score)) closest = { id: importer.id, missing: attempt.missing, score };
    }
  }
  if (matches.length === 0) {
    if (forcedId) return { kind: 'forced-mismatch', id: forcedId, missing: closest?.id === forcedId ? closest.missing : [] };
    return closest ? { kind: 'unknown', closest: { id: closest.id, missing: closest.missing } } : { kind: 'unknown' };
  }
  if (matches.length > 1) {
    // A known export that carries another format's columns and more (Koinly's own transaction
    // export holds every column the universal template needs) is that export, not the template.
    const specific = mostSpecific(matches);
    if (specific) return { kind: 'match', match: specific };
    // two formats fit and neither reads the other's columns: refused, as the README promises —
    // reading it as either could be wrong
    return { kind: 'ambiguous', candidates: matches.map((m) => m.match.importer.id) };
  }
  return { kind: 'match', match: (matches[0] as { match: FormatMatch }).match };
}

/**
 * The one match that reads, on the same header line, every header cell each other match requires
 * and binds more cells than each of them; none when no match subsumes all the others.
 */
function mostSpecific(matches: readonly { match: FormatMatch; requiredCells: ReadonlySet<number> }[]): FormatMatch | undefined {
  const bound = (m: FormatMatch): Set<number> => new Set([...m.bindings.values()].map((b) => b.index));
  const winners = matches.filter((a) => {
    const cells = bound(a.match);
    return matches.every(
      (b) =>
        b === a ||
        (b.match.headerLineIndex === a.match.headerLineIndex &&
          b.match.delimiter === a.match.delimiter &&
          [...b.requiredCells].every((i) => cells.has(i)) &&
          cells.size > bound(b.match).size),
    );
  });
  return winners.length === 1 ? winners[0]?.match : undefined;
}
