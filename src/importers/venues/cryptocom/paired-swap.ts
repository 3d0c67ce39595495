/**
 * Crypto.com paired swap rows → trades (dust conversion, dynamic coin swap, interest swap).
 *
 * One `…_credited` row (the coin received, e.g. CRO) and one or more `…_debited` rows (the coins
 * given up) share a timestamp. Each debited row becomes one trade. With several debited rows the
 * credited amount is shared out in proportion to the debited rows' USD values, as rotki does; the
 * last share takes the remainder so the shares sum exactly to the credited amount.
 */
import { withFields } from '../../../model/copy-fields.js';
import { Dec, ZERO, sum } from '../../../model/decimal.js';
import type { Quantity, StatedValue } from '../../../model/ledger-event.js';

/** Decimal places of a computed share: enough for any token (18) or the credited amount's own. */
const MIN_SHARE_PLACES = 18;

export interface SwapLeg {
  readonly quantity: Quantity;
  /** Absolute USD value the row states (`Native Amount (in USD)`), if any. */
  readonly usd?: StatedValue;
}

export interface SwapTrade {
  readonly sent: Quantity;
  readonly received: Quantity;
}

/**
 * Split `total` in proportion to `weights` (all ≥ 0, sum > 0); the last part is the remainder.
 * @example splitProRata(dec('10'), [dec('1'), dec('3')]) → ['2.5', '7.5']
 */
export function splitProRata(total: Dec, weights: readonly Dec[]): Dec[] {
  const weightSum = sum(weights);
  const places = Math.max(MIN_SHARE_PLACES, total.decimalPlaces());
  const parts: Dec[] = [];
  let allotted = ZERO;
  weights.forEach((w, i) => {
    if (i === weights.length - 1) {
      parts.push(total.minus(allotted));
      return;
    }
    const part = total.times(w).div(weightSum).toDecimalPlaces(places, Dec.ROUND_DOWN);
    allotted = allotted.plus(part);
    parts.push(part);
  });
  return parts;
}

/**
 * The trades of one credited leg and its debited legs, or a reason they cannot be formed.
 * Values: each sent quantity keeps its own stated value; the received share carries the credited
 * row's value only when it is not split (a split value would be computed, not stated).
 */
export function pairSwapTrades(credited: SwapLeg, debited: readonly SwapLeg[]): SwapTrade[] | string {
  if (debited.length === 0) return 'no debited row';
  const withValue = (q: Quantity, v: StatedValue | undefined): Quantity => (v ? withFields(q, { value: v }) : q);
  if (debited.length === 1) {
    const only = debited[0] as SwapLeg;
    return [{ sent: withValue(only.quantity, only.usd), received: withValue(credited.quantity, credited.usd) }];
  }
  const weights = debited.map((d) => d.usd?.amount ?? ZERO);
  if (weights.some((w) => w.isZero())) {
    // Crypto.com writes 0 (or nothing) for values under 0.01 USD; without a weight for every
    // debited row the split would be a guess (rotki skips such groups).
    return 'several debited rows, not all with a USD value to share the credited amount by';
  }
  const shares = splitProRata(credited.quantity.amount, weights);
  return debited.map((d, i) => ({
    sent: withValue(d.quantity, d.usd),
    received: { asset: credited.quantity.asset, amount: shares[i] as Dec },
  }));
}
