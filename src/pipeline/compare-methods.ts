/**
 * `report --compare-methods`: the tax year under FIFO, LIFO and HIFO side by side. Each method's
 * figures are those of the report computed with that method alone (`computeReport` with
 * `method: X`, the same inputs, options and tax year), so they equal `report --method X`.
 * Pure, like the pipeline; it costs one computation per method not already computed.
 *
 * A comparison is hindsight: a method must be the taxpayer's standing order before the sales it
 * applies to (Treas. Reg. §1.1012-1(j)(3)(ii)); choosing the best one after the year is not allowed.
 */
import { BOOKING_METHODS, type BookingMethod } from '../engine/booking-methods.js';
import type { Dec } from '../model/decimal.js';
import { formatMoney } from '../model/rounding.js';
import { computeReport, type InputFile, type ReportData, type ReportOptions } from './compute-report.js';
import type { MethodsBlock } from '../model/summary.js';

export interface MethodFigures {
  readonly method: BookingMethod;
  readonly shortTerm: Dec;
  readonly longTerm: Dec;
  readonly net: Dec;
  readonly deductible: Dec;
  readonly carryforwardShortTerm: Dec;
  readonly carryforwardLongTerm: Dec;
}

export type MethodComparison = readonly MethodFigures[];

export const STANDING_ORDER_NOTE =
  'A method must be your standing order before the sales it applies to (Treas. Reg. 1.1012-1(j)): this comparison shows what each would have given, not a choice you can make after the sales.';

function figuresOf(method: BookingMethod, data: ReportData): MethodFigures {
  const t = data.totals;
  const c = data.capitalLoss;
  return {
    method,
    shortTerm: t.shortTerm.gain,
    longTerm: t.longTerm.gain,
    net: t.shortTerm.gain.plus(t.longTerm.gain),
    deductible: c.deductible,
    carryforwardShortTerm: c.carryforwardShortTerm,
    carryforwardLongTerm: c.carryforwardLongTerm,
  };
}

/**
 * @param computed the report already computed (reused for its own method when no schedule applies)
 */
export function compareMethods(inputs: readonly InputFile[], computed: ReportData): MethodComparison {
  const base: ReportOptions = { ...computed.options, year: computed.taxYear };
  return BOOKING_METHODS.map((method) => {
    if (!computed.options.methodSchedule && computed.options.method === method) return figuresOf(method, computed);
    const { methodSchedule: _schedule, ...rest } = base;
    // the priced history is neither kept nor shown (only the totals are wanted)
    return figuresOf(method, computeReport(inputs, { ...rest, method }, 'discard'));
  });
}

/** summary.json's `methods` block (docs/contract.md): per method `{ shortTerm, longTerm, net }`, gains. */
export function methodsSummary(comparison: MethodComparison): MethodsBlock {
  return Object.fromEntries(comparison.map((m) => [m.method, { shortTerm: formatMoney(m.shortTerm), longTerm: formatMoney(m.longTerm), net: formatMoney(m.net) }]));
}
