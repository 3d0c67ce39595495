/**
 * The UK share-identification rules for cryptoassets, per asset across all wallets (pure):
 *   1. same day (TCGA 1992 s.105(1)(b), CRYPTO22200): a disposal is matched first with
 *      acquisitions on the same day;
 *   2. the next 30 days (s.106A(5), "bed and breakfast"): then with acquisitions in the 30 days
 *      after the day of the disposal, earliest first, earlier disposals taking first;
 *   3. the section 104 pool (s.104, CRYPTO22200–22210): the rest comes out of the pool at its
 *      average cost; every acquisition not matched by 1 or 2 enters the pool on its day.
 * All of one asset's disposals on one day are a single disposal, and so are its acquisitions
 * on one day (s.105(1)(a)). Units the pool does not hold are matched at zero cost and counted
 * as missing basis; so is the share of units of unknown origin.
 */
import { ZERO, share, type Dec } from '../../model/decimal.js';
import type { AssetCode } from '../../model/asset.js';
import type { LocalDate } from '../../model/local-date.js';
import { addDays } from './tax-year.js';
import type { UkAcquisition, UkDisposal, UkMovement } from './uk-movements.js';

export type UkRule = 'same-day' | 'bed-and-breakfast' | 'pool';

export interface UkMatch {
  readonly rule: UkRule;
  readonly units: Dec;
  /** Allowable cost of those units (acquisition cost and fees). */
  readonly cost: Dec;
  /** The acquisition day matched (same-day and 30-day rules); absent for the pool. */
  readonly acquired?: LocalDate;
  /** Pool only: units the pool did not hold (matched at zero cost). */
  readonly uncovered?: Dec;
  /** Pool only: the pool the units came out of (its units and cost just before). */
  readonly poolBefore?: { readonly units: Dec; readonly cost: Dec };
}

/** One disposal in the sense of s.105(1)(a): all of one asset's disposals on one day. */
export interface UkDisposalDay {
  readonly asset: AssetCode;
  readonly date: LocalDate;
  readonly units: Dec;
  readonly proceeds: Dec;
  readonly fees: Dec;
  readonly items: readonly UkDisposal[];
  readonly matches: readonly UkMatch[];
  /** Units matched at zero cost because no cost is known (uncovered, or of unknown origin). */
  readonly missingUnits: Dec;
  readonly allowableCost: Dec;
  readonly gain: Dec;
}

export interface UkPool {
  readonly asset: AssetCode;
  readonly units: Dec;
  readonly cost: Dec;
}

export interface UkMatchResult {
  readonly disposals: UkDisposalDay[];
  /** The pools at the end of each date asked for (`snapshotDates`), by that date. */
  readonly pools: Map<LocalDate, UkPool[]>;
  /** The pools after the last movement. */
  readonly finalPools: UkPool[];
}

interface Day<T> {
  readonly date: LocalDate;
  readonly items: T[];
  units: Dec;
  remaining: Dec;
}

interface AcqDay extends Day<UkAcquisition> {
  /** Units of unknown origin among the day's acquisitions. */
  unknown: Dec;
}

interface DispDay extends Day<UkDisposal> {
  readonly matches: { rule: UkRule; units: Dec; acq?: AcqDay; uncovered?: Dec; poolCost?: Dec; poolUnknown?: Dec }[];
}

interface Pool {
  units: Dec;
  cost: Dec;
  unknown: Dec;
}

/**
 * Match every disposal of the history. `movements` must be in booking order (instant, source).
 * `snapshotDates`: dates at whose end the pools are wanted (the tax year's last day).
 */
export function matchUk(movements: readonly UkMovement[], snapshotDates: readonly LocalDate[] = []): UkMatchResult {
  const acqDays = new Map<string, AcqDay>();
  const dispDays = new Map<string, DispDay>();
  const key = (asset: string, date: string): string => `${asset}\u0000${date}`;
  for (const m of movements) {
    if (m.type === 'acquisition') {
      const d = acqDays.get(key(m.asset, m.date)) ?? newDay(acqDays, key(m.asset, m.date), m.date, { unknown: ZERO });
      d.items.push(m);
      d.units = d.units.plus(m.units);
      d.remaining = d.units;
      if (!m.basisKnown) d.unknown = d.unknown.plus(m.units);
    } else if (m.type === 'disposal') {
      const d = dispDays.get(key(m.asset, m.date)) ?? newDay(dispDays, key(m.asset, m.date), m.date, { matches: [] });
      d.items.push(m);
      d.units = d.units.plus(m.units);
      d.remaining = d.units;
    }
  }
  // dates are ISO strings: string order is date order
  const byDate = [...dispDays.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // 1. same day
  for (const [k, d] of byDate) {
    const a = acqDays.get(k);
    if (!a) continue;
    const units = minDec(d.remaining, a.remaining);
    if (units.isZero()) continue;
    d.matches.push({ rule: 'same-day', units, acq: a });
    d.remaining = d.remaining.minus(units);
    a.remaining = a.remaining.minus(units);
  }
  // 2. acquisitions in the 30 days after, disposals in date order (asset order is irrelevant)
  for (const [, d] of byDate) {
    const asset = (d.items[0] as UkDisposal).asset;
    for (let i = 1; i <= 30 && d.remaining.greaterThan(0); i++) {
      const a = acqDays.get(key(asset, addDays(d.date, i)));
      if (!a || a.remaining.isZero()) continue;
      const units = minDec(d.remaining, a.remaining);
      d.matches.push({ rule: 'bed-and-breakfast', units, acq: a });
      d.remaining = d.remaining.minus(units);
      a.remaining = a.remaining.minus(units);
    }
  }
  // 3. the pool, in booking order; what rules 1 and 2 left of each day enters or leaves it
  const pools = new Map<AssetCode, Pool>();
  const poolOf = (asset: AssetCode): Pool => {
    let p = pools.get(asset);
    if (!p) pools.set(asset, (p = { units: ZERO, cost: ZERO, unknown: ZERO }));
    return p;
  };
  const snapshots = new Map<LocalDate, UkPool[]>();
  const wanted = [...new Set(snapshotDates)].sort();
  let next = 0;
  const snapshotUntil = (date: LocalDate | undefined): void => {
    while (next < wanted.length && (date === undefined || (wanted[next] as string) < date)) snapshots.set(wanted[next++] as string, listPools(pools));
  };
  const poolTaken = new Map<DispDay, Taken>();
  // each day's remainder moves once, at the day's last movement of its kind, so units stay exact
  const seen = new Map<object, number>();
  const isLastOfDay = (day: Day<unknown>): boolean => {
    const n = (seen.get(day) ?? 0) + 1;
    seen.set(day, n);
    return n === day.items.length;
  };
  for (const m of movements) {
    snapshotUntil(m.date);
    const pool = poolOf(m.asset);
    if (m.type === 'acquisition') {
      if (m.fromConversion) m.cost = m.fromConversion.cost;
      const a = acqDays.get(key(m.asset, m.date)) as AcqDay;
      if (!isLastOfDay(a) || a.remaining.isZero()) continue;
      const cost = a.items.reduce((s, i) => s.plus(i.cost), ZERO);
      pool.units = pool.units.plus(a.remaining);
      pool.cost = pool.cost.plus(share(cost, a.remaining, a.units));
      pool.unknown = pool.unknown.plus(share(a.unknown, a.remaining, a.units));
    } else if (m.type === 'removal') {
      m.cost = takeFromPool(pool, m.units).cost;
    } else {
      const d = dispDays.get(key(m.asset, m.date)) as DispDay;
      if (!isLastOfDay(d) || d.remaining.isZero()) continue;
      poolTaken.set(d, takeFromPool(pool, d.remaining));
    }
  }
  snapshotUntil(undefined);
  const disposals = byDate.map(([, d]) => finishDay(d, poolTaken.get(d)));
  return { disposals, pools: snapshots, finalPools: listPools(pools) };
}

function newDay<T extends Day<unknown>>(map: Map<string, T>, k: string, date: LocalDate, extra: Omit<T, keyof Day<unknown>>): T {
  const d = { date, items: [], units: ZERO, remaining: ZERO, ...extra } as unknown as T;
  map.set(k, d);
  return d;
}

/** Take units out of a pool at its average cost; what the pool does not hold is uncovered. */
function takeFromPool(pool: Pool, units: Dec): Taken {
  const before = { units: pool.units, cost: pool.cost };
  const covered = minDec(units, pool.units);
  if (covered.isZero()) return { units, cost: ZERO, unknown: ZERO, uncovered: units, before };
  const cost = share(pool.cost, covered, pool.units);
  const unknown = share(pool.unknown, covered, pool.units);
  pool.cost = covered.equals(pool.units) ? ZERO : pool.cost.minus(cost);
  pool.unknown = covered.equals(pool.units) ? ZERO : pool.unknown.minus(unknown);
  pool.units = pool.units.minus(covered);
  return { units, cost, unknown, uncovered: units.minus(covered), before };
}

interface Taken {
  readonly units: Dec;
  readonly cost: Dec;
  readonly unknown: Dec;
  readonly uncovered: Dec;
  readonly before: { readonly units: Dec; readonly cost: Dec };
}

function finishDay(d: DispDay, pool: Taken | undefined): UkDisposalDay {
  const matches: UkMatch[] = [];
  let missing = ZERO;
  for (const m of d.matches) {
    const a = m.acq as AcqDay;
    const cost = a.items.reduce((s, i) => s.plus(i.cost), ZERO);
    matches.push({ rule: m.rule, units: m.units, cost: share(cost, m.units, a.units), acquired: a.date });
    missing = missing.plus(share(a.unknown, m.units, a.units));
  }
  if (pool) {
    matches.push({ rule: 'pool', units: pool.units, cost: pool.cost, poolBefore: pool.before, ...(pool.uncovered.isZero() ? {} : { uncovered: pool.uncovered }) });
    missing = missing.plus(pool.unknown).plus(pool.uncovered);
  }
  const proceeds = d.items.reduce((s, i) => s.plus(i.proceeds), ZERO);
  const fees = d.items.reduce((s, i) => s.plus(i.fee), ZERO);
  const allowableCost = matches.reduce((s, m) => s.plus(m.cost), fees);
  const first = d.items[0] as UkDisposal;
  return { asset: first.asset, date: d.date, units: d.units, proceeds, fees, items: d.items, matches, missingUnits: missing, allowableCost, gain: proceeds.minus(allowableCost) };
}

function listPools(pools: Map<AssetCode, Pool>): UkPool[] {
  return [...pools.entries()]
    .filter(([, p]) => p.units.greaterThan(0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([asset, p]) => ({ asset, units: p.units, cost: p.cost }));
}

function minDec(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}
