/**
 * The project's one Decimal constructor.
 *
 * decimal.js rounds every operation to `precision` significant digits (default 20). A quantity
 * with 18 decimals times a price easily needs 30–40 significant digits, so the default would
 * round silently. 80 digits leaves ample headroom; nothing in the engine rounds on purpose, all
 * presentation rounding lives in `model/rounding.ts`.
 *
 * Invariant: a `Dec` is only ever built from a string or another `Dec` (never a JS number), so
 * no binary floating-point value can enter a money computation.
 */
import { Decimal } from 'decimal.js';
import { plainFields } from './compact-amount.js';

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

/** `a / b`, rounded once to QUOTIENT_DP places, half-even. */
export function divide(a: Dec, b: Dec): Dec {
  return quotient([a], [b]) ?? a.dividedBy(b).toDecimalPlaces(QUOTIENT_DP, Dec.ROUND_HALF_EVEN);
}

/** `total × part / whole`: a proportional share, rounded like `divide`. */
export function share(total: Dec, part: Dec, whole: Dec): Dec {
  return quotient([total, part], [whole]) ?? total.times(part).dividedBy(whole).toDecimalPlaces(QUOTIENT_DP, Dec.ROUND_HALF_EVEN);
}

/**
 * The product of `over` divided by the product of `under`, rounded once to QUOTIENT_DP places,
 * half-even — computed on the decimals' digits as exact integers (BigInt), then built back into a
 * Dec from its string. The sign is the product of the operands' signs, zero included (a zero
 * quotient of operands of opposite signs is -0, as decimal.js gives it). Undefined when a divisor
 * is zero or a value is not finite (the caller falls back to decimal.js, which answers those as
 * it always has).
 *
 * Why not decimal.js's own division: at 80 significant digits it allocates ~4.7 KB per call (its
 * long division builds a new array per quotient word) — 4 GB over a million-row history, a fifth
 * of all the garbage — and it rounds twice (to 80 digits, then to 30 places). The integer quotient
 * allocates a few short strings and integers and rounds once; results are equal wherever
 * decimal.js's first rounding is exact (a property test checks both, and the rounding itself).
 */
function quotient(over: readonly Dec[], under: readonly Dec[]): Dec | undefined {
  let num = 1n;
  let den = 1n;
  let negative = false;
  let places = QUOTIENT_DP; // num / den is the quotient in units of 10^-QUOTIENT_DP once scaled by 10^places
  for (const x of over) {
    const s = scaled(x);
    if (!s) return undefined;
    num *= s.digits;
    places -= s.places;
    negative = negative !== s.negative;
  }
  for (const x of under) {
    const s = scaled(x);
    if (!s || s.digits === 0n) return undefined;
    den *= s.digits;
    places += s.places;
    negative = negative !== s.negative;
  }
  if (places >= 0) num *= pow10(places);
  else den *= pow10(-places);
  let q = num / den; // magnitudes: truncated
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n; // half-even
  const text = q.toString().padStart(QUOTIENT_DP + 1, '0');
  return storedDec(`${negative ? '-' : ''}${text.slice(0, -QUOTIENT_DP)}.${text.slice(-QUOTIENT_DP)}`);
}

/**
 * A finite Dec as the integer of its digits, its decimal places and its sign:
 * -12.345 → { digits: 12345n, places: 3, negative: true }. Read from decimal.js's documented
 * representation (`d`: base-1e7 words, the first without leading zeros; `e`: the exponent of the
 * first digit; `s`: the sign, -1 for -0 too; `d` is null when the value is not finite): 0.31 µs a
 * value against 0.48–0.52 µs through `toFixed()`, measured on 30-place values.
 */
function scaled(x: Dec): { digits: bigint; places: number; negative: boolean } | undefined {
  const { d, e, s } = x as unknown as { d: number[] | null; e: number; s: number };
  if (!d) return undefined;
  let text = String(d[0]);
  for (let i = 1; i < d.length; i++) text += String((d[i] as number) + 1e7).slice(1); // 7 digits
  const places = text.length - 1 - e;
  const digits = BigInt(text);
  return places >= 0 ? { digits, places, negative: s < 0 } : { digits: digits * pow10(-places), places: 0, negative: s < 0 };
}

const POWERS: bigint[] = [1n];
function pow10(n: number): bigint {
  while (POWERS.length <= n) POWERS.push((POWERS[POWERS.length - 1] as bigint) * 10n);
  return POWERS[n] as bigint;
}

/** decimal.js copies a value from any object that names itself a Decimal (`isDecimal`). */
const plainSource = { toStringTag: '[object Decimal]', s: 1, e: 0, d: [] as number[] };

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
  // plain text (nearly every cell, every quotient): its digit words read straight off the text,
  // without decimal.js's parser and its push-grown array — the same value (compact-amount.ts)
  if (plainFields(text, plainSource)) return new Dec(plainSource as unknown as Dec);
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
