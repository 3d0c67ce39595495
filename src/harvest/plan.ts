/**
 * The harvest plan: which sales on the as-of date would realise the losses that help this year,
 * and what each realises — under specific identification of the loss lot, and under the user's
 * lot method (which may sell other lots). Pure. Rules and sources: src/harvest/README.md.
 *
 * How much loss helps: Schedule D nets the year's short- and long-term results with the prior
 * year's carryovers (IRC §1212(b)); a net loss is deductible against ordinary income up to 3,000
 * (1,500 married filing separately; IRC §1211(b)) and the rest only carries forward. So the loss
 * wanted is `net + limit` when that is positive, and nothing otherwise.
 *
 * Which lots, in three steps, each taking the largest losses first and the last lot in part
 * (units rounded up to 8 decimals):
 *   1. short-term losses against net short-term gains (those are taxed at ordinary rates),
 *      then long-term losses if the short-term ones do not cover them;
 *   2. long-term losses against net long-term gains, then short-term ones;
 *   3. what is left of the loss wanted, up to the limit: short-term losses first.
 */
import type { BookingMethod } from '../engine/booking-methods.js';
import { Dec, divide, share, ZERO } from '../model/decimal.js';
import type { Term } from '../model/disposal.js';
import type { LocalDate } from '../model/local-date.js';
import { limitCapitalLoss, type CapitalLoss, type FilingStatus } from '../jurisdictions/us/capital-loss.js';
import { SaleSimulator, type SimulatedSale } from './simulate-sale.js';
import type { HarvestLot } from './value-lots.js';

export type PlanStep = 'short-term gains' | 'long-term gains' | 'income limit';

export interface PlanInput {
  readonly lots: readonly HarvestLot[];
  /** Realised so far this year (January 1 through the as-of date). */
  readonly shortTerm: Dec;
  readonly longTerm: Dec;
  readonly carryoverShort: Dec;
  readonly carryoverLong: Dec;
  readonly filingStatus: FilingStatus;
  /** The method in force on the as-of date. */
  readonly method: BookingMethod;
  /** True when a sale on the as-of date draws on every wallet's lots (before 2025, or --lot-scope universal). */
  readonly universal: boolean;
  readonly asOf: LocalDate;
}

export interface PlannedSale {
  /** Why the sale is in the plan (the step that chose its lot). */
  readonly step: PlanStep;
  readonly lot: HarvestLot;
  readonly units: Dec;
  readonly price: Dec;
  readonly proceeds: Dec;
  /** Selling exactly this lot (specific identification, made before the sale). */
  readonly specificId: { readonly basis: Dec; readonly realized: Dec; readonly term: Term };
  /** Selling the same units of the asset in the same wallet under the lot method. */
  readonly lotMethod: SimulatedSale & { readonly realized: Dec };
}

export interface Picture {
  readonly shortTerm: Dec;
  readonly longTerm: Dec;
  readonly net: Dec;
  /** With the carryovers, the deduction and what carries forward (capital-loss.ts). */
  readonly capitalLoss: CapitalLoss;
}

export interface HarvestPlan {
  /** Loss wanted this year (positive). */
  readonly lossWanted: Dec;
  readonly limit: Dec;
  readonly method: BookingMethod;
  readonly sales: readonly PlannedSale[];
  readonly before: Picture;
  readonly afterSpecificId: Picture;
  readonly afterLotMethod: Picture;
}

const UNIT_DP = 8;

export function planHarvest(input: PlanInput): HarvestPlan {
  const picture = (shortTerm: Dec, longTerm: Dec): Picture => ({
    shortTerm,
    longTerm,
    net: shortTerm.plus(longTerm),
    capitalLoss: limitCapitalLoss({
      shortTermGain: shortTerm,
      longTermGain: longTerm,
      carryoverShort: input.carryoverShort,
      carryoverLong: input.carryoverLong,
      filingStatus: input.filingStatus,
    }),
  });
  const before = picture(input.shortTerm, input.longTerm);
  const cl = before.capitalLoss;
  const wanted = positive(cl.net.plus(cl.limit));

  const losses = input.lots.filter((l) => l.unrealized?.isNegative()).sort(largestLossFirst);
  const chosen = new Map<HarvestLot, { step: PlanStep; units: Dec }>();
  let left = wanted;
  const take = (need: Dec, step: PlanStep, order: readonly Term[]): void => {
    let n = need.lessThan(left) ? need : left;
    for (const term of order) {
      for (const lot of losses.filter((l) => l.term === term)) {
        if (!n.greaterThan(0)) return;
        const used = chosen.get(lot)?.units ?? ZERO;
        const free = lot.lot.quantity.minus(used);
        if (!free.greaterThan(0)) continue;
        const lotLoss = (lot.unrealized as Dec).negated();
        // units whose loss covers n: n × units / loss, rounded up to 8 decimals
        let units = divide(n.times(lot.lot.quantity), lotLoss).toDecimalPlaces(UNIT_DP, Dec.ROUND_UP);
        if (units.greaterThan(free)) units = free;
        const loss = lossOf(lot, used.plus(units)).minus(lossOf(lot, used));
        chosen.set(lot, { step: chosen.get(lot)?.step ?? step, units: used.plus(units) });
        n = n.minus(loss);
        left = left.minus(loss);
      }
    }
  };
  take(positive(cl.netShortTerm), 'short-term gains', ['short', 'long']);
  take(positive(cl.netLongTerm), 'long-term gains', ['long', 'short']);
  take(left, 'income limit', ['short', 'long']);

  const simulator = new SaleSimulator(input.lots.map((l) => l.lot), input.method, input.asOf, input.universal);
  const sales = [...chosen].map(([lot, { step, units }]): PlannedSale => {
    const price = lot.price as Dec;
    const proceeds = units.times(price);
    const basis = basisOf(lot, units);
    const sim = simulator.sell(lot.lot.wallet, lot.lot.asset, units, price);
    return {
      step,
      lot,
      units,
      price,
      proceeds,
      specificId: { basis, realized: proceeds.minus(basis), term: lot.term },
      lotMethod: { ...sim, realized: sim.shortTerm.plus(sim.longTerm) },
    };
  });
  const total = (f: (s: PlannedSale) => { short: Dec; long: Dec }) =>
    sales.reduce((acc, s) => ({ short: acc.short.plus(f(s).short), long: acc.long.plus(f(s).long) }), { short: ZERO, long: ZERO });
  const byId = total((s) => (s.specificId.term === 'long' ? { short: ZERO, long: s.specificId.realized } : { short: s.specificId.realized, long: ZERO }));
  const byMethod = total((s) => ({ short: s.lotMethod.shortTerm, long: s.lotMethod.longTerm }));
  return {
    lossWanted: wanted,
    limit: cl.limit,
    method: input.method,
    sales,
    before,
    afterSpecificId: picture(input.shortTerm.plus(byId.short), input.longTerm.plus(byId.long)),
    afterLotMethod: picture(input.shortTerm.plus(byMethod.short), input.longTerm.plus(byMethod.long)),
  };
}

/** The basis of `units` of a lot: its share by quantity (all of it for the whole lot). */
function basisOf(lot: HarvestLot, units: Dec): Dec {
  return units.equals(lot.lot.quantity) ? lot.lot.basis : share(lot.lot.basis, units, lot.lot.quantity);
}

/** The loss (positive) a sale of `units` of a priced lot realises. */
function lossOf(lot: HarvestLot, units: Dec): Dec {
  return basisOf(lot, units).minus(units.times(lot.price as Dec));
}

/** Largest loss first; ties by content (acquisition, asset, units, basis), the wallet name last. */
function largestLossFirst(a: HarvestLot, b: HarvestLot): number {
  return (
    (a.unrealized as Dec).comparedTo(b.unrealized as Dec) ||
    a.lot.acquiredInstant - b.lot.acquiredInstant ||
    cmp(a.lot.asset, b.lot.asset) ||
    a.lot.quantity.comparedTo(b.lot.quantity) ||
    a.lot.basis.comparedTo(b.lot.basis) ||
    cmp(a.lot.wallet, b.lot.wallet) ||
    a.lot.seq - b.lot.seq ||
    a.lot.split - b.lot.split
  );
}

function positive(d: Dec): Dec {
  return d.greaterThan(0) ? d : ZERO;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
