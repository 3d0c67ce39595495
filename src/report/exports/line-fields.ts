/**
 * The values an export column can ask of a Form 8949 line, by field name (the `field` of a column
 * in `templates/<jurisdiction>/exports.json`). Amounts are the line's rounded cents; dates are
 * MM/DD/YYYY, the style of Form 8949 and of US tax software — both formatted once per line
 * (`Form8949Line.shown`), not once per export.
 */
import { dec } from '../../model/decimal.js';
import { csvSourceRef, csvText } from '../csv/write-csv.js';
import { formatMoney } from '../../model/rounding.js';
import type { Form8949Line } from '../form8949-lines.js';
import type { ExportColumn } from './export-layouts.js';

/**
 * A field's cell as written in the CSV: text through `csvText` (quoted, defused); the amounts and
 * the quantity as they are (`formatMoney` and decimal.js `toFixed` text: digits, sign and point,
 * nothing to quote), like MM/DD/YYYY dates and the fixed codes of the model (term, disposal kind,
 * basis status, proceeds source: lower-case words and hyphens).
 */
type LineField = (line: Form8949Line) => string;

export const LINE_FIELDS: Readonly<Record<string, LineField>> = {
  line: (l) => csvText(l.ref),
  box: (l) => csvText(l.box),
  term: (l) => l.term,
  asset: (l) => csvText(l.disposal.asset),
  description: (l) => csvText(l.description),
  quantity: (l) => l.shown.quantity,
  dateAcquired: (l) => l.shown.acquired,
  dateSold: (l) => l.shown.sold,
  proceeds: (l) => l.shown.proceeds,
  costBasis: (l) => l.shown.costBasis,
  adjustedBasis: (l) => adjustedBasis(l),
  code: (l) => csvText(l.code),
  adjustment: (l) => l.shown.adjustment,
  adjustmentIfCoded: (l) => (l.code === '' ? '' : l.shown.adjustment),
  gain: (l) => l.shown.gain,
  disposalId: (l) => csvText(l.disposal.id),
  disposalKind: (l) => l.disposal.kind,
  wallet: (l) => csvText(l.disposal.wallet),
  counterpart: (l) => csvText(l.disposal.counterpart ?? ''),
  proceedsSource: (l) => l.disposal.proceedsSource,
  basisStatus: (l) => l.slice.basisStatus,
  lotId: (l) => csvText(l.slice.lotId ?? ''),
  lotWallet: (l) => csvText(l.slice.lotWallet ?? ''),
  lotSource: (l) => (l.slice.lotSource ? csvSourceRef(l.slice.lotSource) : ''),
  disposalSource: (l) => csvSourceRef(l.disposal.source),
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
 * The row function of a column layout, with the fields looked up once (not once per line).
 * @throws Error when a template names a field no code fills (a template bug).
 */
export function lineRower(
  columns: readonly ExportColumn[],
  extra: Readonly<Record<string, LineField>> = {},
): (line: Form8949Line) => string {
  const fields = columns.map((c) => {
    const f = extra[c.field] ?? LINE_FIELDS[c.field];
    if (!f) throw new Error(`export template: unknown field "${c.field}" (column "${c.header}")`);
    return f;
  });
  const [first, ...rest] = fields;
  if (!first) return () => '';
  return (line) => {
    let row = first(line);
    for (const f of rest) row += `,${f(line)}`;
    return row;
  };
}

/** `lines` mapped lazily, one row at a time (for `lineChunks`). */
export function* mapRows<T, R>(items: readonly T[], row: (item: T) => R, from = 0, to = items.length): Generator<R> {
  for (let i = from; i < to; i++) yield row(items[i] as T);
}
