/**
 * The single rounding policy. Money is carried exactly through the engine; it is rounded only
 * here, when presented: to cents, half-even ("banker's rounding"). `summary.json` rounds each
 * exact total once (docs/contract.md); CSV lines round each line's own exact values.
 */
import { fixedHalfEven } from './compact-amount.js';
import { Dec, type Dec as DecType } from './decimal.js';

export function roundMoney(value: DecType): DecType {
  return value.decimalPlaces() <= 2 ? value : value.toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
}

/**
 * `"1234.50"`, `"-12.00"`: two decimals, no exponent, no negative zero. `toFixed(2, mode)` rounds
 * once, half-even, exactly like `roundMoney` (a million-line report formats millions of amounts;
 * `fixedHalfEven` is decimal.js's `toFixed(2, half-even)` without building a rounded copy).
 */
export function formatMoney(value: DecType): string {
  const text = fixedHalfEven(value, 2);
  return text === '-0.00' ? '0.00' : text;
}

/**
 * `formatMoney(dec(a).minus(dec(b)))` for two `formatMoney` texts (a Form 8949 line's gain from
 * its printed proceeds and basis), without decimal.js temporaries: the texts are whole numbers of
 * cents, subtracted exactly as BigInt integers (arbitrary precision, never a JS number). Texts
 * that are not plain cents (`NaN`, `Infinity`) or long enough for decimal.js's 80-digit precision
 * to round go through decimal.js itself.
 * @example moneyDifference('1800.00', '2500.00') === '-700.00'
 */
export function moneyDifference(a: string, b: string): string {
  if (!isPlainCents(a) || !isPlainCents(b)) return formatMoney(new Dec(a).minus(new Dec(b)));
  const cents = BigInt(a.replace('.', '')) - BigInt(b.replace('.', ''));
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** `-?digits.dd` as `formatMoney` writes a finite value, short of decimal.js's precision. */
function isPlainCents(text: string): boolean {
  return text.length < 70 && text.length >= 4 && text.charCodeAt(text.length - 3) === 46;
}
