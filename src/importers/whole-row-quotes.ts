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
