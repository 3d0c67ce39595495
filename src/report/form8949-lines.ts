/**
 * The Form 8949 lines of a tax year: the one view every filing output renders (PDF pages, the
 * TurboTax, TaxAct and TXF exports, the audit trail), so that they all show the same lines in the
 * same order with the same numbers.
 *
 * One line per disposal slice (one lot consumed by one disposal). Lines are grouped by box — short
 * term first (Part I), then long term (Part II) — and keep the engine's order within a box
 * (disposal date, then source order). Amounts are rounded per line (rounding.ts), and the gain is
 * computed from the rounded amounts, so `(h) = (d) − (e) + (g)` holds on every printed line and
 * any total summed from lines ties out with them.
 */
import { dec, ZERO, type Dec } from '../model/decimal.js';
import type { Disposal, DisposalSlice, Term } from '../model/disposal.js';
import { toUsDate, type LocalDate } from '../model/local-date.js';
import { formatSourceRef } from '../model/source-ref.js';
import { BOX_ORDER, form8949BoxOf } from '../jurisdictions/us/form8949-box.js';
import type { LinePlacement } from '../jurisdictions/us/form1099da/place.js';
import { formatMoney, moneyDifference } from '../model/rounding.js';

export interface Form8949Line {
  /**
   * Form 8949 box letter: G/H/J/K for a sale matched to a Form 1099-DA row, I/L for other
   * digital-asset sales from tax year 2025, C/F before and for derivative positions.
   */
  readonly box: string;
  readonly term: Term;
  /** 1-based position within its box. */
  readonly number: number;
  /** `I-12`: box and number, how the PDF, the audit trail and the exports refer to a line. */
  readonly ref: string;
  /** Column (a): units and asset, e.g. `0.5 BTC` (or the position's own description). */
  readonly description: string;
  /** Column (b); absent when no lot covers the units. */
  readonly acquired?: LocalDate;
  /** Column (c). */
  readonly sold: LocalDate;
  /** Columns (d), (e), (g), (h), each rounded to cents. */
  readonly proceeds: Dec;
  readonly costBasis: Dec;
  readonly adjustment: Dec;
  readonly code: string;
  readonly gain: Dec;
  readonly disposal: Disposal;
  readonly slice: DisposalSlice;
  /** The line's values as every output prints them, computed once (see `ShownLine`). */
  readonly shown: ShownLine;
  /** Its Form 1099-DA match (box, codes, reported rows), when a reported row covers it. */
  readonly reported?: LinePlacement;
}

/** `file:line` of the Form 1099-DA rows a line is matched to (with their transaction ids). */
export function reportedRowsText(p: LinePlacement | undefined): string {
  if (!p) return '';
  return p.rows.map((r) => `${formatSourceRef(r.source)}${r.transactionId ? ` (${r.transactionId})` : ''}`).join(' ');
}

/**
 * A line's presented values, formatted once and shared by form8949.csv, the tax-software exports,
 * the audit trail and the PDF, so no output rounds or formats a line again.
 */
export interface ShownLine {
  /** `1234.50`, `-12.00`: the rounded cents of (d), (e), (g), (h) (rounding.ts `formatMoney`). */
  readonly proceeds: string;
  readonly costBasis: string;
  readonly adjustment: string;
  readonly gain: string;
  /** Column (b) as MM/DD/YYYY; `''` when no lot covers the units. */
  readonly acquired: string;
  /** Column (c) as MM/DD/YYYY. */
  readonly sold: string;
  /** Units disposed of, exact (`0.5`). */
  readonly quantity: string;
}

export interface LineTotals {
  readonly proceeds: Dec;
  readonly costBasis: Dec;
  readonly adjustment: Dec;
  readonly gain: Dec;
  readonly count: number;
}

/**
 * @example
 * buildForm8949Lines(2025, disposals).map((l) => l.ref) // → ['I-1', 'I-2', 'L-1']
 */
export function buildForm8949Lines(
  taxYear: number,
  disposals: readonly Disposal[],
  placements: ReadonlyMap<DisposalSlice, LinePlacement> = new Map(),
): Form8949Line[] {
  const byBox = new Map<string, Line[]>(BOX_ORDER.map((b) => [b, []]));
  const usDates = new Map<LocalDate, string>(); // one string per date, shared by its lines
  const usDate = (date: LocalDate): string => {
    let shown = usDates.get(date);
    if (shown === undefined) usDates.set(date, (shown = toUsDate(date)));
    return shown;
  };
  for (const d of disposals) {
    const sold = usDate(d.date);
    for (const s of d.slices) {
      // the rounded cents as text, once; the gain from them (moneyDifference: exact, no decimals made)
      const proceeds = formatMoney(s.proceeds);
      const costBasis = formatMoney(s.basis);
      const quantity = s.quantity.toFixed();
      const placed = placements.get(s);
      const box = placed?.box ?? form8949BoxOf(taxYear, s.term, d.kind);
      const list = byBox.get(box) as Line[];
      const shown: ShownLine = {
        proceeds: placed ? formatMoney(placed.proceeds) : proceeds,
        costBasis: placed ? formatMoney(placed.costBasis) : costBasis,
        adjustment: placed ? formatMoney(placed.adjustment) : ZERO_SHOWN,
        gain: moneyDifference(proceeds, costBasis),
        acquired: s.acquiredDate ? usDate(s.acquiredDate) : '',
        sold,
        quantity,
      };
      const description = d.description ?? columnA(quantity, d);
      list.push(placed ? new ReportedLine(box, list.length + 1, description, d, s, shown, placed) : new Line(box, list.length + 1, description, d, s, shown));
    }
  }
  return [...byBox.values()].flat();
}

const ZERO_SHOWN = formatMoney(ZERO);

/**
 * Column (a): units and asset, and the sale's transaction id where the export gives one
 * (`0.5 BTC (tx 0xab12…)`, the id whole), so the line can be traced to the venue or the chain.
 */
function columnA(quantity: string, d: Disposal): string {
  return d.transactionId ? `${quantity} ${d.asset} (tx ${d.transactionId})` : `${quantity} ${d.asset}`;
}

/**
 * A line holds its amounts once, as the cents every output prints (`shown`); the rounded
 * decimals are read back from them when a total needs them. The same values: `formatMoney` of a
 * cents value is exact, so parsing it back gives that value. On a million-row history this keeps
 * ~100 MB of decimal objects out of memory while the files are written.
 */
class Line implements Form8949Line {
  readonly term: Term;
  get code(): string {
    return '';
  }
  readonly sold: LocalDate;
  declare readonly acquired?: LocalDate;

  constructor(
    readonly box: string,
    readonly number: number,
    readonly description: string,
    readonly disposal: Disposal,
    readonly slice: DisposalSlice,
    readonly shown: ShownLine,
  ) {
    this.term = slice.term;
    this.sold = disposal.date;
    if (slice.acquiredDate !== undefined) this.acquired = slice.acquiredDate;
  }

  get ref(): string {
    return `${this.box}-${this.number}`;
  }
  get proceeds(): Dec {
    return dec(this.shown.proceeds);
  }
  get costBasis(): Dec {
    return dec(this.shown.costBasis);
  }
  get adjustment(): Dec {
    return ZERO;
  }
  get gain(): Dec {
    return dec(this.shown.gain);
  }
}

/** A line matched to a Form 1099-DA row: its codes and adjustment come from the placement. */
class ReportedLine extends Line {
  constructor(box: string, number: number, description: string, disposal: Disposal, slice: DisposalSlice, shown: ShownLine, readonly reported: LinePlacement) {
    super(box, number, description, disposal, slice, shown);
  }
  override get code(): string {
    return this.reported.code;
  }
  override get adjustment(): Dec {
    return this.reported.adjustment;
  }
}

/**
 * Sum of printed (rounded) line amounts.
 * @example totalLines([]) // → { proceeds: 0, costBasis: 0, adjustment: 0, gain: 0, count: 0 }
 */
export function totalLines(lines: readonly Form8949Line[]): LineTotals {
  let proceeds = ZERO;
  let costBasis = ZERO;
  let adjustment = ZERO;
  let gain = ZERO;
  for (const l of lines) {
    proceeds = proceeds.plus(l.proceeds);
    costBasis = costBasis.plus(l.costBasis);
    adjustment = adjustment.plus(l.adjustment);
    gain = gain.plus(l.gain);
  }
  return { proceeds, costBasis, adjustment, gain, count: lines.length };
}

/** Lines grouped by box, boxes in line order (Part I boxes first). */
export function groupByBox(lines: readonly Form8949Line[]): Map<string, Form8949Line[]> {
  const groups = new Map<string, Form8949Line[]>();
  for (const l of lines) {
    const g = groups.get(l.box);
    if (g) g.push(l);
    else groups.set(l.box, [l]);
  }
  return groups;
}
