/**
 * Where the engine keeps open lots, behind one interface, so that a jurisdiction's way of
 * pooling is an implementation and not a fork of the engine:
 *
 * - `Inventory` (`inventory.ts`): specific lots per (asset, wallet), taken in a method's order
 *   (FIFO, LIFO, HIFO) — the US rules (IRS Publication 550 "Adjusted basis"; Treas. Reg.
 *   §1.1012-1(j) for digital assets);
 * - `AveragePool` (`average-pool.ts`): one pool per asset across the owner's wallets, each
 *   disposal taking its share of the pool's cost — the UK section 104 pool (TCGA 1992 s.104,
 *   HMRC CRYPTO22200) and Canada's adjusted cost base of identical properties (Income Tax Act
 *   s.47; CRA guide T4037).
 *
 * Every method works on the pool's own state; `take` and `move` return the pieces they took with
 * their share of the basis, and the units no lot covered.
 */
import type { Dec } from '../model/decimal.js';
import type { LocalDate } from '../model/local-date.js';
import type { LossBasis, LotOrigin, LotSnapshot } from '../model/lot.js';
import type { SourceRef } from '../model/source-ref.js';
import type { LotKey } from './booking-methods.js';

/** An open lot as a pool holds it: `quantity` and `basis` are what remains. */
export interface Lot extends LotKey {
  readonly id: string;
  readonly asset: string;
  wallet: string;
  quantity: Dec;
  basis: Dec;
  readonly acquiredDate: LocalDate;
  readonly basisKnown: boolean;
  readonly origin: LotOrigin;
  readonly source: SourceRef;
  readonly lossBasis?: LossBasis;
}

/** A piece of a lot taken by a disposal, removal or transfer. */
export interface LotPiece {
  readonly lot: Lot;
  readonly quantity: Dec;
  readonly basis: Dec;
}

export interface Taken {
  readonly pieces: LotPiece[];
  /** Units no lot covered. */
  readonly uncovered: Dec;
}


export interface LotPool {
  /** A lot acquired (a purchase, income, a transferred piece, units of unknown basis). */
  add(lot: Lot): void;
  /**
   * Take `quantity` units of `asset` out of `wallet`'s holding (or, with `anyWallet`, the
   * owner's holding across wallets) for a disposal or removal.
   */
  take(asset: string, wallet: string, quantity: Dec, anyWallet?: boolean): Taken;
  /** Move units between two of the owner's wallets, keeping their basis and dates; never taxable. */
  move(asset: string, from: string, to: string, quantity: Dec, anyWallet: boolean, held?: Dec): Taken;
  /** Units of an asset held in a wallet. */
  quantityIn(asset: string, wallet: string): Dec;
  /** What is open now, in a deterministic order (assets, then wallets, by name). */
  snapshot(): LotSnapshot[];
}
