/**
 * Splitting one disposal over the lots it consumed: one slice per lot piece, plus an `uncovered`
 * slice for units no lot covered. Each slice gets its share of the proceeds by quantity (the
 * last slice takes what remains, so the slices' proceeds sum to the disposal's exactly) and its
 * holding period from its own lot's acquisition date; uncovered units count as short-term.
 */
import { share, ZERO, type Dec } from '../model/decimal.js';
import type { BasisStatus, DisposalSlice } from '../model/disposal.js';
import { isLongTerm, type LocalDate } from '../model/local-date.js';
import type { Lot, Taken } from './inventory.js';

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
  const parts: { quantity: Dec; basis: Dec; status: BasisStatus; lot?: Lot }[] = taken.pieces.map((p) => ({
    quantity: p.quantity,
    basis: p.basis,
    status: p.lot.basisKnown ? 'known' : 'unknown',
    lot: p.lot,
  }));
  if (taken.uncovered.greaterThan(0)) parts.push({ quantity: taken.uncovered, basis: ZERO, status: 'uncovered' });
  let proceedsLeft = proceeds;
  const slices: DisposalSlice[] = parts.map((p, i) => {
    const sliceProceeds = i === parts.length - 1 ? proceedsLeft : share(proceeds, p.quantity, quantity);
    proceedsLeft = proceedsLeft.minus(sliceProceeds);
    const lot = p.lot;
    return {
      quantity: p.quantity,
      proceeds: sliceProceeds,
      basis: p.basis,
      term: lot && isLongTerm(lot.acquiredDate, date) ? 'long' : 'short',
      basisStatus: p.status,
      ...(lot ? { acquiredDate: lot.acquiredDate, lotId: lot.id, lotWallet: lot.wallet, lotSource: lot.source } : {}),
    };
  });
  const fromUnknownLots = parts.filter((p) => p.status === 'unknown').reduce((s, p) => s.plus(p.quantity), ZERO);
  return { slices, uncovered: taken.uncovered, fromUnknownLots };
}
