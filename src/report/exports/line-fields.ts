/**
 * The values an export column can ask of a Form 8949 line, by field name (the `field` of a column
 * in `templates/<jurisdiction>/exports.json`). Amounts are the line's rounded cents; dates are
 * MM/DD/YYYY, the style of Form 8949 and of US tax software.
 */
import { toUsDate } from '../../model/local-date.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { num, type Cell } from '../csv/write-csv.js';
import type { Form8949Line } from '../form8949-lines.js';
import { formatMoney } from '../rounding.js';
import type { ExportColumn } from './export-layouts.js';

type LineField = (line: Form8949Line) => Cell;

export const LINE_FIELDS: Readonly<Record<string, LineField>> = {
  line: (l) => l.ref,
  box: (l) => l.box,
  term: (l) => l.term,
  asset: (l) => l.disposal.asset,
  description: (l) => l.description,
  quantity: (l) => num(l.slice.quantity.toFixed()),
  dateAcquired: (l) => (l.acquired ? toUsDate(l.acquired) : ''),
  dateAcquiredOrVarious: (l) => (l.acquired ? toUsDate(l.acquired) : 'Various'),
  dateSold: (l) => toUsDate(l.sold),
  proceeds: (l) => num(formatMoney(l.proceeds)),
  costBasis: (l) => num(formatMoney(l.costBasis)),
  code: (l) => l.code,
  adjustment: (l) => num(formatMoney(l.adjustment)),
  adjustmentIfCoded: (l) => (l.code === '' ? '' : num(formatMoney(l.adjustment))),
  gain: (l) => num(formatMoney(l.gain)),
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
 * The cells of one line for a column layout; `extra` adds or overrides fields for one export.
 * @throws Error when a template names a field no code fills (a template bug).
 */
export function lineCells(
  line: Form8949Line,
  columns: readonly ExportColumn[],
  extra: Readonly<Record<string, LineField>> = {},
): Cell[] {
  return columns.map((c) => {
    const f = extra[c.field] ?? LINE_FIELDS[c.field];
    if (!f) throw new Error(`export template: unknown field "${c.field}" (column "${c.header}")`);
    return f(line);
  });
}
