/**
 * Calendar dates (`YYYY-MM-DD`) and the IRS holding-period rule.
 *
 * Timestamps are instants (epoch milliseconds, UTC). Tax questions are asked of calendar dates in
 * the taxpayer's zone (docs/contract.md: "the date used for holding periods and tax-year membership is
 * the calendar date in --timezone"). Dates are handled as plain strings so that no local
 * timezone of the machine can leak in.
 */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date of an instant in a zone.
 * @example toLocalDate(Date.UTC(2024, 0, 1, 3), 'America/New_York') === '2023-12-31'
 */
export function toLocalDate(epochMs: number, zone: string): LocalDate {
  if (zone === 'UTC') {
    // one string per calendar day, shared by every event, lot and line of that day
    const day = Math.floor(epochMs / DAY);
    let date = utcDates.get(day);
    if (date === undefined) {
      date = new Date(day * DAY).toISOString().slice(0, 10);
      if (utcDates.size > 200_000) utcDates.clear();
      utcDates.set(day, date);
    }
    return date;
  }
  // Offsets change only at instants that are whole quarter-hours (every zone's transitions fall
  // on them), so the date is constant within a UTC quarter-hour: cache by quarter-hour.
  const bucket = Math.floor(epochMs / QUARTER_HOUR);
  const key = `${zone}\u0000${bucket}`;
  const cached = dateCache.get(key);
  if (cached) return cached;
  const parts = formatterFor(zone).formatToParts(new Date(bucket * QUARTER_HOUR));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  if (dateCache.size > 200_000) dateCache.clear();
  dateCache.set(key, date);
  return date;
}

const QUARTER_HOUR = 15 * 60_000;
const DAY = 86_400_000;
const utcDates = new Map<number, LocalDate>();
const dateCache = new Map<string, LocalDate>();

/** ISO-8601 UTC rendering of an instant, seconds precision (`2024-03-01T12:00:00Z`). */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.000Z$/, 'Z');
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The same calendar date one year later; 29 February maps to 28 February of a common year.
 * @example addOneYear('2024-02-29') === '2025-02-28'
 */
export function addOneYear(date: LocalDate): LocalDate {
  const year = Number(date.slice(0, 4)) + 1;
  let rest = date.slice(4);
  if (rest === '-02-29' && !isLeap(year)) rest = '-02-28';
  return `${String(year).padStart(4, '0')}${rest}`;
}

/**
 * IRS holding period (Form 8949 instructions): count from the day after acquisition, including the
 * day of disposal; long-term iff held more than one year, i.e. the disposal date is later than
 * the acquisition date plus one calendar year.
 * @example isLongTerm('2024-03-01', '2025-03-01') === false
 * @example isLongTerm('2024-03-01', '2025-03-02') === true
 */
export function isLongTerm(acquired: LocalDate, disposed: LocalDate): boolean {
  return disposed > addOneYear(acquired);
}

/** Year of a local date. */
export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** `MM/DD/YYYY`, the date style of Form 8949 and US tax software. */
export function toUsDate(date: LocalDate): string {
  return `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;
}
