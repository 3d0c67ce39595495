/**
 * The 2025-01-01 allocation of lots to wallets as a report lists it (Rev. Proc. 2024-28): every
 * lot open at the switch to per-wallet lots, the wallet it was assigned to, and — for a lot the
 * rule moved — the wallet it was tagged to before. Pure. Rule and sources: src/engine/README.md
 * "Per-wallet lots from 2025"; what the taxpayer must keep: src/report/README.md.
 */
import type { Allocation } from '../engine/compute-gains.js';
import { ZERO, type Dec } from '../model/decimal.js';
import { yearOf, type LocalDate } from '../model/local-date.js';
import type { LotSnapshot } from '../model/lot.js';

export interface AllocationRow {
  readonly lot: LotSnapshot;
  /** The wallet the lot was tagged to before the allocation, when the rule moved it. */
  readonly from?: string;
}

export interface AllocationView {
  readonly date: LocalDate;
  readonly rows: readonly AllocationRow[];
  /** Lots (or pieces) the rule moved to another wallet, and their units per asset. */
  readonly moved: number;
  readonly movedUnits: ReadonlyMap<string, Dec>;
}

/** The allocation, for reports of its year and later (it governs every later per-wallet disposal). */
export function allocationForYear(allocation: Allocation | undefined, taxYear: number): AllocationView | undefined {
  if (!allocation || taxYear < yearOf(allocation.date)) return undefined;
  const from = new Map(allocation.moves.map((m) => [m.lotId, m.from]));
  const movedUnits = new Map<string, Dec>();
  for (const m of allocation.moves) movedUnits.set(m.asset, (movedUnits.get(m.asset) ?? ZERO).plus(m.quantity));
  return {
    date: allocation.date,
    rows: allocation.lots.map((lot) => {
      const before = from.get(lot.id);
      return before !== undefined ? { lot, from: before } : { lot };
    }),
    moved: allocation.moves.length,
    movedUnits,
  };
}
