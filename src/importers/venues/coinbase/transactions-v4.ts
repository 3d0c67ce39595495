/**
 * Coinbase "Transaction history" v4 (2024+): `Price Currency` / `Price at Transaction`, money cells
 * with currency symbols and signs (`-€597.49846`), signed quantities, timestamps like
 * `2025-01-17 16:57:02 UTC`. Covers v4a (no `ID`), v4b (leading `ID`, newest first) and the newer
 * variant with trailing `Sender Address,Recipient Address` (docs/formats.md §2.1).
 * Preamble lines (`Transactions`, `User,<name>,<uuid>`) sit above the header; detection scans past them.
 *
 * Rows sharing an `ID` are one transaction: a `Convert` split into a +/− pair, or the same row
 * valued in two currencies. Mapping decisions: `transactions-map.ts`.
 */
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { money } from './cells.js';
import { defineCoinbaseTransactions } from './transactions-spec.js';

export const coinbaseTransactionsV4 = defineCoinbaseTransactions({
  id: 'coinbase-transactions-v4',
  label: 'Coinbase transaction history, v4 (2024+; with or without ID column)',
  columns: {
    id: ifPresent(text('ID')),
    timestamp: instant('Timestamp'),
    type: text('Transaction Type'),
    asset: text('Asset'),
    quantity: decimal('Quantity Transacted'),
    currency: text('Price Currency'),
    price: optional(money('Price at Transaction')),
    subtotal: optional(money('Subtotal')),
    total: optional(money('Total (inclusive of fees and/or spread)')),
    fees: optional(money('Fees and/or Spread')),
    notes: text('Notes'),
  },
  toRow: (r) => ({ ...r, instant: r.timestamp }),
});
