/**
 * Coinbase "Transaction history" v2 (≈2020–2021): `Spot Price Currency`, `Total (inclusive of
 * fees)`, `Fees`; unsigned quantities; ISO timestamps with `Z` (docs/formats.md §2.1).
 * Mapping decisions: `transactions-map.ts`.
 */
import { decimal, instant, optional, text } from '../../columns.js';
import { money } from './cells.js';
import { defineCoinbaseTransactions } from './transactions-spec.js';

export const coinbaseTransactionsV2 = defineCoinbaseTransactions({
  id: 'coinbase-transactions-v2',
  label: 'Coinbase transaction history, v2 (2020–2021; "Spot Price Currency", "Fees")',
  columns: {
    timestamp: instant('Timestamp'),
    type: text('Transaction Type'),
    asset: text('Asset'),
    quantity: decimal('Quantity Transacted'),
    currency: text('Spot Price Currency'),
    price: optional(money('Spot Price at Transaction')),
    subtotal: optional(money('Subtotal')),
    total: optional(money('Total (inclusive of fees)')),
    fees: optional(money('Fees')),
    notes: text('Notes'),
  },
  toRow: (r) => ({ ...r, instant: r.timestamp }),
});
