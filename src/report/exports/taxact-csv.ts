/**
 * TaxAct Stock Assistant CSV (docs/tax-rules.md §2.2): one row per Form 8949 line with TaxAct's column
 * names (the user confirms the mapping in TaxAct's import wizard).
 *
 * - `Reporting Category` is the Form 8949 box (I/L from tax year 2025, C/F before). TaxAct's help
 *   pages only list A–F; whether its CSV import takes G–L is not documented (docs/tax-rules.md §7), so the
 *   README tells the user to check the category after import.
 * - Units with no known acquisition date (no lot covers them) leave `Date Acquired` empty: TaxAct
 *   takes a date or `Various`, and `Various` means several known dates (Form 8949 instructions,
 *   column (b)), not an unknown one; the PDF tells the user to complete those rows.
 *   `Long/Short` is filled on every row (TaxAct needs it when the date is not a date).
 * - TaxAct accepts up to 2,000 Forms 1099-B in total; the PDF warns when there are more lines.
 */
import { csvText, lineChunks } from '../csv/write-csv.js';
import { joinChunks } from '../output-stream.js';
import type { Form8949Line } from '../form8949-lines.js';
import type { ExportLayouts } from './export-layouts.js';
import { lineRower, mapRows } from './line-fields.js';

export const TAXACT_FILE = 'taxact-capital-gains.csv';

/**
 * @example
 * renderTaxActCsv(lines, layout.taxact).split('\n')[0]
 * // → 'Description,Date Acquired,Date Sold,Sales Proceeds,Cost or Other Basis,Adjustment Code,Adjustment Amount,Reporting Category,Long/Short'
 */
export function renderTaxActCsv(lines: readonly Form8949Line[], layout: ExportLayouts['taxact']): string {
  return joinChunks(taxActChunks(lines, layout));
}

/** The same file as chunks (render-outputs.ts). */
export function taxActChunks(lines: readonly Form8949Line[], layout: ExportLayouts['taxact']): Generator<string> {
  const row = lineRower(layout.columns, { longShort: (x) => csvText(layout.terms[x.term] ?? '') });
  return lineChunks(layout.columns.map((c) => c.header), mapRows(lines, row));
}
