/**
 * One factory for the four Coinbase "Transaction history" versions: each version declares its own
 * columns (its header signature) and how a typed row becomes a `CoinbaseTxRow`; grouping and
 * mapping are shared (`transactions-map.ts`).
 */
import { defineImporter, type Columns, type Importer, type RowOf } from '../../importer-spec.js';
import { coinbaseGroupKey, mapCoinbaseGroup } from './transactions-map.js';
import type { CoinbaseTxRow } from './tx-row.js';

export const COINBASE_HOW_TO_EXPORT =
  'coinbase.com › Profile › Statements (Reports) › "Transaction history" › Generate report › CSV';

export function defineCoinbaseTransactions<C extends Columns>(spec: {
  readonly id: string;
  readonly label: string;
  readonly columns: C;
  readonly signature?: { readonly also?: readonly string[]; readonly absent?: readonly string[] };
  readonly toRow: (row: RowOf<C>) => CoinbaseTxRow;
}): Importer {
  return defineImporter<C>({
    id: spec.id,
    label: spec.label,
    howToExport: COINBASE_HOW_TO_EXPORT,
    wallet: 'coinbase',
    zone: 'UTC',
    columns: spec.columns,
    ...(spec.signature ? { signature: spec.signature } : {}),
    groupKey: (row) => coinbaseGroupKey(spec.toRow(row)),
    mapGroup: (rows) => mapCoinbaseGroup(rows.map(spec.toRow)),
  });
}
