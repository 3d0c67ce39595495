/**
 * A disposal and its slices: one slice per lot (or uncovered remainder) it consumed. A slice is
 * one Form 8949 line: quantity, proceeds, basis, dates and term.
 *
 * Invariants: the slices' quantities sum to the disposal's quantity, their proceeds to its
 * proceeds, exactly; each slice's basis is its share of the lot it came from.
 */
import type { AssetCode } from './asset.js';
import type { Dec } from './decimal.js';
import type { LocalDate } from './local-date.js';
import type { PriceSource } from './money.js';
import type { SourceRef } from './source-ref.js';

/**
 * Why units were disposed of: a sale for fiat, a swap, a fee paid in crypto, crypto spent; a
 * derivative position closed (one Form 8949 line per position, src/derivatives); units of a
 * settlement asset paid out of collateral for a derivative loss, fee or funding.
 */
export type DisposalKind = 'sale' | 'trade' | 'fee' | 'spend' | 'derivative' | 'settlement';

export type Term = 'short' | 'long';

/** `known`: from a lot of known basis; `unknown`: from a lot of unknown basis; `uncovered`: no lot at all. */
export type BasisStatus = 'known' | 'unknown' | 'uncovered';

export interface DisposalSlice {
  readonly quantity: Dec;
  readonly proceeds: Dec;
  readonly basis: Dec;
  readonly term: Term;
  readonly basisStatus: BasisStatus;
  /** Absent for uncovered units. */
  readonly acquiredDate?: LocalDate;
  readonly lotId?: string;
  readonly lotWallet?: string;
  readonly lotSource?: SourceRef;
}

export interface Disposal {
  readonly id: string;
  readonly kind: DisposalKind;
  readonly wallet: string;
  readonly asset: AssetCode;
  readonly quantity: Dec;
  readonly instant: number;
  readonly date: LocalDate;
  readonly proceeds: Dec;
  readonly proceedsSource: PriceSource;
  readonly slices: readonly DisposalSlice[];
  readonly source: SourceRef;
  /** What the units were exchanged for, for the description (`for 1.2 ETH`). */
  readonly counterpart?: string;
  /**
   * Transaction costs (a fee in another asset than the one disposed of) already subtracted from
   * `proceeds`: what a Form 1099-DA reporting gross proceeds does not reflect (code E). Absent
   * when none.
   */
  readonly costs?: Dec;
  /** Form 8949 column (a) when it is not `<quantity> <asset>` (a derivative position). */
  readonly description?: string;
  /** The sale's transaction id as the export states it (a transaction hash, a venue's id). */
  readonly transactionId?: string;
}
