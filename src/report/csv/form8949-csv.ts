/**
 * Form 8949 detail CSV: one row per disposal slice (one lot consumed by one disposal) in the tax
 * year, with the columns of the form (a)–(h), the box, and the audit columns that trace the line
 * to its lot and to the source rows. Amounts are rounded per line (rounding.ts).
 */
import type { Disposal, DisposalSlice } from '../../model/disposal.js';
import { form8949BoxOf } from '../../jurisdictions/us/form8949-box.js';
import { toUsDate } from '../../model/local-date.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { formatMoney, roundMoney } from '../../model/rounding.js';
import { groupByBox, reportedRowsText, type Form8949Line } from '../form8949-lines.js';
import { csvSourceRef, csvText, lineChunks, num, renderCsv, type Cell } from './write-csv.js';

export const FORM8949_HEADER = [
  'box', 'term', 'description', 'date_acquired', 'date_sold', 'proceeds', 'cost_basis', 'adjustment_code', 'adjustment', 'gain',
  'asset', 'quantity', 'wallet', 'kind', 'basis_status', 'proceeds_source', 'lot_id', 'lot_wallet', 'lot_source', 'source',
  'form_1099da',
] as const;

export function sliceRow(taxYear: number, d: Disposal, s: DisposalSlice): Cell[] {
  const proceeds = roundMoney(s.proceeds);
  const basis = roundMoney(s.basis);
  return [
    form8949BoxOf(taxYear, s.term, d.kind),
    s.term,
    d.description ?? `${s.quantity.toFixed()} ${d.asset}`,
    s.acquiredDate ? toUsDate(s.acquiredDate) : 'UNKNOWN',
    toUsDate(d.date),
    num(formatMoney(proceeds)),
    num(formatMoney(basis)),
    '',
    num('0.00'),
    num(formatMoney(proceeds.minus(basis))),
    d.asset,
    num(s.quantity.toFixed()),
    d.wallet,
    d.kind,
    s.basisStatus,
    d.proceedsSource,
    s.lotId ?? '',
    s.lotWallet ?? '',
    s.lotSource ? formatSourceRef(s.lotSource) : '',
    formatSourceRef(d.source),
    '',
  ];
}

export function renderForm8949Csv(taxYear: number, disposals: readonly Disposal[]): string {
  return renderCsv(FORM8949_HEADER, disposals.flatMap((d) => d.slices.map((s) => sliceRow(taxYear, d, s))));
}

/**
 * `sliceRow` from a line's values formatted once (`Form8949Line.shown`): the same cells, written
 * as one row (no line end). Cells that are fixed codes, MM/DD/YYYY dates or amounts
 * (`formatMoney`, `toFixed` text) need no quoting or defusing and are written as they are.
 */
export function lineRow(l: Form8949Line): string {
  const { disposal: d, slice: s, shown } = l;
  return `${csvText(l.box)},${s.term},${csvText(l.description)},${l.acquired ? shown.acquired : 'UNKNOWN'},${shown.sold},` +
    `${shown.proceeds},${shown.costBasis},${csvText(l.code)},${shown.adjustment},${shown.gain},` +
    `${csvText(d.asset)},${shown.quantity},${csvText(d.wallet)},${d.kind},${s.basisStatus},${d.proceedsSource},` +
    `${csvText(s.lotId ?? '')},${csvText(s.lotWallet ?? '')},${s.lotSource ? csvSourceRef(s.lotSource) : ''},` +
    `${csvSourceRef(d.source)},${csvText(reportedRowsText(l.reported))}`;
}

/**
 * form8949.csv as chunks, from the Form 8949 lines of the same disposals: rows in the engine's
 * order (disposal, then slice), each taken from its box's lines, which keep that order.
 * @throws Error when `lines` are not the lines of `disposals` (a caller bug)
 */
export function* form8949CsvChunks(
  disposals: readonly Disposal[],
  lines: readonly Form8949Line[],
  /** Under a method schedule (`--method fifo,hifo:2025`): a last column `method`, the method each sale used. */
  methodOf?: (d: Disposal) => string,
): Generator<string> {
  const byBox = groupByBox(lines);
  const next = new Map([...byBox.keys()].map((box) => [box, 0]));
  function* rows(): Generator<string> {
    for (const d of disposals) {
      for (const s of d.slices) {
        const box = boxOfSlice(byBox, next, s);
        const i = next.get(box) as number;
        const line = (byBox.get(box) as Form8949Line[])[i] as Form8949Line;
        next.set(box, i + 1);
        yield methodOf ? `${lineRow(line)},${csvText(methodOf(d))}` : lineRow(line);
      }
    }
  }
  yield* lineChunks(methodOf ? [...FORM8949_HEADER, 'method'] : FORM8949_HEADER, rows());
}

/** The box whose next line is slice `s`. */
function boxOfSlice(byBox: ReadonlyMap<string, readonly Form8949Line[]>, next: ReadonlyMap<string, number>, s: DisposalSlice): string {
  for (const [box, list] of byBox) if (list[next.get(box) as number]?.slice === s) return box;
  throw new Error('form8949.csv: the Form 8949 lines do not match the disposals');
}
