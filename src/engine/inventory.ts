/**
 * Open lots, per asset and wallet, kept in booking-method order.
 *
 * Each (asset, wallet) queue is sorted by the method's ordering, so the next lot to consume is
 * always at the head (`lot-queue.ts`). Per-wallet matching reads one queue; universal matching
 * (before 2025) merges the heads of all wallets' queues. Consumption splits basis by quantity; the last slice of
 * a lot takes exactly what remains, so the slices of a lot always sum to its basis.
 *
 * Local mutable state inside `computeGains`; callers only ever see snapshots.
 */
import { ZERO, compact, divide, share, type Dec } from '../model/decimal.js';
import type { LocalDate } from '../model/local-date.js';
import type { LossBasis, LotOrigin, LotSnapshot } from '../model/lot.js';
import type { SourceRef } from '../model/source-ref.js';
import type { LotKey } from './booking-methods.js';
import { LotQueue } from './lot-queue.js';
import type { Lot, LotPiece, LotPool, Taken } from './lot-pool.js';

export type { Lot, LotPiece, Taken } from './lot-pool.js';

/** What a lot cost when it was created; its pieces share it (and so their unit cost). */
interface LotCost {
  readonly basis: Dec;
  readonly quantity: Dec;
  unitCost?: Dec;
}

export type LotFields = Omit<Lot, 'unitCost'>;

/**
 * An open lot whose unit cost (a division, the costliest decimal operation) is worked out the
 * first time something asks for it — HIFO's ordering, a year-end listing — not for every lot of
 * a FIFO or LIFO history. Same value as dividing at creation: the cost it divides never changes.
 */
class OpenLot implements Lot {
  readonly id: string;
  readonly seq: number;
  readonly split: number;
  readonly asset: string;
  wallet: string;
  quantity: Dec;
  basis: Dec;
  readonly acquiredInstant: number;
  readonly acquiredDate: LocalDate;
  readonly basisKnown: boolean;
  readonly origin: LotOrigin;
  readonly source: SourceRef;
  readonly lossBasis?: LossBasis;

  constructor(fields: LotFields, private readonly cost: LotCost) {
    this.id = fields.id;
    this.seq = fields.seq;
    this.split = fields.split;
    this.asset = fields.asset;
    this.wallet = fields.wallet;
    this.quantity = fields.quantity;
    this.basis = fields.basis;
    this.acquiredInstant = fields.acquiredInstant;
    this.acquiredDate = fields.acquiredDate;
    this.basisKnown = fields.basisKnown;
    this.origin = fields.origin;
    this.source = fields.source;
    if (fields.lossBasis) this.lossBasis = fields.lossBasis;
  }

  get unitCost(): Dec {
    return unitCostOf(this.cost, this.basisKnown);
  }

  /** A lot of the same cost and acquisition (a piece moved to another wallet). */
  withFields(changes: Partial<LotFields>): OpenLot {
    return new OpenLot({ ...fieldsOf(this), ...changes }, this.cost);
  }
}

/** A lot as it stands at a moment (year-end listings): plain data, as library users see it. */
function snapshotOf(lot: Lot): LotSnapshot {
  const { id, seq, split, asset, wallet, quantity, basis, unitCost, acquiredInstant, acquiredDate, basisKnown, origin, source, lossBasis } = lot;
  return { id, seq, split, asset, wallet, quantity, basis, unitCost, acquiredInstant, acquiredDate, basisKnown, origin, source, ...(lossBasis ? { lossBasis } : {}) };
}

/** Basis per unit as the lot was created (shared by its pieces), divided once, when first asked for. */
function unitCostOf(cost: LotCost, basisKnown: boolean): Dec {
  if (cost.unitCost === undefined) cost.unitCost = basisKnown && cost.quantity.greaterThan(0) ? divide(cost.basis, cost.quantity) : ZERO;
  return cost.unitCost;
}

function fieldsOf(lot: Lot): LotFields {
  const { id, seq, split, asset, wallet, quantity, basis, acquiredInstant, acquiredDate, basisKnown, origin, source, lossBasis } = lot;
  return { id, seq, split, asset, wallet, quantity, basis, acquiredInstant, acquiredDate, basisKnown, origin, source, ...(lossBasis ? { lossBasis } : {}) };
}

/** A new lot whose unit cost is `basis / quantity` as created (zero when the basis is unknown). */
export function newLot(fields: LotFields): Lot {
  return new OpenLot(fields, { basis: fields.basis, quantity: fields.quantity });
}

export interface Reallocation {
  readonly asset: string;
  readonly lotId: string;
  readonly from: string;
  readonly to: string;
  readonly quantity: Dec;
  readonly basis: Dec;
}

export class Inventory implements LotPool {
  private readonly books = new Map<string, Map<string, LotQueue<Lot>>>();
  private splits = 0;

  /** Queue order: the method's, then split number (pieces of one lot stay in creation order). */
  private order: (a: Lot, b: Lot) => number;

  constructor(private method: (a: LotKey, b: LotKey) => number) {
    this.order = (a, b) => method(a, b) || a.split - b.split;
  }

  /**
   * Consume lots in another method's order from now on (a method schedule changing at a date):
   * every queue is re-sorted once, O(n log n) per change.
   */
  reorder(method: (a: LotKey, b: LotKey) => number): void {
    this.method = method;
    this.order = (a, b) => method(a, b) || a.split - b.split;
    for (const wallets of this.books.values()) for (const q of wallets.values()) q.reorder(this.order);
  }

  add(lot: Lot): void {
    this.queue(lot.asset, lot.wallet).insert(lot);
  }

  /**
   * Take `quantity` units of `asset` from `wallet`'s lots or, with `anyWallet` (universal
   * matching), from all wallets' lots in method order — among equally ranked lots (pieces of one
   * lot moved between wallets) the wallet's own come first.
   */
  take(asset: string, wallet: string, quantity: Dec, anyWallet = false): Taken {
    const pieces: LotPiece[] = [];
    let left = quantity;
    while (left.greaterThan(0)) {
      const lot = anyWallet ? this.bestHead(asset, wallet) : this.queue(asset, wallet).head;
      if (!lot) break;
      const q = lot.quantity.lessThanOrEqualTo(left) ? lot.quantity : left;
      pieces.push({ lot, quantity: q, basis: consume(lot, q) });
      left = compact(left.minus(q));
    }
    return { pieces, uncovered: left };
  }

  /**
   * Move up to `quantity` units of `asset` from one wallet's lots to another wallet, keeping dates
   * and basis. With `anyWallet` (universal matching), units the source wallet's lots do not cover
   * are taken from the other wallets' lots, as the pooled method would — but never more than the
   * source wallet `held`: units beyond what it holds (an overdraft, history missing) are not
   * another wallet's units, and taking those wallets' lots would leave their own units without
   * basis and count the missing units as known (README "Transfers larger than the holdings").
   */
  move(asset: string, from: string, to: string, quantity: Dec, anyWallet: boolean, held?: Dec): Taken {
    const own = this.take(asset, from, quantity);
    let fromPool = anyWallet ? own.uncovered : ZERO;
    if (held !== undefined && fromPool.greaterThan(0)) {
      const room = held.minus(quantity.minus(own.uncovered)); // what the wallet holds beyond its own lots taken
      fromPool = room.greaterThan(fromPool) ? fromPool : positive(room);
    }
    const rest = fromPool.greaterThan(0) ? this.take(asset, from, fromPool, true) : undefined;
    const taken: Taken = rest
      ? { pieces: [...own.pieces, ...rest.pieces], uncovered: compact(own.uncovered.minus(fromPool).plus(rest.uncovered)) }
      : own;
    for (const piece of taken.pieces) this.add(this.piece(piece.lot, piece.quantity, piece.basis, to));
    return taken;
  }

  /** Units of an asset held in lots in a wallet. */
  quantityIn(asset: string, wallet: string): Dec {
    return this.queue(asset, wallet).total();
  }

  /**
   * Assign lots to wallets so that each wallet's lots match the units it actually holds (the
   * 2025-01-01 transition to per-wallet lots; README "Per-wallet lots from 2025"). Rule: a wallet
   * keeps its own most recently acquired lots up to its balance; the surplus of all wallets is
   * pooled and handed, oldest acquisition first, to wallets holding more units than lots, in
   * wallet-name order. Lots nobody's balance needs stay where they were.
   */
  reallocate(balancesOf: (asset: string) => ReadonlyMap<string, Dec>): Reallocation[] {
    const moves: Reallocation[] = [];
    for (const asset of [...this.books.keys()].sort()) {
      const wallets = this.books.get(asset) as Map<string, LotQueue<Lot>>;
      const balances = balancesOf(asset);
      const balance = (w: string): Dec => positive(balances.get(w) ?? ZERO);
      const names = [...new Set([...wallets.keys(), ...balances.keys()])].sort();
      for (const w of names) this.queue(asset, w);
      const kept = new Map<string, Lot[]>();
      const pool: Lot[] = [];
      for (const w of names) {
        const lots = (wallets.get(w) as LotQueue<Lot>).open().sort(newestFirst);
        let need = balance(w);
        const keep: Lot[] = [];
        for (const lot of lots) {
          if (need.isZero()) pool.push(lot);
          else if (lot.quantity.lessThanOrEqualTo(need)) {
            keep.push(lot);
            need = need.minus(lot.quantity);
          } else {
            const surplus = lot.quantity.minus(need);
            pool.push(this.piece(lot, surplus, consume(lot, surplus), lot.wallet));
            keep.push(lot);
            need = ZERO;
          }
        }
        kept.set(w, keep);
      }
      pool.sort((a, b) => -newestFirst(a, b));
      let next = 0; // pool[next] is the oldest lot not yet handed out
      for (const w of names) {
        let need = balance(w).minus((kept.get(w) ?? []).reduce((s, l) => s.plus(l.quantity), ZERO));
        while (need.greaterThan(0) && next < pool.length) {
          const lot = pool[next] as Lot;
          let piece = lot;
          if (lot.quantity.greaterThan(need)) piece = this.piece(lot, need, consume(lot, need), lot.wallet);
          else next++;
          if (piece.wallet !== w) moves.push({ asset, lotId: piece.id, from: piece.wallet, to: w, quantity: piece.quantity, basis: piece.basis });
          piece.wallet = w;
          kept.get(w)?.push(piece);
          need = need.minus(piece.quantity);
        }
      }
      for (const lot of pool.slice(next)) kept.get(lot.wallet)?.push(lot);
      for (const w of names) (wallets.get(w) as LotQueue<Lot>).replace(kept.get(w) ?? []);
    }
    return moves;
  }

  /** Replace every open lot by `lots` (the taxpayer's own allocation at the 2025 switch). */
  replaceAll(lots: readonly Lot[]): void {
    for (const wallets of this.books.values()) for (const q of wallets.values()) q.replace([]);
    for (const lot of lots) this.add(lot);
  }

  snapshot(): LotSnapshot[] {
    const out: LotSnapshot[] = [];
    for (const asset of [...this.books.keys()].sort()) {
      const wallets = this.books.get(asset) as Map<string, LotQueue<Lot>>;
      for (const w of [...wallets.keys()].sort()) {
        for (const lot of (wallets.get(w) as LotQueue<Lot>).open()) out.push(snapshotOf(lot));
      }
    }
    return out;
  }

  private queue(asset: string, wallet: string): LotQueue<Lot> {
    let wallets = this.books.get(asset);
    if (!wallets) {
      wallets = new Map();
      this.books.set(asset, wallets);
    }
    let q = wallets.get(wallet);
    if (!q) {
      q = new LotQueue<Lot>(this.order);
      wallets.set(wallet, q);
    }
    return q;
  }

  private bestHead(asset: string, preferred: string): Lot | undefined {
    const wallets = this.books.get(asset);
    if (!wallets) return undefined;
    let best: Lot | undefined;
    for (const q of wallets.values()) {
      const head = q.head;
      if (!head) continue;
      if (!best) best = head;
      else {
        const c = this.method(head, best) || tieBreak(head, best, preferred) || head.split - best.split;
        if (c < 0) best = head;
      }
    }
    return best;
  }

  /** A new lot holding `quantity` units split off `lot` (already consumed from it). */
  private piece(lot: Lot, quantity: Dec, basis: Dec, wallet: string): Lot {
    this.splits++;
    const changes = { id: `${lot.id}.${this.splits}`, wallet, quantity, basis, split: this.splits };
    return lot instanceof OpenLot ? lot.withFields(changes) : newLot({ ...fieldsOf(lot), ...changes });
  }
}

/** Remove `q` units from a lot and return their basis; the last units take exactly what is left. */
function consume(lot: Lot, q: Dec): Dec {
  if (q.equals(lot.quantity)) {
    const basis = lot.basis;
    lot.quantity = ZERO;
    lot.basis = ZERO;
    return basis;
  }
  const basis = share(lot.basis, q, lot.quantity);
  lot.quantity = compact(lot.quantity.minus(q));
  lot.basis = compact(lot.basis.minus(basis));
  return basis;
}

/** Between equally ranked lots: the preferred wallet's first, then by wallet name. */
function tieBreak(a: Lot, b: Lot, preferred: string): number {
  if (a.wallet === b.wallet) return 0;
  if (a.wallet === preferred) return -1;
  if (b.wallet === preferred) return 1;
  return a.wallet < b.wallet ? -1 : 1;
}

function newestFirst(a: Lot, b: Lot): number {
  return b.acquiredInstant - a.acquiredInstant || b.seq - a.seq || b.split - a.split;
}

function positive(d: Dec): Dec {
  return d.greaterThan(0) ? d : ZERO;
}
