/**
 * Lot-selection methods as data: each is only an ordering of lots (which lot is consumed first).
 * `inventory.ts` applies the ordering; there is one matching algorithm for all methods.
 *
 * HIFO ranks by unit cost including acquisition fees (docs/contract.md). Ties fall back to acquisition
 * time and then to booking order (same-instant events by content: content-order.ts), so every ordering is total and deterministic.
 */
export type BookingMethod = 'FIFO' | 'LIFO' | 'HIFO';
export const BOOKING_METHODS: readonly BookingMethod[] = ['FIFO', 'LIFO', 'HIFO'];

/** The fields a lot ordering may look at; fixed when the lot is created. */
export interface LotKey {
  readonly acquiredInstant: number;
  readonly unitCost: import('../model/decimal.js').Dec;
  /** Order of creation of the original lot (booking order). */
  readonly seq: number;
  /**
   * Pieces split off one lot (by transfers) keep `seq` and number their splits; the orderings
   * leave pieces of one lot tied, and the inventory breaks the tie (own wallet first, then split).
   */
  readonly split: number;
}

const byAcquired = (a: LotKey, b: LotKey): number => a.acquiredInstant - b.acquiredInstant;
const bySource = (a: LotKey, b: LotKey): number => a.seq - b.seq;

export const LOT_ORDER: Readonly<Record<BookingMethod, (a: LotKey, b: LotKey) => number>> = {
  FIFO: (a, b) => byAcquired(a, b) || bySource(a, b),
  LIFO: (a, b) => byAcquired(b, a) || bySource(b, a),
  HIFO: (a, b) => b.unitCost.comparedTo(a.unitCost) || byAcquired(a, b) || bySource(a, b),
};
