/**
 * `gifts-donations-losses.csv`: the tax year's gifts given, donations and lost or stolen coins,
 * one row per lot the units came from (src/report/removals.ts). Written only when the year has any.
 * No tax figure of the report depends on it: a gift is not a sale, and a donation or a loss is a
 * deduction the preparer decides on (src/report/README.md "Gifts, donations and lost coins").
 */
import { formatSourceRef } from '../../model/source-ref.js';
import type { RemovalRow } from '../removals.js';
import { formatMoney } from '../../model/rounding.js';
import { num, renderCsv } from './write-csv.js';

export const REMOVALS_FILE = 'gifts-donations-losses.csv';

export const REMOVALS_HEADER = [
  'date', 'kind', 'wallet', 'asset', 'quantity', 'date_acquired', 'holding_period', 'cost_basis', 'basis_status',
  'market_value', 'value_source', 'lot_id', 'lot_source', 'source',
] as const;

export function renderRemovalsCsv(rows: readonly RemovalRow[]): string {
  return renderCsv(REMOVALS_HEADER, rows.map((r) => [
    r.date,
    r.kind,
    r.wallet,
    r.asset,
    num(r.quantity.toFixed()),
    r.acquired ?? '',
    r.term,
    num(formatMoney(r.basis)),
    r.basisStatus,
    r.value ? num(formatMoney(r.value)) : '',
    r.valueSource,
    r.lotId ?? '',
    r.lotSource ? formatSourceRef(r.lotSource) : '',
    formatSourceRef(r.source),
  ]));
}
