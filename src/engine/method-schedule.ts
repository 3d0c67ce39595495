/**
 * A lot-selection method that changes from a date forward: the taxpayer's standing order may
 * change (Treas. Reg. §1.1012-1(j)(3)(ii): a standing order is a specific identification made
 * before the sale), e.g. FIFO until 2024-12-31 and HIFO from 2025-01-01. rp2's configuration
 * section `[accounting_methods]` (one method per year from which it applies) is the model.
 *
 * Text form (`--method`): entries `METHOD[:FROM]` separated by commas, FROM a year (its January 1)
 * or a `YYYY-MM-DD` date, in increasing order; the first entry also covers every earlier date.
 *   `hifo`                      HIFO throughout
 *   `fifo,hifo:2025`            FIFO before 2025-01-01, HIFO from then on
 *   `fifo:2024,hifo:2025-01-01` the same (the first entry's date only documents it)
 */
import type { LocalDate } from '../model/local-date.js';
import { BOOKING_METHODS, type BookingMethod } from './booking-methods.js';

export interface MethodChange {
  /** The first calendar date (in the report zone) the method applies to; the first entry's is ignored. */
  readonly from?: LocalDate;
  readonly method: BookingMethod;
}

/** The method in force on `date`. */
export function methodOn(schedule: readonly MethodChange[], date: LocalDate): BookingMethod {
  let method = (schedule[0] as MethodChange).method;
  for (const c of schedule.slice(1)) if (date >= (c.from as string)) method = c.method;
  return method;
}

/**
 * Read a schedule.
 * @example parseMethodSchedule('fifo,hifo:2025') → { schedule: [{ method: 'FIFO' }, { from: '2025-01-01', method: 'HIFO' }] }
 * @returns the schedule, or an error message naming the bad entry
 */
export function parseMethodSchedule(text: string): { schedule: MethodChange[] } | { error: string } {
  const entries = text.split(',').map((s) => s.trim());
  const schedule: MethodChange[] = [];
  for (const [i, entry] of entries.entries()) {
    const m = /^([A-Za-z]+)(?::(\d{4})(?:-(\d{2})-(\d{2}))?)?$/.exec(entry);
    const method = m?.[1]?.toUpperCase() as BookingMethod | undefined;
    if (!m || !method || !BOOKING_METHODS.includes(method)) {
      return { error: `"${entry}" is not METHOD or METHOD:FROM (METHOD fifo, lifo or hifo; FROM a year or YYYY-MM-DD)` };
    }
    const from = m[2] === undefined ? undefined : `${m[2]}-${m[3] ?? '01'}-${m[4] ?? '01'}`;
    if (from !== undefined && !validDate(from)) return { error: `"${entry}": ${from} is not a calendar date` };
    if (i > 0 && from === undefined) return { error: `"${entry}": every entry after the first needs the date it applies from (METHOD:FROM)` };
    const previous = schedule[i - 1]?.from;
    if (from !== undefined && previous !== undefined && from <= previous) return { error: `"${entry}": the dates must increase` };
    schedule.push(from === undefined ? { method } : { from, method });
  }
  return { schedule };
}

/** The schedule as text, dates in full (`FIFO,HIFO:2025-01-01`); one method alone is its name. */
export function formatMethodSchedule(schedule: readonly MethodChange[]): string {
  return schedule.map((c, i) => (i === 0 || c.from === undefined ? c.method : `${c.method}:${c.from}`)).join(',');
}

/** The methods in force during a calendar year, in order (one when the year has a single method). */
export function methodsInYear(schedule: readonly MethodChange[], year: number): BookingMethod[] {
  const start = `${String(year).padStart(4, '0')}-01-01`;
  const out = [methodOn(schedule, start)];
  for (const c of schedule.slice(1)) {
    if (c.from !== undefined && c.from > start && Number(c.from.slice(0, 4)) === year && out[out.length - 1] !== c.method) out.push(c.method);
  }
  return out;
}

function validDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}
