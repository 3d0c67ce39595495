/**
 * The project's one Decimal constructor.
 *
 * decimal.js rounds every operation to `precision` significant digits (default 20). A quantity
 * with 18 decimals times a price easily needs 30–40 significant digits, so the default would
 * round silently. 80 digits leaves ample headroom; nothing in the engine rounds on purpose, all
 * presentation rounding lives in `report/rounding.ts`.
 *
 * Invariant: a `Dec` is only ever built from a string or another `Dec` (never a JS number), so
 * no binary floating-point value can enter a money computation.
 */
import { Decimal } from 'decimal.js';

export const Dec = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -60, toExpPos: 60 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO: Dec = new Dec('0');
export const ONE: Dec = new Dec('1');

/** Sum a list of decimals exactly. @example sum([dec('0.1'), dec('0.2')]).toFixed() === '0.3' */
export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Decimal places kept by a division (a share of a lot's basis, a value per unit). Division is the
 * one operation whose exact result may not terminate; quantising its result keeps every later
 * addition and subtraction exact within the 80-digit precision, so splits conserve basis exactly.
 */
export const QUOTIENT_DP = 30;

/** `a / b`, quantised to QUOTIENT_DP places, half-even. */
export function divide(a: Dec, b: Dec): Dec {
  return a.dividedBy(b).toDecimalPlaces(QUOTIENT_DP, Dec.ROUND_HALF_EVEN);
}

/** `total × part / whole`: a proportional share, quantised like `divide`. */
export function share(total: Dec, part: Dec, whole: Dec): Dec {
  return divide(total.times(part), whole);
}

/** Build a Dec from a canonical decimal string (already validated). */
export function dec(text: string): Dec {
  return new Dec(text);
}

/**
 * A Dec parsed from a cell, to be kept for the whole run (an event's amount). decimal.js builds
 * its digit array (`d`, base 1e7 words, documented in its API) with `push` from an empty array,
 * which leaves room for 17 words where one or two are used; copying it to its exact length is the
 * same value in ~110 fewer bytes — some 300 MB over a million-row history.
 */
export function storedDec(text: string): Dec {
  const value = new Dec(text);
  const digits = (value as unknown as { d: number[] | null }).d;
  if (digits) (value as unknown as { d: number[] }).d = digits.slice();
  return value;
}

/**
 * `value` with its digit array copied at its exact length (decimal.js's constructor copies it with
 * `slice`), for a computed value kept for the rest of the run — a market value, a slice's proceeds:
 * the result of `times` or `minus` is built by `push` and holds room for ~17 words where it uses
 * two to six (~100 bytes over, per value).
 */
export function compact(value: Dec): Dec {
  return new Dec(value);
}

/** Plain string without exponent, no trailing zeros beyond what the value holds. */
export function plain(value: Dec): string {
  return value.toFixed();
}
