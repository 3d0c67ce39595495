/**
 * Rows wrapped whole in quotes. A spreadsheet that re-saves a CSV whose rows it read as one text
 * cell writes each line back as one quoted cell, doubling the quotes inside:
 * `"38065325,2022-02-26 05:48:48,Card,Card Cashback,BNB,0.00066906,"""""` (everytrade's
 * BinanceBeanV4Test, header `"User_ID,""UTC_Time"",""Account"",…,""Remark"""`). Read as CSV such a
 * line is a single cell holding the real row; parsing that cell again gives the row's cells.
 */
import Papa from 'papaparse';

export type Unwrapped = { readonly cells: string[] } | { readonly broken: true };

/**
 * The cells inside a row that is one quoted cell holding `delimiter`-separated text; `broken` when
 * its inside is not one clean CSV record (stray quotes); undefined when the row is not such a row.
 * @example unwrapWholeRow(['1,2022-02-26 05:48:48,Card,Card Cashback,BNB,0.1,""'], ',') // { cells: ['1', …, '0.1', ''] }
 */
export function unwrapWholeRow(cells: readonly string[], delimiter: string): Unwrapped | undefined {
  const [only] = cells;
  if (cells.length !== 1 || only === undefined || !only.includes(delimiter)) return undefined;
  const parsed = Papa.parse<string[]>(only, { delimiter, header: false, dynamicTyping: false });
  const [inner, ...rest] = parsed.data;
  if (!inner || inner.length < 2) return undefined;
  if (parsed.errors.length > 0 || rest.some((r) => r.length > 1 || (r[0] ?? '') !== '')) return { broken: true };
  return { cells: inner };
}

/**
 * A data row's cells as the importer reads them: unwrapped when the row is wrapped whole in
 * quotes (`quoted`), padded with an empty last cell when the export left out the trailing empty
 * cell of `omittableLast` (a normalised header name), else as they are.
 */
export function prepareCells(
  cells: readonly string[],
  header: readonly string[],
  delimiter: string,
  omittableLast: string | false | undefined,
): { readonly cells: readonly string[]; readonly quoted: boolean } | { readonly broken: true } {
  let out = cells;
  let quoted = false;
  if (cells.length === 1 && header.length > 1) {
    const inner = unwrapWholeRow(cells, delimiter);
    if (inner && 'broken' in inner) return inner;
    if (inner) [out, quoted] = [inner.cells, true];
  }
  if (omittableLast && out.length === header.length - 1 && header[header.length - 1] === omittableLast) out = [...out, ''];
  return { cells: out, quoted };
}
