/**
 * The price table (`--prices FILE`): header `date,asset,currency,price` (extra columns allowed);
 * `date` is `YYYY-MM-DD` (a daily price, valid for that calendar day in the report zone) or an
 * ISO 8601 instant (`2024-03-01T12:00:00Z`, `2024-03-01 12:00:00+02:00`; without an offset, wall
 * time in the report zone). Bad rows are diagnostics, never silently dropped.
 *
 * Every field is checked, and each problem of a row is its own diagnostic (file:line, hint):
 * the date (ISO only — `3/1/2024` could be March or January; no leap second `:60`; years
 * 1970–2100), the asset and currency (present, different, no spaces, control or invisible
 * characters, at most 40 characters), the price (a decimal number, positive, within the range of
 * any amount, a unit written beside it only if it is the row's currency), and no more cells than
 * the header (an unquoted `1,234.50` would otherwise read as 1).
 * Two rows for the same asset, currency and date (or instant) with different prices are a
 * PRICE_TABLE_CONFLICT error naming both lines (the first is kept); the same price twice is a
 * PRICE_TABLE_DUPLICATE note.
 */
import { diagnostic, fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { normalizeHeader } from '../importers/detect.js';
import { parseInstant } from '../importers/parse-instant.js';
import { parseNumber } from '../importers/parse-number.js';
import { readCsv } from '../importers/read-csv.js';
import { normalizeText } from '../importers/text-source.js';
import { normalizeAsset } from '../model/asset.js';
import type { Dec } from '../model/decimal.js';
import type { SourceRef } from '../model/source-ref.js';
import type { PricePoint } from './price-book.js';

export const PRICE_TABLE_HEADER = ['date', 'asset', 'currency', 'price'] as const;

const DAILY = /^(\d{4})-\d{2}-\d{2}$/;
const ISO_INSTANT = /^(\d{4})-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}| UTC)?$/;
/** Letters, digits and symbols; no whitespace, control, format (zero-width) or unassigned characters. */
const CODE = /^[^\s\p{C}]{1,40}$/u;

export function readPriceTable(file: string, text: string, timezone: string): { points: PricePoint[]; diagnostics: Diagnostic[] } {
  const csv = readCsv(normalizeText(text), ',');
  const diagnostics: Diagnostic[] = [];
  const points: PricePoint[] = [];
  const header = (csv.rows[0]?.cells ?? []).map(normalizeHeader);
  const index = PRICE_TABLE_HEADER.map((h) => header.indexOf(h));
  if (index.some((i) => i < 0)) {
    diagnostics.push(fileDiagnostic('FORMAT_UNKNOWN', file, `a price table needs the columns ${PRICE_TABLE_HEADER.join(',')}`));
    return { points, diagnostics };
  }
  const [di, ai, ci, pi] = index as [number, number, number, number];
  const seen = new Map<string, { line: number; price: string; text: string }>();
  for (const row of csv.rows.slice(1)) {
    if (!row.problem && row.cells.every((c) => c.trim() === '')) continue; // a blank line
    const ref: SourceRef = { file, line: row.line, format: 'price-table' };
    if (row.problem) {
      diagnostics.push(diagnostic(row.problem.code, row.problem.message, ref));
      continue;
    }
    const problems: Diagnostic[] = [];
    if (row.cells.length > header.length) {
      // `2024-03-01,SOL,USD,1,234.50` reads as a price of 1: never guess, say so
      problems.push(
        diagnostic('CSV_MALFORMED', `the row has ${row.cells.length} cells but the header ${header.length}`, ref, 'quote a number written with a thousands comma ("1,234.50"), or write it without (1234.50)'),
      );
    }
    const dateText = (row.cells[di] ?? '').trim();
    const date = readDate(dateText, timezone);
    if (typeof date === 'string') problems.push(diagnostic('ROW_BAD_DATE', date, ref, 'write the date as YYYY-MM-DD (a daily price) or an ISO 8601 instant such as 2024-03-01T12:00:00Z'));
    const asset = readCode(row.cells[ai] ?? '', 'asset', ref, problems);
    const currency = readCode(row.cells[ci] ?? '', 'currency', ref, problems);
    if (asset && currency && asset === currency) problems.push(diagnostic('ROW_INCONSISTENT', `the asset and the currency are both ${asset}`, ref, 'a price is of one asset in another currency'));
    const priceText = row.cells[pi] ?? '';
    const price = readPrice(priceText, currency);
    if (typeof price === 'string') problems.push(diagnostic(priceText.trim() === '' ? 'ROW_MISSING_VALUE' : 'ROW_BAD_NUMBER', price, ref, 'the price of one unit of the asset in the currency, a positive decimal such as 61234.56'));
    if (problems.length > 0 || typeof date === 'string' || typeof price === 'string' || !asset || !currency) {
      diagnostics.push(...problems);
      continue;
    }
    const key = `${asset}\u0000${currency}\u0000${date.daily ? dateText : date.instant}`;
    const earlier = seen.get(key);
    const exact = price.toFixed();
    const shown = printable(priceText.trim());
    if (earlier) {
      const what = `${asset} in ${currency} on ${dateText}`;
      diagnostics.push(
        earlier.price === exact
          ? diagnostic('PRICE_TABLE_DUPLICATE', `${what} is given twice with the same price (${earlier.text} on line ${earlier.line}, ${shown} on line ${row.line})`, ref)
          : diagnostic('PRICE_TABLE_CONFLICT', `${what} has two prices: ${earlier.text} (line ${earlier.line}) and ${shown} (line ${row.line}); line ${earlier.line} is used`, ref),
      );
      continue;
    }
    seen.set(key, { line: row.line, price: exact, text: shown });
    points.push({ asset, currency, instant: date.instant, daily: date.daily, price });
  }
  return { points, diagnostics };
}

function readDate(text: string, timezone: string): { instant: number; daily: boolean } | string {
  const daily = DAILY.exec(text);
  const instant = daily ? undefined : ISO_INSTANT.exec(text);
  if (text === '') return 'the date is empty';
  if (!daily && !instant) return `"${printable(text)}" is not a date as YYYY-MM-DD or an ISO 8601 instant`;
  if (instant?.[2] === '60') return `"${printable(text)}" is a leap second, not an instant (use :59)`;
  const year = Number((daily ?? instant)?.[1]);
  const at = parseInstant(daily ? `${text} 00:00:00` : text, { zone: timezone });
  if (at === undefined) return `"${printable(text)}" is not a calendar date`;
  if (year < 1970 || year > 2100) return `${year} is not a year a price is for (1970 to 2100)`;
  return { instant: at, daily: daily !== null };
}

function readCode(cell: string, what: 'asset' | 'currency', ref: SourceRef, problems: Diagnostic[]): string | undefined {
  const code = normalizeAsset(cell);
  if (code === '') {
    problems.push(diagnostic('ROW_MISSING_VALUE', `the ${what} is empty`, ref, `write the ${what} code, such as ${what === 'asset' ? 'BTC' : 'USD'}`));
    return undefined;
  }
  if (!CODE.test(code)) {
    problems.push(
      diagnostic('PRICE_TABLE_BAD_CODE', `the ${what} "${printable(code)}" is not a code (spaces, control or invisible characters, or over 40 characters)`, ref, `write the ${what} code as the exports name it, such as ${what === 'asset' ? 'BTC' : 'USD'}`),
    );
    return undefined;
  }
  return code;
}

function readPrice(cell: string, currency: string | undefined): Dec | string {
  if (cell.trim() === '') return 'the price is empty';
  const n = parseNumber(cell);
  if (!n) return `"${printable(cell)}" is not a number (or is beyond any amount taxlot reads)`;
  if (n.unit !== undefined && n.unit !== currency) return `the price "${printable(cell)}" is written in ${printable(n.unit)}, but the row's currency is ${currency ?? 'missing'}`;
  if (n.value.isNegative()) return `the price ${n.value.toFixed()} is negative`;
  if (n.value.isZero()) return 'the price is zero (a price must be positive; leave the asset out of the table if it has no market)';
  return n.value;
}

/** User text for a message: at most 40 characters, anything not printable written as \u escape. */
function printable(text: string): string {
  const cut = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return cut.replace(/[\p{C}\p{Z}]/gu, (c) => (c === ' ' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
