/**
 * Splitting one disposal over the lots it consumed: one slice per lot piece, plus an `uncovered`
 * slice for units no lot covered. Each slice gets its share of the proceeds by quantity (the
 * last slice takes what remains, so the slices' proceeds sum to the disposal's exactly) and its
 * holding period from its own lot's acquisition date, classed by the jurisdiction's rules
 * (`booking-rules.ts`; US: uncovered units count as short-term).
 */
import { compact, share, ZERO, type Dec } from '../model/decimal.js';
import type { DisposalSlice } from '../model/disposal.js';
import type { LocalDate } from '../model/local-date.js';
import type { BookingRules } from './booking-rules.js';
import type { Taken } from './inventory.js';

export interface Sliced {
  readonly slices: DisposalSlice[];
  /** Units disposed of without a known basis. */
  readonly uncovered: Dec;
  readonly fromUnknownLots: Dec;
}

/**
 * @example sliceDisposal(take 1 BTC from a 2024-01-01 lot + 0.5 uncovered, proceeds 30000, '2024-06-01', US_BOOKING)
 * // → slices [{ quantity 1, proceeds 20000, term short, known }, { quantity 0.5, proceeds 10000, uncovered }]
 */
export function sliceDisposal(taken: Taken, quantity: Dec, proceeds: Dec, date: LocalDate, rules: BookingRules): Sliced {
  const { pieces, uncovered } = taken;
  const count = pieces.length + (uncovered.greaterThan(0) ? 1 : 0);
  const slices: DisposalSlice[] = [];
  let proceedsLeft = proceeds;
  // called while the slice is built, before it is pushed: `slices.length` is its index
  const proceedsOf = (units: Dec): Dec => {
    if (slices.length === count - 1) return proceedsLeft;
    const part = share(proceeds, units, quantity);
    proceedsLeft = compact(proceedsLeft.minus(part));
    return part;
  };
  let fromUnknownLots = ZERO;
  for (const { lot, quantity: units, basis: gainBasis } of pieces) {
    if (!lot.basisKnown) fromUnknownLots = fromUnknownLots.plus(units);
    const proceedsOfPiece = proceedsOf(units);
    const { basis, acquiredDate } = giftBasis(lot, units, gainBasis, proceedsOfPiece);
    slices.push({
      quantity: units,
      proceeds: proceedsOfPiece,
      basis,
      term: rules.classify(acquiredDate, date),
      basisStatus: lot.basisKnown ? 'known' : 'unknown',
      acquiredDate,
      lotId: lot.id,
      lotWallet: lot.wallet,
      lotSource: lot.source,
    });
  }
  if (count > pieces.length) slices.push({ quantity: uncovered, proceeds: proceedsOf(uncovered), basis: ZERO, term: rules.uncoveredTerm, basisStatus: 'uncovered' });
  return { slices, uncovered, fromUnknownLots };
}

/**
 * The dual basis of a gift received when its market value at the gift was below the donor's
 * basis (Treas. Reg. 1.1015-1(a)(1), IRS Publication 551 "Property Received as a Gift"): a gain
 * is figured from the donor's basis (holding period tacked on, Publication 544), a loss from the
 * value at the gift (holding period from the gift), and a sale in between gives neither.
 */
function giftBasis(lot: Taken['pieces'][number]['lot'], units: Dec, gainBasis: Dec, proceeds: Dec): { basis: Dec; acquiredDate: LocalDate } {
  const loss = lot.lossBasis;
  if (!loss || !proceeds.lessThan(gainBasis)) return { basis: gainBasis, acquiredDate: lot.acquiredDate };
  const lossBasis = compact(units.times(loss.unitCost));
  if (proceeds.lessThan(lossBasis)) return { basis: lossBasis, acquiredDate: loss.giftDate };
  return { basis: proceeds, acquiredDate: lot.acquiredDate };
}
