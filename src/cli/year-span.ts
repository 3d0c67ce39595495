/**
 * `--year`: one tax year (`2024`, exactly as always), a range (`2019-2025`, both included), or
 * `all` (every year with a disposal or income). The batch key `"year"` takes the same: a number,
 * or a string of one of those forms.
 */
import type { YearSpan } from '../pipeline/compute-years.js';
import { UsageError } from './errors.js';

const FIRST = 2009;
const LAST = 2100;

export type AskedYears = { readonly year?: number; readonly span?: YearSpan };

function calendarYear(n: number, given: string): number {
  // the words of a single --year's error are as they always were (scripts may match them)
  if (!Number.isInteger(n) || n < FIRST || n > LAST) throw new UsageError(`--year must be a calendar year such as 2024, got ${given}`);
  return n;
}

/**
 * The years `--year` asks for.
 * @param spans whether this command writes several years (report, batch); others take one year
 * @throws {UsageError} for anything else, a range that runs backwards, or a range where one year is allowed
 * @example askedYears('2019-2025', true) // { span: { from: 2019, to: 2025 } }
 * @example askedYears(2024, false) // { year: 2024 }
 */
export function askedYears(value: unknown, spans: boolean): AskedYears {
  if (value === undefined) return {};
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new UsageError('--year must be a calendar year such as 2024');
    return { year: calendarYear(value, String(value)) };
  }
  const text = String(value).trim();
  const shown = JSON.stringify(String(value));
  if (/^\d+$/.test(text)) return { year: calendarYear(Number(text), text) };
  let span: YearSpan;
  const range = /^(\d+)\s*(?:-|–|\.\.)\s*(\d+)$/.exec(text);
  if (text.toLowerCase() === 'all') span = 'all';
  else if (range) {
    const from = calendarYear(Number(range[1]), shown);
    const to = calendarYear(Number(range[2]), shown);
    if (to < from) throw new UsageError(`--year ${text}: the range runs backwards; write the earlier year first (${to}-${from})`);
    span = { from, to };
  } else throw new UsageError(`--year must be a calendar year such as 2024, a range such as 2019-2025, or all; got ${shown}`);
  if (!spans) throw new UsageError(`--year ${text}: this command takes one tax year; several years are for \`taxlot report\` and \`taxlot batch\``);
  return { span };
}
