/**
 * The single rounding policy. Money is carried exactly through the engine; it is rounded only
 * here, when presented: to cents, half-even ("banker's rounding"). `summary.json` rounds each
 * exact total once (contract); CSV lines round each line's own exact values.
 */
import { Dec, type Dec as DecType } from './decimal.js';

export function roundMoney(value: DecType): DecType {
  return value.decimalPlaces() <= 2 ? value : value.toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
}

/**
 * `"1234.50"`, `"-12.00"`: two decimals, no exponent, no negative zero. `toFixed(2, mode)` rounds
 * once, half-even, exactly like `roundMoney` (a million-line report formats millions of amounts).
 */
export function formatMoney(value: DecType): string {
  const text = value.toFixed(2, Dec.ROUND_HALF_EVEN);
  return text === '-0.00' ? '0.00' : text;
}
