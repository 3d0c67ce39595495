/**
 * The price table (`--prices FILE`): header `date,asset,currency,price` (extra columns allowed);
 * `date` is `YYYY-MM-DD` (a daily price, valid for that calendar day in the report zone) or an
 * ISO 8601 instant. Bad rows are diagnostics, never silently dropped.
 */
import { diagnostic, fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { normalizeHeader } from '../importers/detect.js';
import { parseInstant } from '../importers/parse-instant.js';
import { parseNumber } from '../importers/parse-number.js';
import { readCsv } from '../importers/read-csv.js';
import { normalizeText } from '../importers/text-source.js';
import { normalizeAsset } from '../model/asset.js';
import type { PricePoint } from './price-book.js';

export const PRICE_TABLE_HEADER = ['date', 'asset', 'currency', 'price'] as const;

export function readPriceTable(file: string, text: string, timezone: string): { points: PricePoint[]; diagnostics: Diagnostic[] } {
  const csv = readCsv(normalizeText(text), ',');
  const diagnostics: Diagnostic[] = [];
  const points: PricePoint[] = [];
  const header = (csv.rows[0]?.cells ?? []).map(normalizeHeader);
  const index = PRICE_TABLE_HEADER.map((h) => header.indexOf(h));
  if (index.some((i) => i < 0)) {
    diagnostics.push(fileDiagnostic('FORMAT_UNKNOWN', file, `a price table needs the columns ${PRICE_TABLE_HEADER.join(',')}`));
    return { points, diagnostics };
  }
  const [di, ai, ci, pi] = index as [number, number, number, number];
  for (const row of csv.rows.slice(1)) {
    const ref = { file, line: row.line, format: 'price-table' };
    const dateText = (row.cells[di] ?? '').trim();
    const daily = /^\d{4}-\d{2}-\d{2}$/.test(dateText);
    const instant = parseInstant(daily ? `${dateText} 00:00:00` : dateText, { zone: timezone });
    const price = parseNumber(row.cells[pi] ?? '');
    const asset = normalizeAsset(row.cells[ai] ?? '');
    const currency = normalizeAsset(row.cells[ci] ?? '');
    if (instant === undefined) diagnostics.push(diagnostic('ROW_BAD_DATE', `cannot read "${dateText}" as a date`, ref));
    else if (!price || price.value.isNegative()) diagnostics.push(diagnostic('ROW_BAD_NUMBER', `cannot read "${row.cells[pi] ?? ''}" as a price`, ref));
    else if (!asset || !currency) diagnostics.push(diagnostic('ROW_MISSING_VALUE', 'asset and currency are required', ref));
    else points.push({ asset, currency, instant, daily, price: price.value });
  }
  return { points, diagnostics };
}
