/**
 * Exchange date cells → instants (epoch milliseconds, UTC).
 *
 * Handles the ISO family (`2024-03-01T12:00:00Z`, `2024-03-01 12:00:00.123+02:00`,
 * `2024-03-01 12:00 UTC`, `2024-03-01`), US month-first dates (`3/1/2024 12:00:00 PM`,
 * `12/25/2019, 7:00:00 AM`), two-digit years (`24-03-01 12:00:00`) and the JavaScript
 * `Date.toString()` style Uphold writes (`Tue May 26 2020 18:06:28 GMT+0000`).
 *
 * A cell without an explicit offset is wall-clock time in `zone` (an IANA name or a fixed offset
 * such as `+08:00`); importers declare the zone their exchange writes (usually UTC). The machine's
 * own time zone is never consulted.
 */
import { TZDate } from '@date-fns/tz';

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

/**
 * A numeric date whose shape does not give its order: the first field is not a 4-digit year
 * (`13/06/2024`, `06.13.24`, `24-06-13`). Its fields as written.
 */
export interface NumericDate {
  readonly a: string;
  readonly sep: string;
  readonly b: string;
  readonly c: string;
}

/** Who decides the order of a file's order-dependent dates (see `date-order.ts`). */
export interface OrderDecider {
  /** The order to read `fields` in; `declared` is the column's documented order. May throw. */
  orderFor(fields: NumericDate, text: string, declared: DateOrder | undefined): DateOrder;
}

export interface InstantStyle {
  /** Zone of wall-clock cells: IANA name or `±HH:MM`. Default `UTC`. */
  readonly zone?: string;
  /**
   * Order of numeric dates with `/`, `.` or 2-digit years. Default (`conventionalOrder`): `ymd`
   * for 2-digit fields with `-`, `dmy` for `.`, otherwise `mdy`.
   */
  readonly order?: DateOrder;
  /** Decides the order for the whole file (wins over `order`, which it is told as the declared one). */
  readonly decider?: OrderDecider;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

interface WallClock {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  offsetMinutes?: number;
}

/**
 * Parse a date/time cell; `undefined` when it is not a date.
 * @example parseInstant('2024-03-01 12:00:00') === Date.UTC(2024, 2, 1, 12)
 */
export function parseInstant(cell: string, style: InstantStyle = {}): number | undefined {
  const text = cell.trim();
  if (text === '') return undefined;
  const wall = isoWallClock(text) ?? parseWallClock(text, style);
  if (!wall || !isValidWallClock(wall)) return undefined;
  if (wall.offsetMinutes !== undefined) return utcOf(wall) - wall.offsetMinutes * 60_000;
  const zone = style.zone ?? 'UTC';
  const fixed = zoneOffset(zone);
  if (fixed !== undefined) return utcOf(wall) - fixed * 60_000;
  if (zone === 'UTC') return utcOf(wall);
  const t = new TZDate(wall.y, wall.mo - 1, wall.d, wall.h, wall.mi, wall.s, wall.ms, zone).getTime();
  return Number.isNaN(t) ? undefined : t;
}

/** `+08:00`, `-0500`, `UTC+8`, `Z` → minutes east of UTC. */
export function parseOffset(text: string): number | undefined {
  const t = text.trim().toUpperCase().replace(/^(UTC|GMT)/, '');
  if (t === '' || t === 'Z') return text.trim() === '' ? undefined : 0;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  return m[1] === '-' ? -minutes : minutes;
}

const zoneOffsets = new Map<string, number | null>();

/** `parseOffset(zone)`, remembered per zone: a file's zone is the same for every cell. */
function zoneOffset(zone: string): number | undefined {
  let offset = zoneOffsets.get(zone);
  if (offset === undefined) {
    offset = parseOffset(zone) ?? null;
    if (zoneOffsets.size < 1000) zoneOffsets.set(zone, offset);
  }
  return offset ?? undefined;
}

function utcOf(w: WallClock): number {
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms);
}

function isValidWallClock(w: WallClock): boolean {
  // second 60 (a leap second) is refused: Date.UTC would move it to the next minute — at 23:59:60,
  // into the next day and possibly the next tax year (README "Dates").
  if (w.h > 23 || w.mi > 59 || w.s > 59) return false;
  return isCalendarDate(w.y, w.mo, w.d);
}

/**
 * Is day `d` of month `mo` of year `y` (a whole number ≥ 0) a date? The answer `Date.UTC` gives
 * (the day comes back unchanged), worked out without a Date per cell — including its reading of
 * years 0–99 as 1900–1999, whose leap years are then 1900's and not year 0's.
 */
function isCalendarDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  if (d <= 28) return true;
  if (mo !== 2) return d <= (mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31);
  const year = y <= 99 ? 1900 + y : y;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return d <= (leap ? 29 : 28);
}

/**
 * Does the cell state second 60 — a leap second (`23:59:60`) — which has no instant of its own?
 * @example hasLeapSecond('2016-12-31 23:59:60') === true
 */
export function hasLeapSecond(cell: string): boolean {
  return /(?:^|[^\d])\d{1,2}:\d{2}:60(?![\d])/.test(cell);
}

/**
 * The calendar date `fields` give read in `order`, or undefined when they give none. A 2-digit
 * year is 20YY (a year before 2009 is then the row guards' to refuse, row by row).
 */
export function dateInOrder(f: NumericDate, order: DateOrder): { y: number; mo: number; d: number } | undefined {
  const [yText, mo, d] = order === 'ymd' ? [f.a, Number(f.b), Number(f.c)] : order === 'mdy' ? [f.c, Number(f.a), Number(f.b)] : [f.c, Number(f.b), Number(f.a)];
  if ((order === 'ymd' ? f.c : f.a).length > 2 || f.b.length > 2) return undefined;
  let y: number;
  if (yText.length === 4) y = Number(yText);
  else if (yText.length === 2) y = 2000 + Number(yText);
  else return undefined;
  return isCalendarDate(y, mo, d) ? { y, mo, d } : undefined;
}

/** The orders in which `fields` are a calendar date. */
export function ordersOf(f: NumericDate): DateOrder[] {
  return DATE_ORDERS.filter((o) => dateInOrder(f, o) !== undefined);
}

/**
 * The order a numeric date is read in when nothing else decides: `.` is day-first (the German,
 * Swiss, Russian… layout), two-digit fields with `-` are year-first (`YY-MM-DD`, Binance's
 * layout), other shapes month-first (the US layout).
 */
export function conventionalOrder(f: Pick<NumericDate, 'sep' | 'c'>): DateOrder {
  if (f.sep === '.') return 'dmy';
  if (f.sep === '-' && f.c.length !== 4) return 'ymd';
  return 'mdy';
}

const TIME = String.raw`(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(AM|PM|am|pm)?)?`;
const ZONE = String.raw`\s*(Z|UTC|GMT|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?)?(?:\s*\([^)]*\))?`;
const NUMERIC = new RegExp(String.raw`^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})` + TIME + ZONE + '$');
const TEXT_MONTH = new RegExp(
  String.raw`^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})` + TIME + ZONE + '$',
);

/**
 * The common ISO shape `YYYY-MM-DD[ T]HH:MM[:SS[.fff...]][Z]`, read by character codes without
 * regular expressions, into ISO_WALL; anything else (offsets, other orders) is left to
 * `parseWallClock`.
 */
function isoWallClock(t: string): WallClock | undefined {
  const n = t.length;
  if (n < 16 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(13) !== 58) return undefined;
  const sep = t.charCodeAt(10);
  if (sep !== 32 && sep !== 84) return undefined;
  const y = digits(t, 0, 4);
  const mo = digits(t, 5, 2);
  const d = digits(t, 8, 2);
  const h = digits(t, 11, 2);
  const mi = digits(t, 14, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0) return undefined;
  let i = 16;
  let s = 0;
  let ms = 0;
  if (i < n && t.charCodeAt(i) === 58) {
    s = digits(t, 17, 2);
    if (s < 0) return undefined;
    i = 19;
    if (i < n && t.charCodeAt(i) === 46) {
      const from = ++i;
      while (i < n && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
      if (i === from || i - from > 9) return undefined;
      ms = Number(t.slice(from, i).padEnd(3, '0').slice(0, 3));
    }
  }
  let offsetMinutes: number | undefined;
  if (i === n - 1 && t.charCodeAt(i) === 90) offsetMinutes = 0;
  else if (i !== n) return undefined;
  const w = ISO_WALL;
  w.y = y;
  w.mo = mo;
  w.d = d;
  w.h = h;
  w.mi = mi;
  w.s = s;
  w.ms = ms;
  w.offsetMinutes = offsetMinutes;
  return w;
}

/**
 * The one wall clock `isoWallClock` fills, read by `parseInstant` before the next cell: nearly
 * every date cell has this shape, and an object per cell was ~80 MB on a million rows.
 */
const ISO_WALL: WallClock = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0, ms: 0, offsetMinutes: undefined };

/** The number written by `count` digits at `from`, or -1. */
function digits(t: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

function parseWallClock(text: string, style: InstantStyle): WallClock | undefined {
  let m = NUMERIC.exec(text);
  if (m) {
    const fields: NumericDate = { a: m[1] ?? '', sep: m[2] ?? '', b: m[3] ?? '', c: m[4] ?? '' };
    if (fields.a.length === 4) {
      if (fields.c.length > 2) return undefined;
      return withTime({ y: Number(fields.a), mo: Number(fields.b), d: Number(fields.c) }, m.slice(5));
    }
    const order = style.decider ? style.decider.orderFor(fields, text, style.order) : (style.order ?? conventionalOrder(fields));
    const date = dateInOrder(fields, order);
    return date ? withTime(date, m.slice(5)) : undefined;
  }
  m = TEXT_MONTH.exec(text);
  if (m) {
    const mo = MONTHS[(m[1] ?? '').toLowerCase()];
    if (!mo) return undefined;
    return withTime({ y: Number(m[3]), mo, d: Number(m[2]) }, m.slice(4));
  }
  return undefined;
}

function withTime(date: { y: number; mo: number; d: number }, t: (string | undefined)[]): WallClock | undefined {
  const [hh, mm, ss, frac, ampm, zone] = t;
  let h = Number(hh ?? '0');
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    if (ampm.toUpperCase() === 'PM' && h !== 12) h += 12;
    if (ampm.toUpperCase() === 'AM' && h === 12) h = 0;
  }
  const ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
  const wall: WallClock = { ...date, h, mi: Number(mm ?? '0'), s: Number(ss ?? '0'), ms };
  if (zone) {
    const offset = parseOffset(zone.replace(/\s/g, ''));
    if (offset === undefined) return undefined;
    wall.offsetMinutes = offset;
  }
  return wall;
}

/**
 * A UTC offset written in a file name or preamble: `(UTC+1)`, `(UTC--6)` (Binance writes the
 * minus sign twice), `Time Zone:UTC+8`, `UTC+05:30`. Returns `±HH:MM`, or undefined.
 * @example zoneInText('Binance-Spot-Trade-History(UTC--6).csv') === '-06:00'
 */
export function zoneInText(text: string): string | undefined {
  const m = /UTC\s*([+-])-?\s*(\d{1,2})(?::?(\d{2}))?/i.exec(text);
  if (!m) return /\(UTC\)|Time ?Zone\s*:\s*UTC\b(?![+-])/i.test(text) ? '+00:00' : undefined;
  const sign = m[1] === '-' ? '-' : '+';
  return `${sign}${(m[2] ?? '0').padStart(2, '0')}:${m[3] ?? '00'}`;
}
