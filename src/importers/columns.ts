/**
 * Typed column declarations for importer specs.
 *
 * A column names the header(s) it accepts (aliases across versions, or a RegExp for headers that
 * carry data such as `Filled Time(UTC+08:00)`) and how its cells parse. The driver resolves the
 * header once per file and hands `mapRow` a typed row; parse problems become row diagnostics
 * naming the column and the offending text. The columns made here also have a reader
 * (`readerOf`): the same reading without a `{ ok, value }` per cell, which the driver uses.
 */
import type { Dec } from '../model/decimal.js';
import { parseNumber, parsePlainNumber, type NumberStyle, type ParsedNumber } from './parse-number.js';
import { hasLeapSecond, parseInstant, type DateOrder, type InstantStyle, type OrderDecider } from './parse-instant.js';

export type HeaderMatcher = string | RegExp;

export interface CellContext {
  /** The header text actually found in the file for this column. */
  readonly header: string;
  readonly numberStyle: NumberStyle;
  /** Default zone of wall-clock dates in this file (from the importer, or `--input-timezone`). */
  readonly zone: string;
  /** Decides the order of the file's day-month dates, for the whole file (`date-order.ts`). */
  readonly dates?: OrderDecider;
}

export type CellResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: CellProblem };

export interface CellProblem {
  readonly code: 'ROW_BAD_NUMBER' | 'ROW_BAD_DATE' | 'ROW_MISSING_VALUE' | 'ROW_UNKNOWN_TYPE';
  readonly message: string;
  /** Replaces the code's catalogue hint when this problem has a more precise one. */
  readonly hint?: string;
}

export interface Column<T> {
  readonly headers: readonly HeaderMatcher[];
  /** The header must exist for the importer to match the file. */
  readonly presence: 'required' | 'optional';
  parse(cell: string | undefined, ctx: CellContext): CellResult<T>;
}

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });

/** What a cell reader (`readerOf`) gives for a cell it cannot read: never a value of any column. */
export class CellFailure {
  constructor(readonly problem: CellProblem) {}
}

/** `Column.parse` without its result object: the value, or a CellFailure. */
export type CellReader<T> = (cell: string | undefined, ctx: CellContext) => T | CellFailure;

const failure = (code: CellProblem['code'], message: string): CellFailure => new CellFailure({ code, message });

/**
 * The readers of the columns made here, by column object. The driver reads ~12 million cells on
 * a million-row history; a `{ ok, value }` per cell was ~300 MB of garbage. Kept beside the column
 * rather than as a field of it: a venue's column built as `{ ...decimal(h), parse }` is another
 * object, so it has no reader here and its own `parse` is what runs.
 */
const readers = new WeakMap<object, CellReader<unknown>>();

/** The column's reader when it is one of the columns made here (else: use its `parse`). */
export function readerOf(column: Column<unknown>): CellReader<unknown> | undefined {
  return readers.get(column);
}

/** A column whose `parse` is `read` with the result wrapped. */
function readColumn<T>(headers: readonly HeaderMatcher[], presence: Column<T>['presence'], read: CellReader<T>): Column<T> {
  const column: Column<T> = {
    headers,
    presence,
    parse(cell, ctx) {
      const v = read(cell, ctx);
      return v instanceof CellFailure ? { ok: false, problem: v.problem } : ok(v);
    },
  };
  readers.set(column, read as CellReader<unknown>);
  return column;
}

function aliases(h: HeaderMatcher | readonly HeaderMatcher[]): readonly HeaderMatcher[] {
  return Array.isArray(h) ? (h as readonly HeaderMatcher[]) : [h as HeaderMatcher];
}

/** A text cell, trimmed; empty is allowed and gives `''`. */
export function text(header: HeaderMatcher | readonly HeaderMatcher[]): Column<string> {
  return readColumn(aliases(header), 'required', (cell) => (cell ?? '').trim());
}

/** A decimal cell with the unit it may carry (`0.5 DOGE`); must not be empty. */
export function decimalWithUnit(header: HeaderMatcher | readonly HeaderMatcher[]): Column<ParsedNumber> {
  return readColumn(aliases(header), 'required', (cell, ctx) => {
    const t = (cell ?? '').trim();
    if (t === '') return failure('ROW_MISSING_VALUE', `column "${ctx.header}" is empty`);
    const n = parseNumber(t, ctx.numberStyle);
    return n ?? failure('ROW_BAD_NUMBER', `cannot read "${t}" as a number in column "${ctx.header}"`);
  });
}

/**
 * A decimal cell that must not be empty. A unit is only accepted where the column declares it
 * (`decimalWithUnit`): "12x0" is an error, not 12.
 */
export function decimal(header: HeaderMatcher | readonly HeaderMatcher[]): Column<Dec> {
  return readColumn(aliases(header), 'required', (cell, ctx) => {
    // `decimalWithUnit`'s reading, refusing a unit, without its intermediate results
    const t = (cell ?? '').trim();
    if (t === '') return failure('ROW_MISSING_VALUE', `column "${ctx.header}" is empty`);
    const plain = parsePlainNumber(t, ctx.numberStyle);
    if (plain !== undefined) return plain;
    const n = parseNumber(t, ctx.numberStyle);
    if (!n || n.unit !== undefined) return failure('ROW_BAD_NUMBER', `cannot read "${t}" as a number in column "${ctx.header}"`);
    return n.value;
  });
}

/**
 * A date/time cell. Wall-clock cells are read in `zone` (default: the file's zone); a header that
 * declares its offset, like `Time(UTC+08:00)`, wins over both.
 */
export function instant(
  header: HeaderMatcher | readonly HeaderMatcher[],
  opts: { zone?: string; order?: DateOrder } = {},
): Column<number> {
  let last: InstantStyle | undefined;
  return readColumn(aliases(header), 'required', (cell, ctx) => {
    const t = (cell ?? '').trim();
    if (t === '') return failure('ROW_MISSING_VALUE', `column "${ctx.header}" is empty`);
    // A header naming its zone (`Time(UTC+08:00)`, `Date(UTC)`, `UTC_Time`) wins over file defaults.
    const zone = zoneOfHeader(ctx.header) ?? opts.zone ?? ctx.zone;
    // the style is the same from cell to cell of a file: built again only when it changes
    if (last === undefined || last.zone !== zone || last.decider !== ctx.dates) {
      last = { zone, ...(opts.order ? { order: opts.order } : {}), ...(ctx.dates ? { decider: ctx.dates } : {}) };
    }
    const style = last;
    const value = parseInstant(t, style);
    if (value !== undefined) return value;
    if (hasLeapSecond(t)) {
      return new CellFailure({
        code: 'ROW_BAD_DATE',
        message: `"${t}" in column "${ctx.header}" states second 60, a leap second: it has no instant of its own, and read as the next second it would move the row into the next minute (at 23:59:60, the next day and perhaps the next tax year)`,
        hint: 'write the time as :59 (the second before the leap second) in the file and run again',
      });
    }
    return failure('ROW_BAD_DATE', `cannot read "${t}" as a date/time in column "${ctx.header}"`);
  });
}

/**
 * A date/time cell kept as written (trimmed) and read as `instant` reads it — so the file's day
 * and month order is decided once for the whole file (date-order.ts) — after `rewrite` has put a
 * venue's own layout into an ordinary one (`09:00 2026-01-12` → `2026-01-12 09:00`). For importers
 * that also use the text itself (a group key, a position id).
 */
export function instantText(
  header: HeaderMatcher | readonly HeaderMatcher[],
  opts: { zone?: string; order?: DateOrder; rewrite?: (cell: string) => string } = {},
): Column<{ readonly text: string; readonly at: number }> {
  const read = instant(header, opts);
  return {
    headers: read.headers,
    presence: 'required',
    parse(cell, ctx) {
      const text = (cell ?? '').trim();
      const r = read.parse(opts.rewrite ? opts.rewrite(text) : text, ctx);
      return r.ok ? ok({ text, at: r.value }) : r;
    },
  };
}

const headerZones = new Map<string, string | null>();

/** The zone a header declares (`Time(UTC+08:00)` → `+08:00`, `UTC_Time` → `UTC`), once per header text. */
function zoneOfHeader(header: string): string | undefined {
  let zone = headerZones.get(header);
  if (zone === undefined) {
    const declared = /(?:UTC|GMT)\s*([+-]\d{1,2}(?::?\d{2})?)?/i.exec(header);
    zone = declared ? (declared[1] ? declared[1] : 'UTC') : null;
    headerZones.set(header, zone);
  }
  return zone ?? undefined;
}

/** Allow an empty cell: the value is `undefined` instead of a problem. */
export function optional<T>(column: Column<T>): Column<T | undefined> {
  const inner = readerOf(column) as CellReader<T> | undefined;
  return readColumn(column.headers, column.presence, (cell, ctx) => {
    const t = (cell ?? '').trim();
    if (t === '' || t === '--' || (t.length === 4 && t.toLowerCase() === 'null')) return undefined;
    if (inner) return inner(cell, ctx);
    const r = column.parse(cell, ctx);
    return r.ok ? r.value : new CellFailure(r.problem);
  });
}

/** The header may be absent from the file (older versions); absent or empty gives `undefined`. */
export function ifPresent<T>(column: Column<T>): Column<T | undefined> {
  const inner = optional(column);
  return readColumn(inner.headers, 'optional', readerOf(inner) as CellReader<T | undefined>);
}
