/**
 * Exchange number cells → exact decimals.
 *
 * Exports write numbers in many ways: `1,234.56`, `$1,234.56`, `(12.34)` (accounting negative),
 * `0.5 DOGE` / `0.5DOGE` (unit suffix), `-3.605E-05` and `0E-18` (scientific), `+1.2`, or with a
 * decimal comma in files re-saved by a European Excel (`1.234,56`). The result is built from a
 * cleaned string, never through a JS number. Absurd magnitudes (`1E+999999999`) are not numbers.
 */
import { storedDec, type Dec } from '../model/decimal.js';

export interface ParsedNumber {
  readonly value: Dec;
  /** A unit written in the cell (`0.5 DOGE` → `DOGE`), upper-cased. */
  readonly unit?: string;
}

export interface NumberStyle {
  /** `,` for files written with a decimal comma (`1.234,56`). Default `.`. */
  readonly decimalSeparator?: '.' | ',';
}

const CURRENCY_SYMBOLS = /[$€£¥₿]/g;
const PLAIN = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parse a number cell; `undefined` when the cell is not a number.
 * @example parseNumber('(1,234.50)')?.value.toFixed() === '-1234.5'
 * @example parseNumber('0.5DOGE')?.unit === 'DOGE'
 */
export function parseNumber(cell: string, style: NumberStyle = {}): ParsedNumber | undefined {
  // the common case, `-12.345` or `0.5`, without the regular expressions below
  if (isPlainDecimal(cell, style.decimalSeparator === ',' ? 44 : 46)) return { value: plainValue(cell, style) };
  let text = cell.trim().replace(/\u00a0/g, ' ');
  let outerNegative = false;
  // accounting parentheses around a number and its unit: "(0.07 BTC)"
  const wrapped = /^\((.*)\)$/.exec(text);
  if (wrapped && /[A-Za-z]/.test(wrapped[1] ?? '')) {
    outerNegative = true;
    text = (wrapped[1] ?? '').trim();
  }
  // a currency symbol with a country prefix: "CA$1.00", "-US$5", "A$3"
  text = text.replace(/^([-+(]?\s*)[A-Z]{1,3}(?=[$€£¥])/, '$1');
  const parsed = parseCell(text, style);
  if (!parsed || !outerNegative || parsed.value.isZero()) return parsed;
  return { ...parsed, value: parsed.value.negated() };
}

/**
 * `parseNumber(cell, style)?.value` for a cell in the common form (`-12.345`, `0.5`), without a
 * result object; `undefined` for any other cell (which `parseNumber` may still read).
 */
export function parsePlainNumber(cell: string, style: NumberStyle = {}): Dec | undefined {
  return isPlainDecimal(cell, style.decimalSeparator === ',' ? 44 : 46) ? plainValue(cell, style) : undefined;
}

/**
 * `[-+]?digits[.digits]` with `sep` (char code) as the decimal mark, 1–30 digits before it and at
 * most 40 after: cells the general parser would read the same way without cleaning, and always
 * within its range (withinRange), so the check is not repeated.
 */
function isPlainDecimal(cell: string, sep: number): boolean {
  const n = cell.length;
  let i = 0;
  const c0 = cell.charCodeAt(0);
  if (c0 === 45 || c0 === 43) i = 1;
  const digitsFrom = i;
  while (i < n && isDigit(cell.charCodeAt(i))) i++;
  if (i === digitsFrom || i - digitsFrom > 30) return false; // longer: the general path (and its range check)
  if (i === n) return true;
  if (cell.charCodeAt(i) !== sep) return false;
  const fracFrom = ++i;
  while (i < n && isDigit(cell.charCodeAt(i))) i++;
  return i === n && i > fracFrom && i - fracFrom <= 40;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function plainValue(cell: string, style: NumberStyle): Dec {
  const text = style.decimalSeparator === ',' ? cell.replace(',', '.') : cell;
  const value = storedDec(text.charCodeAt(0) === 43 ? text.slice(1) : text);
  return value.isZero() && value.isNegative() ? value.negated() : value;
}

function parseCell(cell: string, style: NumberStyle): ParsedNumber | undefined {
  const match = NUMBER_CELL.exec(cell);
  if (!match?.groups) return undefined;
  const unit = (match.groups['pre'] ?? match.groups['post'])?.toUpperCase();
  let text = (match.groups['num'] ?? '').replace(CURRENCY_SYMBOLS, '').replace(/\s/g, '');
  let negative = false;
  for (;;) {
    if (text.startsWith('(') && text.endsWith(')')) {
      negative = !negative;
      text = text.slice(1, -1);
    } else if (text.startsWith('-')) {
      negative = !negative;
      text = text.slice(1);
    } else if (text.startsWith('+')) {
      text = text.slice(1);
    } else break;
  }
  text = style.decimalSeparator === ',' ? text.replace(/[.']/g, '').replace(',', '.') : removeThousands(text);
  if (!PLAIN.test(text)) return undefined;
  let value = storedDec(text);
  if (!withinRange(value)) return undefined;
  if (negative && !value.isZero()) value = value.negated();
  return unit ? { value, unit } : { value };
}

/**
 * Magnitudes a cell may hold: from 1e-60 to below 1e31, with at most 80 significant digits (the
 * precision of every computation). Beyond that a cell is not an amount but a hostile or broken
 * one: `1E+999999999` would make printing the value allocate gigabytes.
 */
export const MAX_EXPONENT = 30;
export const MIN_EXPONENT = -60;
export const MAX_SIGNIFICANT_DIGITS = 80;

function withinRange(value: Dec): boolean {
  if (value.isZero()) return true;
  return value.e <= MAX_EXPONENT && value.e >= MIN_EXPONENT && value.sd() <= MAX_SIGNIFICANT_DIGITS;
}

/** An optional unit before (`USD 12`) or after (`0.5 DOGE`, `0.5DOGE`) a number with its signs and symbols. */
const NUMBER_CELL =
  /^(?:(?<pre>[A-Za-z]{2,10})\s+)?(?<num>[-+(]*\s*[$€£¥₿]?\s*[-+(]*[\d.,' ]*\d[\d.,' ]*(?:[eE][-+]?\d+)?\)?)\s*(?<post>[A-Za-z][A-Za-z0-9]{0,19})?$/;

/** Drop `,` thousands separators when they sit in groups of three (`1,234,567.5`). */
function removeThousands(text: string): string {
  if (!text.includes(',')) return text.replace(/[\s']/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?$/.test(text)) return text.replace(/,/g, '');
  return text; // left as is: PLAIN rejects it, so "1,2.3" is reported, not guessed
}
