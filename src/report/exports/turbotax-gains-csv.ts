/**
 * TurboTax gains CSV (docs/tax-rules.md §2.1(b)): the pre-computed Form 8949 lines in the layout crypto
 * tax tools upload to TurboTax Online — `Currency Name,Purchase Date,Cost Basis,Date Sold,Proceeds`,
 * MM/DD/YYYY dates, plain two-decimal numbers.
 *
 * TurboTax takes at most 4,000 rows per upload (Koinly's documented limit; `maxRows` in the
 * template). Above it the lines are split, in order, into numbered files of at most `maxRows`
 * rows each (`turbotax-gains-1.csv`, `-2`, ...), each with the header — nothing is aggregated,
 * so every file still matches Form 8949 line for line. The format carries no Form 8949 box: the
 * user chooses the category in TurboTax (the PDF says which). Nor a code or adjustment: a line
 * with one (Form 1099-DA) has (e) − (g) as its `Cost Basis`, so TurboTax computes its gain.
 */
import { lineChunks } from '../csv/write-csv.js';
import { joinChunks, type OutputProducer } from '../output-stream.js';
import type { Form8949Line } from '../form8949-lines.js';
import type { ExportLayouts } from './export-layouts.js';
import { lineRower, mapRows } from './line-fields.js';

export const TURBOTAX_GAINS_FILE = 'turbotax-gains.csv';

export interface ExportFile {
  readonly name: string;
  readonly content: string;
}

/** File names for `lines` lines: one file, or numbered parts above the row limit. */
export function turbotaxGainsFileNames(lineCount: number, maxRows: number): string[] {
  if (lineCount <= maxRows) return [TURBOTAX_GAINS_FILE];
  const parts = Math.ceil(lineCount / maxRows);
  return Array.from({ length: parts }, (_, i) => TURBOTAX_GAINS_FILE.replace(/\.csv$/, `-${i + 1}.csv`));
}

/**
 * @example
 * renderTurboTaxGains(lines, layout.turbotaxGains) // one line: 0.05 BTC bought 2023-03-01, sold 2025-03-10
 * // → [{ name: 'turbotax-gains.csv', content: 'Currency Name,Purchase Date,Cost Basis,Date Sold,Proceeds\nBTC,03/01/2023,1505.00,03/10/2025,3990.00\n' }]
 */
export function renderTurboTaxGains(lines: readonly Form8949Line[], layout: ExportLayouts['turbotaxGains']): ExportFile[] {
  return turbotaxGainsParts(lines.length, () => lines, layout).map((p) => ({ name: p.name, content: joinChunks(p.produce() as Iterable<string>) }));
}

/**
 * The same files, each as a producer of chunks (render-outputs.ts): named from the number of
 * lines, the lines themselves asked for only when a file is written.
 */
export function turbotaxGainsParts(
  count: number,
  lines: () => readonly Form8949Line[],
  layout: ExportLayouts['turbotaxGains'],
): { readonly name: string; readonly produce: OutputProducer }[] {
  const header = layout.columns.map((c) => c.header);
  const row = lineRower(layout.columns);
  const max = layout.maxRows;
  return turbotaxGainsFileNames(count, max).map((name, i) => ({
    name,
    produce: () => lineChunks(header, mapRows(lines(), row, i * max, Math.min(count, (i + 1) * max))),
  }));
}
