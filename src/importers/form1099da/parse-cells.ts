/**
 * Cell readers of the Form 1099-DA layouts: dates as the form prints them (`YYYY-MM-DD`,
 * `MM/DD/YYYY`, `M/D/YYYY`), money with an optional `$` and thousands commas, yes/no boxes.
 * Each returns `undefined` for a cell it cannot read; the caller names the column.
 */
import { dec, type Dec } from '../../model/decimal.js';
import type { LocalDate } from '../../model/local-date.js';

/**
 * @example parseFormDate('03/01/2025') // → '2025-03-01'
 * @example parseFormDate('2025-3-1') // → undefined
 * @example parseFormDate('2025-03-01 14:05:00 UTC') // → '2025-03-01'
 */
export function parseFormDate(cell: string): LocalDate | undefined {
  // a transaction detail may print the time of the sale after the date: the date is the broker's
  const t = cell.trim().replace(/^(\S+)[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s*(Z|UTC|[+-]\d{2}:?\d{2}))?$/i, '$1');
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) {
    m = Number(match[1]);
    d = Number(match[2]);
    y = Number(match[3]);
  } else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A decimal amount: `1234.56`, `1,234.56`, `$1,234.56`; a negative amount is refused (the form
 * has none in these boxes).
 * @example parseAmount('$1,234.50')?.toFixed() // → '1234.5'
 */
export function parseAmount(cell: string): Dec | undefined {
  const t = cell.trim().replace(/^\$/, '').replace(/^(\d{1,3}(?:,\d{3})+)(\.\d+)?$/, (_m, int: string, frac?: string) => int.replace(/,/g, '') + (frac ?? ''));
  if (!/^\d+(\.\d+)?$/.test(t) && !/^\.\d+$/.test(t)) return undefined;
  return dec(t);
}

const YES = new Set(['yes', 'y', 'x', 'true', '1', 'checked', 'corrected']);
const NO = new Set(['', 'no', 'n', 'false', '0', 'unchecked']);

/** A checkbox: `yes`/`x`/`true` → true; `no`/empty/`false` → false; anything else undefined. */
export function parseBox(cell: string): boolean | undefined {
  const t = cell.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}
