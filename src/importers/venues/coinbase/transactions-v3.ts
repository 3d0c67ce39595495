/**
 * Coinbase "Transaction history" v3 (≈2021–2023): `Spot Price Currency`, `Total (inclusive of fees
 * and/or spread)`, `Fees and/or Spread`; unsigned quantities and plain numbers; ISO timestamps
 * (`2017-12-19T05:40:53Z`, later `2023-04-27 03:28:05 UTC`). Preceded by a disclaimer preamble
 * (docs/formats.md §2.1). Mapping decisions: `transactions-map.ts`.
 */
import { decimal, instant, optional, text } from '../../columns.js';
import { money } from './cells.js';
import { defineCoinbaseTransactions } from './transactions-spec.js';

export const coinbaseTransactionsV3 = defineCoinbaseTransactions({
  id: 'coinbase-transactions-v3',
  label: 'Coinbase transaction history, v3 (2021–2023; "Fees and/or Spread")',
  columns: {
    timestamp: instant('Timestamp'),
    type: text('Transaction Type'),
    asset: text('Asset'),
    quantity: decimal('Quantity Transacted'),
    currency: text('Spot Price Currency'),
    price: optional(money('Spot Price at Transaction')),
    subtotal: optional(money('Subtotal')),
    total: optional(money('Total (inclusive of fees and/or spread)')),
    fees: optional(money('Fees and/or Spread')),
    notes: text('Notes'),
  },
  toRow: (r) => ({ ...r, instant: r.timestamp }),
});
