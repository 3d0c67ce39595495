/**
 * Coinbase "Transaction history" v1 (≤2020): the money headers name their currency
 * (`EUR Spot Price at Transaction`, `EUR Subtotal`, `EUR Total (inclusive of fees)`, `EUR Fees`);
 * there is no currency column (docs/formats.md §2.1; BittyTax reads the currency from the header too).
 * Mapping decisions: `transactions-map.ts`.
 */
import { decimal, instant, text } from '../../columns.js';
import { prefixedMoney } from './cells.js';
import { defineCoinbaseTransactions } from './transactions-spec.js';

export const coinbaseTransactionsV1 = defineCoinbaseTransactions({
  id: 'coinbase-transactions-v1',
  label: 'Coinbase transaction history, v1 (≤2020; currency in the headers, e.g. "EUR Subtotal")',
  columns: {
    timestamp: instant('Timestamp'),
    type: text('Transaction Type'),
    asset: text('Asset'),
    quantity: decimal('Quantity Transacted'),
    price: prefixedMoney('Spot Price at Transaction'),
    subtotal: prefixedMoney('Subtotal'),
    total: prefixedMoney('Total (inclusive of fees)'),
    fees: prefixedMoney('Fees'),
    notes: text('Notes'),
  },
  toRow: (r) => ({
    instant: r.timestamp,
    type: r.type,
    asset: r.asset,
    quantity: r.quantity,
    currency: r.subtotal.currency,
    price: r.price.amount,
    subtotal: r.subtotal.amount,
    total: r.total.amount,
    fees: r.fees.amount,
    notes: r.notes,
  }),
});
