/**
 * What a sale on the as-of date would realise under the user's lot method: the engine's own
 * inventory (engine/inventory.ts), rebuilt from the open lots, takes the units in method order —
 * selling 0.5 BTC in a wallet under FIFO sells that wallet's oldest lots, whichever lot the plan
 * had in mind. Per-wallet lots (from 2025, Treas. Reg. §1.1012-1(j)) take from the selling
 * wallet only; universal lots (before 2025, or `--lot-scope universal`) from every wallet.
 * Successive sales see the lots earlier ones left. Pure: the snapshots are not changed.
 */
import { LOT_ORDER, type BookingMethod } from '../engine/booking-methods.js';
import { Inventory, type Lot } from '../engine/inventory.js';
import { ZERO, type Dec } from '../model/decimal.js';
import type { Term } from '../model/disposal.js';
import { isLongTerm, type LocalDate } from '../model/local-date.js';
import type { LotSnapshot } from '../model/lot.js';

export interface SoldPiece {
  readonly lotId: string;
  readonly acquired: LocalDate;
  readonly units: Dec;
  readonly basis: Dec;
  readonly proceeds: Dec;
  readonly term: Term;
}

export interface SimulatedSale {
  readonly pieces: readonly SoldPiece[];
  /** Units no lot covered (none when the wallet holds what is sold). */
  readonly uncovered: Dec;
  readonly shortTerm: Dec;
  readonly longTerm: Dec;
}

export class SaleSimulator {
  private readonly inventory: Inventory;

  constructor(lots: readonly LotSnapshot[], method: BookingMethod, private readonly asOf: LocalDate, private readonly universal: boolean) {
    this.inventory = new Inventory(LOT_ORDER[method]);
    // a copy of each lot: its ordering key (unit cost as created, time, creation order) unchanged
    for (const l of lots) this.inventory.add({ ...l } as Lot);
  }

  /** Sell `units` of `asset` from `wallet` at `price` per unit on the as-of date. */
  sell(wallet: string, asset: string, units: Dec, price: Dec): SimulatedSale {
    const taken = this.inventory.take(asset, wallet, units, this.universal);
    let shortTerm = ZERO;
    let longTerm = ZERO;
    const pieces = taken.pieces.map((p): SoldPiece => {
      const proceeds = p.quantity.times(price);
      const term: Term = isLongTerm(p.lot.acquiredDate, this.asOf) ? 'long' : 'short';
      if (term === 'long') longTerm = longTerm.plus(proceeds.minus(p.basis));
      else shortTerm = shortTerm.plus(proceeds.minus(p.basis));
      return { lotId: p.lot.id, acquired: p.lot.acquiredDate, units: p.quantity, basis: p.basis, proceeds, term };
    });
    // units no lot covers would be a zero-basis short-term sale (engine: missing basis)
    if (taken.uncovered.greaterThan(0)) shortTerm = shortTerm.plus(taken.uncovered.times(price));
    return { pieces, uncovered: taken.uncovered, shortTerm, longTerm };
  }
}
