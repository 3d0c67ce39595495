/**
 * Fast paths on decimal.js's own representation: the module where amounts are built from and
 * written to text without decimal.js's general code (issue #25 allows a compact exact form of
 * stored values behind one module; `decimal.ts`'s integer quotient also reads the digits).
 *
 * decimal.js stays the arithmetic of record: every value made here is a `Dec`, and every function
 * is equal to a decimal.js call, named in its comment, on every input (`compact-amount.test.ts`
 * checks each against decimal.js with fast-check). What the fast paths save is the per-row cost
 * of the general ones — a million-row history parses ~2.4 million amount cells and formats
 * several million amounts. No JS number ever holds an amount: the digits are read from text
 * character by character into decimal.js's base-1e7 words (integers below 10^7, exact in a JS
 * number as decimal.js itself keeps them), and written back out as text.
 *
 * decimal.js's representation (documented in its API, "Instance properties"): `d` the digits in
 * base-1e7 words, the first without leading zeros and the last without trailing zero words; `e`
 * the base-10 exponent of the first digit; `s` the sign (1 or -1, -1 for -0 too); `d` is null when
 * the value is not finite.
 */
/** decimal.js's fields of a value (its documented instance properties). */
export interface DecimalFields {
  s: number;
  e: number;
  d: number[] | null;
}

/** A finite or non-finite decimal.js value, as the formatting below reads it. */
interface DecimalValue {
  readonly s: number;
  readonly e: number;
  readonly d: readonly number[] | null;
  toFixed(places: number, rounding: number): string;
}

const WORD_DIGITS = 7;
const ROUND_HALF_EVEN = 6; // decimal.js's Decimal.ROUND_HALF_EVEN

/**
 * The fields `new Dec(text)` gives, written into `into` (its `d` array refilled), for plain
 * decimal text: an optional sign and digits with at most one `.` between digits (`-12.50`, `+0.1`,
 * `7`); false for any other text (an exponent, `.5`, `5.`), left to decimal.js's parser.
 * `decimal.ts` builds the value from them (`new Dec(into)` copies `d` at its exact length).
 * @example plainFields('-0.000120', f) → true, f = { s: -1, e: -4, d: [1200000] }
 */
export function plainFields(text: string, into: DecimalFields & { d: number[] }): boolean {
  const n = text.length;
  let start = 0;
  let sign = 1;
  const c0 = text.charCodeAt(0);
  if (c0 === 45) {
    sign = -1;
    start = 1;
  } else if (c0 === 43) start = 1;
  if (n === start) return false;
  // where the point is, and that every other character is a digit
  let point = -1;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && point < 0 && i > start && i < n - 1) point = i;
    else if (c < 48 || c > 57) return false;
  }
  const intEnd = point < 0 ? n : point; // the digits: [start, intEnd), then (point, n)
  // the words are written over the array's old ones and its length set after: `length = 0` would
  // drop its backing store, and every cell would grow a new one (~150 bytes) by `push`
  const words = into.d;
  let count = 0;
  into.s = sign;
  // first and last significant digits, as character indexes
  let first = start;
  while (first < n && (text.charCodeAt(first) === 48 || first === point)) first++;
  if (first === n) {
    into.e = 0;
    words[0] = 0;
    if (words.length !== 1) words.length = 1;
    return true;
  }
  let last = n - 1;
  while (text.charCodeAt(last) === 48 || last === point) last--;
  // the base-10 exponent of the first significant digit; the first word holds the digits down to
  // a multiple of 7 places, as decimal.js lays them out
  const e = first < intEnd ? intEnd - first - 1 : intEnd - first;
  let width = (e + 1) % WORD_DIGITS;
  if (e < 0) width += WORD_DIGITS;
  if (width === 0) width = WORD_DIGITS;
  let i = first;
  while (i <= last) {
    let word = 0;
    for (let k = 0; k < width; k++) {
      if (i === point) i++;
      word = word * 10 + (i <= last ? text.charCodeAt(i) - 48 : 0);
      i++;
    }
    words[count++] = word;
    width = WORD_DIGITS;
  }
  if (words.length !== count) words.length = count;
  into.e = e;
  return true;
}

/**
 * `value.toFixed(places, Dec.ROUND_HALF_EVEN)` for a finite value: rounded once, half-even, no
 * exponent, `-` before a negative value even when it rounds to zero (`-0.001` → `-0.00`, as
 * decimal.js gives it), none before -0.
 * @example fixedHalfEven(dec('2.345'), 2) === '2.34'
 */
export function fixedHalfEven(value: DecimalValue, places: number): string {
  const { d, s } = value;
  if (!d) return value.toFixed(places, ROUND_HALF_EVEN);
  const text = roundedText(d, value.e, places);
  return s < 0 && !(d.length === 1 && d[0] === 0) ? `-${text}` : text;
}

/**
 * `value.abs().toFixed(places, Dec.ROUND_HALF_EVEN)` for a finite value.
 * @example magnitudeFixed(dec('-2.345'), 2) === '2.34'
 */
export function magnitudeFixed(value: DecimalValue, places: number): string {
  const { d } = value;
  if (!d) return value.toFixed(places, ROUND_HALF_EVEN).replace('-', '');
  return roundedText(d, value.e, places);
}

/**
 * `value.abs().toDecimalPlaces(maxPlaces, Dec.ROUND_HALF_EVEN).toFixed()` for a finite value:
 * the magnitude with at most `maxPlaces` decimals and no trailing zeros.
 * @example magnitudePlain(dec('-0.123456789'), 8) === '0.12345679'
 */
export function magnitudePlain(value: DecimalValue, maxPlaces: number): string {
  const { d } = value;
  if (!d) return value.toFixed(0, ROUND_HALF_EVEN).replace('-', '');
  const text = roundedText(d, value.e, maxPlaces);
  if (maxPlaces === 0) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The magnitude of the finite value `d`, `e`, rounded half-even to `places` decimals, as text. */
function roundedText(d: readonly number[], e: number, places: number): string {
  let digits = String(d[0]);
  for (let i = 1; i < d.length; i++) digits += String((d[i] as number) + 1e7).slice(1);
  // the value is 0.digits × 10^(e + 1); kept: the digits down to 10^-places
  const keep = e + 1 + places; // how many of `digits` are kept (may be ≤ 0 or beyond its length)
  let kept: string; // the kept digits as an integer in units of 10^-places
  if (keep <= 0) {
    // everything is below the last place: 0, or 1 unit when more than half of one
    const up = keep === 0 && (digits.charCodeAt(0) > 53 || (digits.charCodeAt(0) === 53 && hasNonZero(digits, 1)));
    kept = up ? '1' : '0';
  } else if (keep >= digits.length) {
    kept = digits + '0'.repeat(keep - digits.length);
  } else {
    kept = digits.slice(0, keep);
    const next = digits.charCodeAt(keep);
    const up = next > 53 || (next === 53 && (hasNonZero(digits, keep + 1) || (kept.charCodeAt(keep - 1) & 1) === 1));
    if (up) kept = increment(kept);
  }
  if (places === 0) return kept;
  if (kept.length <= places) kept = '0'.repeat(places - kept.length + 1) + kept;
  return `${kept.slice(0, kept.length - places)}.${kept.slice(kept.length - places)}`;
}

function hasNonZero(digits: string, from: number): boolean {
  for (let i = from; i < digits.length; i++) if (digits.charCodeAt(i) !== 48) return true;
  return false;
}

/** A digit string plus one. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - 1 - i);
}
