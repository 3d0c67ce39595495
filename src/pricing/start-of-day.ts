/**
 * Calendar days as instant ranges in the report zone: a daily price for `2024-03-01` is valid
 * from `startOfDay('2024-03-01')` to the instant before the next day starts; the year-end
 * valuation uses the last millisecond of December 31 (`endOfDay`).
 */
import { parseInstant } from '../importers/parse-instant.js';
import type { LocalDate } from '../model/local-date.js';

/**
 * 00:00 of `date` in `zone`, as epoch milliseconds.
 * @example startOfDay('2024-03-01', 'UTC') === Date.UTC(2024, 2, 1)
 * @throws {RangeError} when `date` is not a `YYYY-MM-DD` calendar date (a bug: callers pass computed dates)
 */
export function startOfDay(date: LocalDate, zone: string): number {
  const t = parseInstant(`${date} 00:00:00`, { zone });
  if (t === undefined) throw new RangeError(`not a calendar date: ${date}`);
  return t;
}

/**
 * The last millisecond of `date` in `zone` (the day after, at 00:00, minus 1 ms).
 * @example endOfDay('2024-12-31', 'UTC') === Date.UTC(2025, 0, 1) - 1
 */
export function endOfDay(date: LocalDate, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return startOfDay(next, zone) - 1;
}
