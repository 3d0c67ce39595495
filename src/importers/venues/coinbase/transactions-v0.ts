/**
 * Coinbase tax "Transactions Report" before v1 (≈2015–2019): `USD Spot Price at Transaction`,
 * `USD Amount Transacted (Inclusive of Coinbase Fees)`, `Address`; US month-first dates
 * (`10/06/2015`) and multi-line Notes (docs/formats.md §2.1 "even older tax report", yabc format).
 *
 * Decision (docs silent): the report states only the amount *including* fees, so a Buy sends that
 * amount (the fee is inside the cost) and a Sell receives it (net proceeds); no separate fee is
 * invented. The `Address` of a Send/Receive is appended to the note. Mapping: `transactions-map.ts`.
 */
import { decimal, instant, text } from '../../columns.js';
import { prefixedMoney } from './cells.js';
import { defineCoinbaseTransactions } from './transactions-spec.js';

export const coinbaseTransactionsV0 = defineCoinbaseTransactions({
  id: 'coinbase-transactions-v0',
  label: 'Coinbase transactions report, pre-2020 ("USD Amount Transacted (Inclusive of Coinbase Fees)")',
  columns: {
    timestamp: instant('Timestamp', { order: 'mdy' }),
    type: text('Transaction Type'),
    asset: text('Asset'),
    quantity: decimal('Quantity Transacted'),
    price: prefixedMoney('Spot Price at Transaction'),
    amount: prefixedMoney('Amount Transacted (Inclusive of Coinbase Fees)'),
    address: text('Address'),
    notes: text('Notes'),
  },
  toRow: (r) => ({
    instant: r.timestamp,
    type: r.type,
    asset: r.asset,
    quantity: r.quantity,
    currency: r.amount.currency,
    price: r.price.amount,
    subtotal: r.amount.amount,
    total: r.amount.amount,
    notes: [r.notes.replace(/\s+/g, ' ').trim(), r.address ? `address ${r.address}` : ''].filter(Boolean).join('; '),
  }),
});
