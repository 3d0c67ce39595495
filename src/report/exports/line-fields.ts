/**
 * The values an export column can ask of a Form 8949 line, by field name (the `field` of a column
 * in `templates/<jurisdiction>/exports.json`). Amounts are the line's rounded cents; dates are
 * MM/DD/YYYY, the style of Form 8949 and of US tax software — both formatted once per line
 * (`Form8949Line.shown`), not once per export.
 */
import { formatSourceRef } from '../../model/source-ref.js';
import { dec } from '../../model/decimal.js';
import { num, type Cell } from '../csv/write-csv.js';
import { formatMoney } from '../../model/rounding.js';
import type { Form8949Line } from '../form8949-lines.js';
import type { ExportColumn } from './export-layouts.js';

type LineField = (line: Form8949Line) => Cell;

export const LINE_FIELDS: Readonly<Record<string, LineField>> = {
  line: (l) => l.ref,
  box: (l) => l.box,
  term: (l) => l.term,
  asset: (l) => l.disposal.asset,
  description: (l) => l.description,
  quantity: (l) => num(l.shown.quantity),
  dateAcquired: (l) => l.shown.acquired,
  dateSold: (l) => l.shown.sold,
  proceeds: (l) => num(l.shown.proceeds),
  costBasis: (l) => num(l.shown.costBasis),
  adjustedBasis: (l) => num(adjustedBasis(l)),
  code: (l) => l.code,
  adjustment: (l) => num(l.shown.adjustment),
  adjustmentIfCoded: (l) => (l.code === '' ? '' : num(l.shown.adjustment)),
  gain: (l) => num(l.shown.gain),
  disposalId: (l) => l.disposal.id,
  disposalKind: (l) => l.disposal.kind,
  wallet: (l) => l.disposal.wallet,
  counterpart: (l) => l.disposal.counterpart ?? '',
  proceedsSource: (l) => l.disposal.proceedsSource,
  basisStatus: (l) => l.slice.basisStatus,
  lotId: (l) => l.slice.lotId ?? '',
  lotWallet: (l) => l.slice.lotWallet ?? '',
  lotSource: (l) => (l.slice.lotSource ? formatSourceRef(l.slice.lotSource) : ''),
  disposalSource: (l) => formatSourceRef(l.disposal.source),
};

/**
 * Column (e) less column (g): the basis a format without adjustment columns (TurboTax gains CSV,
 * TXF) needs so that proceeds − basis is the line's gain (h). Without an adjustment, (e) itself.
 * @example adjustedBasis(a line with (e) 100000.00, (g) 10000.00) // → '90000.00'
 */
export function adjustedBasis(l: Form8949Line): string {
  if (l.code === '' || l.shown.adjustment === '0.00') return l.shown.costBasis;
  return formatMoney(dec(l.shown.costBasis).minus(dec(l.shown.adjustment)));
}

/**
 * The cells of one line for a column layout; `extra` adds or overrides fields for one export.
 * @throws Error when a template names a field no code fills (a template bug).
 */
export function lineCells(
  line: Form8949Line,
  columns: readonly ExportColumn[],
  extra: Readonly<Record<string, LineField>> = {},
): Cell[] {
  return lineRower(columns, extra)(line);
}

/**
 * The cells function of a column layout, with the fields looked up once (not once per line).
 * @throws Error when a template names a field no code fills (a template bug).
 */
export function lineRower(
  columns: readonly ExportColumn[],
  extra: Readonly<Record<string, LineField>> = {},
): (line: Form8949Line) => Cell[] {
  const fields = columns.map((c) => {
    const f = extra[c.field] ?? LINE_FIELDS[c.field];
    if (!f) throw new Error(`export template: unknown field "${c.field}" (column "${c.header}")`);
    return f;
  });
  return (line) => fields.map((f) => f(line));
}

/** `lines` mapped lazily, one row at a time (for `csvChunks`). */
export function* mapRows<T, R>(items: readonly T[], row: (item: T) => R, from = 0, to = items.length): Generator<R> {
  for (let i = from; i < to; i++) yield row(items[i] as T);
}
