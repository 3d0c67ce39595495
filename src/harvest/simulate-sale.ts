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
import { share, ZERO, type Dec } from '../model/decimal.js';
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

/** What selling one lot's units would realise under the method, each sale alone (not in sequence). */
export interface LotSaleUnderMethod {
  readonly shortTerm: Dec;
  readonly longTerm: Dec;
  readonly realized: Dec;
}

/**
 * For every lot of `lots` with a price: selling its units (all of them) in its wallet on the
 * as-of date, alone, under the method. The engine's inventory gives each (asset, wallet)'s lots in
 * the order a sale takes them — one take of everything per group — and a sale of q units is the
 * first q units of that order (the last lot in part, its basis shared by quantity as the engine
 * shares it). O(n log n) however many lots.
 */
export function eachLotSoldAlone(
  lots: readonly LotSnapshot[],
  method: BookingMethod,
  asOf: LocalDate,
  universal: boolean,
  priceOf: (asset: string) => Dec | undefined,
): Map<LotSnapshot, LotSaleUnderMethod> {
  const out = new Map<LotSnapshot, LotSaleUnderMethod>();
  const groups = new Map<string, LotSnapshot[]>();
  const byAsset = new Map<string, LotSnapshot[]>();
  const add = (map: Map<string, LotSnapshot[]>, key: string, l: LotSnapshot): void => {
    const list = map.get(key);
    if (list) list.push(l);
    else map.set(key, [l]);
  };
  for (const l of lots) {
    add(groups, `${l.asset}\u0000${l.wallet}`, l);
    add(byAsset, l.asset, l);
  }
  for (const group of groups.values()) {
    const { asset, wallet } = group[0] as LotSnapshot;
    const price = priceOf(asset);
    if (!price) continue;
    const pool = universal ? (byAsset.get(asset) as LotSnapshot[]) : group;
    const total = pool.reduce((s, l) => s.plus(l.quantity), ZERO);
    const inOrder = new SaleSimulator(pool, method, asOf, universal).sell(wallet, asset, total, price).pieces;
    // prefix sums: units, and basis by term, through each piece
    const prefix: { units: Dec; short: Dec; long: Dec; shortUnits: Dec }[] = [];
    let acc = { units: ZERO, short: ZERO, long: ZERO, shortUnits: ZERO };
    for (const p of inOrder) {
      acc = p.term === 'long'
        ? { ...acc, units: acc.units.plus(p.units), long: acc.long.plus(p.basis) }
        : { units: acc.units.plus(p.units), short: acc.short.plus(p.basis), long: acc.long, shortUnits: acc.shortUnits.plus(p.units) };
      prefix.push(acc);
    }
    for (const lot of group) {
      // the first piece whose running units reach the lot's units
      let lo = 0;
      let hi = prefix.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((prefix[mid] as (typeof prefix)[number]).units.greaterThanOrEqualTo(lot.quantity)) hi = mid;
        else lo = mid + 1;
      }
      const before = lo === 0 ? { units: ZERO, short: ZERO, long: ZERO, shortUnits: ZERO } : (prefix[lo - 1] as (typeof prefix)[number]);
      const last = inOrder[lo] as SoldPiece;
      const rest = lot.quantity.minus(before.units);
      const lastBasis = rest.equals(last.units) ? last.basis : share(last.basis, rest, last.units);
      const longUnits = lot.quantity.minus(before.shortUnits).minus(last.term === 'short' ? rest : ZERO);
      const shortUnits = lot.quantity.minus(longUnits);
      const shortBasis = before.short.plus(last.term === 'short' ? lastBasis : ZERO);
      const longBasis = before.long.plus(last.term === 'long' ? lastBasis : ZERO);
      const shortTerm = shortUnits.times(price).minus(shortBasis);
      const longTerm = longUnits.times(price).minus(longBasis);
      out.set(lot, { shortTerm, longTerm, realized: shortTerm.plus(longTerm) });
    }
  }
  return out;
}
