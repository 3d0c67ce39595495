/**
 * Totals of Form 8949 columns (d), (e), (g), (h) per box, exact (summary.json rounds each once):
 * `capitalGains.byBox`, and the term totals whose (d), (e) and (g) a Form 1099-DA changes while
 * (h) stays taxlot's gain.
 */
import { ZERO, type Dec } from '../../../model/decimal.js';
import type { Disposal, DisposalSlice } from '../../../model/disposal.js';
import { BOX_ORDER, form8949BoxOf } from '../form8949-box.js';
import { formatMoney } from '../../../model/rounding.js';
import type { TermTotals, YearTotals } from '../year-totals.js';
import type { LinePlacement } from './place.js';

export interface BoxTotals {
  readonly proceeds: Dec;
  readonly costBasis: Dec;
  readonly adjustment: Dec;
  readonly gain: Dec;
  readonly lines: number;
}

const SHORT_BOXES: ReadonlySet<string> = new Set(['A', 'B', 'C', 'G', 'H', 'I']);

/** The boxes used this year, in the form's order. */
export function totalByBox(taxYear: number, disposals: readonly Disposal[], placements: ReadonlyMap<DisposalSlice, LinePlacement>): Map<string, BoxTotals> {
  const acc = new Map<string, { proceeds: Dec; costBasis: Dec; adjustment: Dec; gain: Dec; lines: number }>();
  for (const d of disposals) {
    for (const s of d.slices) {
      const p = placements.get(s);
      const box = p?.box ?? form8949BoxOf(taxYear, s.term, d.kind);
      const t = acc.get(box) ?? { proceeds: ZERO, costBasis: ZERO, adjustment: ZERO, gain: ZERO, lines: 0 };
      t.proceeds = t.proceeds.plus(p ? p.exact.proceeds : s.proceeds);
      t.costBasis = t.costBasis.plus(p ? p.exact.costBasis : s.basis);
      if (p) t.adjustment = t.adjustment.plus(p.exact.adjustment);
      t.gain = t.gain.plus(s.proceeds.minus(s.basis));
      t.lines++;
      acc.set(box, t);
    }
  }
  return new Map(BOX_ORDER.filter((b) => acc.has(b)).map((b) => [b, acc.get(b) as BoxTotals]));
}

/** The year's totals with (d), (e), (g) of each term summed from its boxes. */
export function withBoxTerms(totals: YearTotals, boxes: ReadonlyMap<string, BoxTotals>): YearTotals {
  const term = (t: TermTotals, short: boolean): TermTotals => {
    let proceeds = ZERO;
    let costBasis = ZERO;
    let adjustment = ZERO;
    for (const [box, b] of boxes) {
      if (SHORT_BOXES.has(box) !== short) continue;
      proceeds = proceeds.plus(b.proceeds);
      costBasis = costBasis.plus(b.costBasis);
      adjustment = adjustment.plus(b.adjustment);
    }
    return { ...t, proceeds, costBasis, adjustment };
  };
  return { ...totals, shortTerm: term(totals.shortTerm, true), longTerm: term(totals.longTerm, false) };
}

/** summary.json `capitalGains.byBox`. */
export function byBoxJson(boxes: ReadonlyMap<string, BoxTotals>): Record<string, unknown> {
  return Object.fromEntries(
    [...boxes].map(([box, t]) => [
      box,
      { proceeds: formatMoney(t.proceeds), costBasis: formatMoney(t.costBasis), adjustment: formatMoney(t.adjustment), gain: formatMoney(t.gain), lines: t.lines },
    ]),
  );
}
