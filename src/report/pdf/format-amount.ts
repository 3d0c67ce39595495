/**
 * Amounts as the PDF prints them: cents, thousands separators, losses in parentheses as on the
 * IRS forms — always from a Dec, through the single rounding policy (rounding.ts).
 */
import type { Dec } from '../../model/decimal.js';
import { formatMoney } from '../../model/rounding.js';

/** Insert `,` every three digits of the integer part of a plain decimal string. */
export function groupThousands(plainText: string): string {
  const [int = '', frac] = plainText.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/**
 * @example formatAmount(dec('-1234.5')) === '(1,234.50)'
 * @example formatAmount(dec('1234.567')) === '1,234.57'
 */
export function formatAmount(value: Dec): string {
  return formatAmountText(formatMoney(value));
}

/**
 * `formatAmount` of an amount already formatted by `formatMoney` (a line's `shown` values).
 * @example formatAmountText('-1234.50') === '(1,234.50)'
 */
export function formatAmountText(money: string): string {
  return money.startsWith('-') ? `(${groupThousands(money.slice(1))})` : groupThousands(money);
}

/**
 * A quantity as held: exact, no rounding, grouped.
 * @example formatQuantity(dec('12345.000001')) === '12,345.000001'
 */
export function formatQuantity(value: Dec): string {
  return groupThousands(value.toFixed());
}
