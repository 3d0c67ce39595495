/**
 * Exchange number cells → exact decimals.
 *
 * Exports write numbers in many ways: `1,234.56`, `$1,234.56`, `(12.34)` (accounting negative),
 * `0.5 DOGE` / `0.5DOGE` (unit suffix), `-3.605E-05` and `0E-18` (scientific), `+1.2`, or with a
 * decimal comma in files re-saved by a European Excel (`1.234,56`). The result is built from a
 * cleaned string, never through a JS number.
 */
import { Dec } from '../model/decimal.js';

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
  let value = new Dec(text);
  if (negative && !value.isZero()) value = value.negated();
  return unit ? { value, unit } : { value };
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
