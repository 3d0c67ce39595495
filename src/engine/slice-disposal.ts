/**
 * Splitting one disposal over the lots it consumed: one slice per lot piece, plus an `uncovered`
 * slice for units no lot covered. Each slice gets its share of the proceeds by quantity (the
 * last slice takes what remains, so the slices' proceeds sum to the disposal's exactly) and its
 * holding period from its own lot's acquisition date; uncovered units count as short-term.
 */
import { compact, share, ZERO, type Dec } from '../model/decimal.js';
import type { DisposalSlice } from '../model/disposal.js';
import { isLongTerm, type LocalDate } from '../model/local-date.js';
import type { Taken } from './inventory.js';

export interface Sliced {
  readonly slices: DisposalSlice[];
  /** Units disposed of without a known basis. */
  readonly uncovered: Dec;
  readonly fromUnknownLots: Dec;
}

/**
 * @example sliceDisposal(take 1 BTC from a 2024-01-01 lot + 0.5 uncovered, proceeds 30000, '2024-06-01')
 * // → slices [{ quantity 1, proceeds 20000, term short, known }, { quantity 0.5, proceeds 10000, uncovered }]
 */
export function sliceDisposal(taken: Taken, quantity: Dec, proceeds: Dec, date: LocalDate): Sliced {
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
  for (const { lot, quantity: units, basis } of pieces) {
    if (!lot.basisKnown) fromUnknownLots = fromUnknownLots.plus(units);
    slices.push({
      quantity: units,
      proceeds: proceedsOf(units),
      basis,
      term: isLongTerm(lot.acquiredDate, date) ? 'long' : 'short',
      basisStatus: lot.basisKnown ? 'known' : 'unknown',
      acquiredDate: lot.acquiredDate,
      lotId: lot.id,
      lotWallet: lot.wallet,
      lotSource: lot.source,
    });
  }
  if (count > pieces.length) slices.push({ quantity: uncovered, proceeds: proceedsOf(uncovered), basis: ZERO, term: 'short', basisStatus: 'uncovered' });
  return { slices, uncovered, fromUnknownLots };
}
