/**
 * TXF v042 (Tax Exchange Format, Intuit spec change date 11/30/2011; docs/tax-rules.md §2.3), the capital
 * gains import of TurboTax and H&R Block desktop.
 *
 * Layout: a header (`V042`, `A<program>`, `D<export date>`, `^`), then one record per Form 8949
 * line in record format 4 — `TD`, `N<refnum>`, `C<copy>`, `L<line>`, `P<description>`,
 * `D<date acquired>`, `D<date sold>`, `$<cost basis>`, `$<proceeds>` (cost before proceeds), `^`.
 *
 * - The export date is the pinned report date (report-date.ts), never the clock.
 * - Refnums come from the template: box C → 712 (short-term, Form 8949 Copy C) and F → 714
 *   (long-term, Copy F). TXF has no refnums for the 2025 digital-asset boxes G–L, so I uses 712
 *   and L uses 714 too, and the PDF tells the user to re-categorise the imported lines.
 * - An unknown acquisition date leaves `D` empty; a basis that is not known (no lot, or a lot of
 *   unknown basis) leaves `$` empty, as the spec allows, for the user to fill in — never a silent 0.
 * - TXF has no field for a Form 8949 code or adjustment (Form 1099-DA lines): the basis written
 *   is (e) − (g), so that proceeds − basis is the line's gain; the codes are on the PDF.
 * - ASCII only: any other character in a description becomes `?`.
 */
import { toUsDate } from '../../model/local-date.js';
import type { Form8949Line } from '../form8949-lines.js';
import { joinChunks } from '../output-stream.js';
import type { ExportLayouts } from './export-layouts.js';
import { adjustedBasis } from './line-fields.js';

export const TXF_FILE = 'capital-gains.txf';

const ascii = (text: string): string => text.replace(/[^\x20-\x7e]/g, '?');

/**
 * @example
 * renderTxf(lines, layout.txf, new Date(Date.UTC(2026, 0, 1)))
 * // → 'V042\r\nAtaxlot\r\nD01/01/2026\r\n^\r\nTD\r\nN714\r\nC1\r\nL1\r\nP0.05 BTC\r\nD03/01/2023\r\nD03/10/2025\r\n$1505.00\r\n$3990.00\r\n^\r\n'
 * @throws Error when the template has no refnum for a line's box (a template bug).
 */
export function renderTxf(lines: readonly Form8949Line[], layout: ExportLayouts['txf'], exportDate: Date): string {
  return joinChunks(txfChunks(lines, layout, exportDate));
}

/** The same file as chunks of about 64 KiB (render-outputs.ts). */
export function* txfChunks(lines: readonly Form8949Line[], layout: ExportLayouts['txf'], exportDate: Date): Generator<string> {
  const end = layout.lineEnd;
  const record = (fields: readonly string[]): string => fields.map((f) => f + end).join('');
  let chunk = record([layout.version, `A${layout.program}`, `D${toUsDate(exportDate.toISOString().slice(0, 10))}`, '^']);
  const head = `TD${end}`;
  const tail = `C${layout.copy}${end}L${layout.line}${end}`;
  for (const l of lines) {
    const refnum = layout.refnums[l.box];
    if (!refnum) throw new Error(`TXF template: no refnum for Form 8949 box ${l.box}`);
    chunk +=
      `${head}N${refnum}${end}${tail}P${ascii(l.description)}${end}D${l.shown.acquired}${end}D${l.shown.sold}${end}` +
      `$${l.slice.basisStatus === 'known' ? adjustedBasis(l) : ''}${end}$${l.shown.proceeds}${end}^${end}`;
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** Lines whose TXF record leaves the acquisition date or the basis empty. */
export function countTxfIncomplete(lines: readonly Form8949Line[]): number {
  return lines.filter((l) => !l.acquired || l.slice.basisStatus !== 'known').length;
}
