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
