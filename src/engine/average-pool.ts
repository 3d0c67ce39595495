/**
 * An average-cost pool (pure, local state): one pool per asset across all the owner's wallets,
 * the second `LotPool` beside the specific lots of `inventory.ts`.
 *
 * - An acquisition adds its units and its cost to the asset's pool.
 * - A disposal of part of the pool takes the same fraction of the pool's cost:
 *   `cost × units taken / units in the pool` (HMRC CRYPTO22251: 150 tokens costing £126,000, 50
 *   sold, allowable cost £126,000 × 50/150 = £42,000; Canada: the adjusted cost base per unit is
 *   the total ACB divided by the units held, CRA guide T4037 "Identical properties"). Taking
 *   every unit left takes exactly the cost left, so the pieces of a pool always sum to its cost.
 * - Units of unknown cost (a deposit nobody can trace) are a pool of their own within the asset's
 *   pool, at zero cost: a disposal takes known and unknown units in proportion to what the pool
 *   holds, and the unknown ones come out as a piece of unknown basis (counted as missing basis,
 *   as with specific lots). The known units' average cost is not diluted by them.
 * - A move between the owner's wallets changes no cost: the pool is the owner's, not a wallet's;
 *   only the wallets' unit counts follow.
 *
 * What this pool does not do: the UK same-day and 30-day rules come before the pool
 * (`src/jurisdictions/uk/match-uk.ts` applies them), and its disposals have no holding period.
 */
import { compact, share, ZERO, type Dec } from '../model/decimal.js';
import type { LocalDate } from '../model/local-date.js';
import type { LotOrigin, LotSnapshot } from '../model/lot.js';
import type { SourceRef } from '../model/source-ref.js';
import { newLot } from './inventory.js';
import type { Lot, LotPiece, LotPool, Taken } from './lot-pool.js';

interface Pool {
  readonly asset: string;
  /** Units of known cost, and that cost. */
  units: Dec;
  cost: Dec;
  /** Units of unknown cost (zero cost). */
  unknown: Dec;
  /** The first acquisition into the pool: the pool's date, origin and source in listings. */
  readonly first: { readonly instant: number; readonly date: LocalDate; readonly origin: LotOrigin; readonly source: SourceRef };
  /** Units held per wallet. */
  readonly wallets: Map<string, Dec>;
}

export class AveragePool implements LotPool {
  private readonly pools = new Map<string, Pool>();

  add(lot: Lot): void {
    let pool = this.pools.get(lot.asset);
    if (!pool) {
      pool = {
        asset: lot.asset, units: ZERO, cost: ZERO, unknown: ZERO, wallets: new Map(),
        first: { instant: lot.acquiredInstant, date: lot.acquiredDate, origin: lot.origin, source: lot.source },
      };
      this.pools.set(lot.asset, pool);
    }
    if (lot.basisKnown) {
      pool.units = pool.units.plus(lot.quantity);
      pool.cost = pool.cost.plus(lot.basis);
    } else pool.unknown = pool.unknown.plus(lot.quantity);
    pool.wallets.set(lot.wallet, (pool.wallets.get(lot.wallet) ?? ZERO).plus(lot.quantity));
  }

  /**
   * Take up to `quantity` units. The pool is the owner's: any wallet's disposal draws on it, so
   * `anyWallet` changes nothing; the wallet's count goes down by what was taken (never below zero).
   */
  take(asset: string, wallet: string, quantity: Dec, _anyWallet = false): Taken {
    const pool = this.pools.get(asset);
    const held = pool ? pool.units.plus(pool.unknown) : ZERO;
    if (!pool || held.isZero()) return { pieces: [], uncovered: quantity };
    const taken = quantity.lessThan(held) ? quantity : held;
    const pieces = this.split(pool, wallet, taken, held);
    if (taken.equals(held)) {
      pool.units = ZERO;
      pool.cost = ZERO;
      pool.unknown = ZERO;
    } else {
      for (const p of pieces) {
        if (p.lot.basisKnown) {
          pool.units = compact(pool.units.minus(p.quantity));
          pool.cost = compact(pool.cost.minus(p.basis));
        } else pool.unknown = compact(pool.unknown.minus(p.quantity));
      }
    }
    this.count(pool, wallet, taken.negated());
    return { pieces, uncovered: compact(quantity.minus(taken)) };
  }

  /**
   * Move units between the owner's wallets: the pool and its cost are unchanged. The pieces say
   * what moved (their share of the cost, for the record); units beyond what the source wallet
   * holds (or `held`, its balance, when smaller) are uncovered, as with specific lots.
   */
  move(asset: string, from: string, to: string, quantity: Dec, _anyWallet: boolean, held?: Dec): Taken {
    const pool = this.pools.get(asset);
    if (!pool) return { pieces: [], uncovered: quantity };
    let room = pool.wallets.get(from) ?? ZERO;
    if (held !== undefined && held.lessThan(room)) room = held.greaterThan(0) ? held : ZERO;
    const moved = quantity.lessThan(room) ? quantity : room;
    if (moved.isZero()) return { pieces: [], uncovered: quantity };
    const pieces = this.split(pool, to, moved, pool.units.plus(pool.unknown));
    this.count(pool, from, moved.negated());
    this.count(pool, to, moved);
    return { pieces, uncovered: compact(quantity.minus(moved)) };
  }

  quantityIn(asset: string, wallet: string): Dec {
    return this.pools.get(asset)?.wallets.get(wallet) ?? ZERO;
  }

  /** One line per asset (and one more for its units of unknown cost), by asset name. */
  snapshot(): LotSnapshot[] {
    const out: LotSnapshot[] = [];
    for (const asset of [...this.pools.keys()].sort()) {
      const pool = this.pools.get(asset) as Pool;
      if (pool.units.greaterThan(0)) out.push(listed(this.view(pool, '', pool.units, pool.cost, true)));
      if (pool.unknown.greaterThan(0)) out.push(listed(this.view(pool, '', pool.unknown, ZERO, false)));
    }
    return out;
  }

  /** `taken` of the pool's `held` units as pieces: known and unknown units in proportion. */
  private split(pool: Pool, wallet: string, taken: Dec, held: Dec): LotPiece[] {
    const all = taken.equals(held);
    const unknown = pool.unknown.isZero() ? ZERO : all ? pool.unknown : share(pool.unknown, taken, held);
    const known = compact(taken.minus(unknown));
    const pieces: LotPiece[] = [];
    if (known.greaterThan(0)) {
      const cost = known.equals(pool.units) ? pool.cost : share(pool.cost, known, pool.units);
      pieces.push({ lot: this.view(pool, wallet, pool.units, pool.cost, true), quantity: known, basis: cost });
    }
    if (unknown.greaterThan(0)) pieces.push({ lot: this.view(pool, wallet, pool.unknown, ZERO, false), quantity: unknown, basis: ZERO });
    return pieces;
  }

  private count(pool: Pool, wallet: string, delta: Dec): void {
    const next = compact((pool.wallets.get(wallet) ?? ZERO).plus(delta));
    pool.wallets.set(wallet, next.greaterThan(0) ? next : ZERO);
  }

  /** The pool as a lot (before a take: its units and cost), for slices and listings. */
  private view(pool: Pool, wallet: string, quantity: Dec, basis: Dec, basisKnown: boolean): Lot {
    return newLot({
      id: basisKnown ? `pool:${pool.asset}` : `pool:${pool.asset}:unknown`,
      seq: 0,
      split: 0,
      asset: pool.asset,
      wallet,
      quantity,
      basis,
      acquiredInstant: pool.first.instant,
      acquiredDate: pool.first.date,
      basisKnown,
      origin: pool.first.origin,
      source: pool.first.source,
    });
  }
}

/** A pool's lot as plain data (what library users see of open lots). */
function listed(lot: Lot): LotSnapshot {
  const { id, seq, split, asset, wallet, quantity, basis, unitCost, acquiredInstant, acquiredDate, basisKnown, origin, source } = lot;
  return { id, seq, split, asset, wallet, quantity, basis, unitCost, acquiredInstant, acquiredDate, basisKnown, origin, source };
}
