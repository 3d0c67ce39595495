/**
 * Is this text a price taxlot may use? A price from outside (a server's answer, a cache file) is
 * checked on its text, before any decimal is built from it: `1e999999999` is a valid JSON number,
 * and printing it as a decimal would allocate a billion digits.
 *
 * A price is accepted when it is a plain decimal number (JSON number grammar: `61234.12`, `6.05e4`,
 * `1.2E-7`), positive, with at most MAX_PRICE_SIGNIFICANT_DIGITS significant digits, and of a
 * magnitude from 1e-30 up to (not including) 1e16. The bounds are far outside any real price
 * (bitcoin at 100,000 USD is about 2.5e9 Vietnamese dong) and far inside what the decimals handle
 * exactly (80 significant digits).
 */
import { Dec } from '../../model/decimal.js';

/**
 * A currency key as CoinGecko writes them (`usd`, `eur`, `sats`, `xau`): what an answer and a cache
 * file may name a price in.
 */
export const CURRENCY_KEY = /^[a-z][a-z0-9]{1,9}$/;

export const MAX_PRICE_TEXT_LENGTH = 100;
export const MAX_PRICE_SIGNIFICANT_DIGITS = 40;
/** Smallest and largest decimal order of magnitude accepted: 1e-30 ≤ price < 1e16. */
export const MIN_PRICE_ORDER = -30;
export const MAX_PRICE_ORDER = 15;

export type PriceCheck = { readonly ok: true; readonly price: string } | { readonly ok: false; readonly reason: string };

const SHAPE = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?)(\d+))?$/;

/**
 * Check a price given as text; on success `price` is its exact plain decimal form.
 * @example checkPriceText('6.05e4') → { ok: true, price: '60500' }
 * @example checkPriceText('1e999999999') → { ok: false, reason: 'out of range (about 1e999999999; accepted: 1e-30 to 1e16)' }
 */
export function checkPriceText(text: string): PriceCheck {
  if (text.length > MAX_PRICE_TEXT_LENGTH) return { ok: false, reason: `${text.length} characters long (a price has at most ${MAX_PRICE_TEXT_LENGTH})` };
  const m = SHAPE.exec(text);
  if (!m) return { ok: false, reason: 'not a decimal number' };
  const [, minus, int = '', frac = '', expSign, expDigits = '0'] = m;
  const digits = int + frac;
  const first = firstNonZero(digits);
  if (first < 0) return { ok: false, reason: 'zero (a price must be positive)' };
  if (minus) return { ok: false, reason: 'negative' };
  // The exponent is read as a small integer only once its length is known to be small.
  const exp = expDigits.replace(/^0+(?=\d)/, '');
  const order = exp.length > 6 ? Infinity : int.length - 1 - first + (expSign === '-' ? -1 : 1) * Number(exp);
  if (!(order >= MIN_PRICE_ORDER && order <= MAX_PRICE_ORDER)) {
    const about = exp.length > 6 ? `${expSign === '-' ? '-' : ''}${exp}` : String(order);
    return { ok: false, reason: `out of range (about 1e${about}; accepted: 1e${MIN_PRICE_ORDER} to 1e${MAX_PRICE_ORDER + 1})` };
  }
  const significant = digits.slice(first).replace(/0+$/, '').length;
  if (significant > MAX_PRICE_SIGNIFICANT_DIGITS) {
    return { ok: false, reason: `${significant} significant digits (a price has at most ${MAX_PRICE_SIGNIFICANT_DIGITS})` };
  }
  return { ok: true, price: new Dec(text).toFixed() };
}

function firstNonZero(digits: string): number {
  for (let i = 0; i < digits.length; i++) if (digits.charCodeAt(i) !== 48) return i;
  return -1;
}
