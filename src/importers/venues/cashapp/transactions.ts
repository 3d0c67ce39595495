/**
 * Cash App — account activity export (docs/formats.md "Cash App"; BittyTax `cashapp.py`). Header (two
 * column orders seen, the same names): `Transaction ID, Date, Transaction Type, Currency, Amount,
 * Fee, Net Amount, Asset Type, Asset Price, Asset Amount, Status, Notes, Name of sender/receiver,
 * Account`. Dates carry a US zone abbreviation (`2023-01-15 10:30:00 EST`); money is US style.
 *
 * Bitcoin rows: `Bitcoin Buy` / `Bitcoin Recurring Buy` spend |Amount| (USD) plus the fee for
 * `Asset Amount` BTC; `Bitcoin Sale` gives `Asset Amount` for |Amount|; `Bitcoin Withdrawal` /
 * `Bitcoin Deposit` move `Asset Amount` out / in; `Bitcoin Boost` is a reward in BTC worth
 * |Amount|. Rows with no asset (P2P payments, card spending, cash in/out) move only dollars:
 * skipped naming their type. `FAILED` / `CANCELED` rows moved nothing.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { optional, decimal, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { usMoney, usZoneInstant } from './cells.js';

export const cashAppTransactions = defineImporter({
  id: 'cashapp-transactions',
  label: 'Cash App: activity (Transaction ID, Date, Transaction Type, Currency, Amount, Fee, …, Asset Amount)',
  howToExport: 'cash.app (web) › Activity › Statements › Export CSV',
  wallet: 'cashapp',
  columns: {
    id: text('Transaction ID'),
    date: usZoneInstant('Date'),
    type: text('Transaction Type'),
    currency: text('Currency'),
    amount: usMoney('Amount'),
    fee: usMoney('Fee'),
    net: usMoney('Net Amount'),
    assetType: text('Asset Type'),
    assetAmount: optional(decimal('Asset Amount')),
    status: text('Status'),
    notes: text('Notes'),
  },
  signature: { also: ['Asset Price', 'Name of sender/receiver'] },
  mapRow(row): RowOutcome {
    const status = row.status.toUpperCase();
    if (status === 'FAILED' || status.startsWith('CANCEL')) return skip(`Cash App ${row.type} with status ${row.status}: nothing moved`);
    const type = row.type.trim().toLowerCase();
    if (row.assetType === '' && row.assetAmount === undefined) return skip(`Cash App ${row.type}: a dollar movement, no crypto`);
    const asset = normalizeAsset(row.assetType || 'BTC');
    const coins = row.assetAmount?.abs();
    if (!coins || coins.isZero()) return reject('ROW_MISSING_VALUE', `Cash App ${row.type} without Asset Amount`);
    const usd = normalizeAsset(row.currency || 'USD');
    const dollars = row.amount?.abs();
    const fee: Quantity | undefined = row.fee && !row.fee.isZero() ? { asset: usd, amount: row.fee.abs() } : undefined;
    const base = { instant: row.date, note: [row.type, row.notes].filter((x) => x !== '').join(': '), ...(fee ? { fee } : {}) };
    const crypto: Quantity = { asset, amount: coins };
    if (type === 'bitcoin buy' || type === 'bitcoin recurring buy' || type === 'bitcoin purchase') {
      return dollars ? events({ kind: 'trade', sent: { asset: usd, amount: dollars }, received: crypto, ...base }) : reject('ROW_MISSING_VALUE', 'Bitcoin Buy without Amount');
    }
    if (type === 'bitcoin sale' || type === 'bitcoin sell') {
      return dollars ? events({ kind: 'trade', sent: crypto, received: { asset: usd, amount: dollars }, ...base }) : reject('ROW_MISSING_VALUE', 'Bitcoin Sale without Amount');
    }
    if (type.startsWith('bitcoin withdrawal') || type === 'bitcoin lightning withdrawal' || type === 'bitcoin send') return events({ kind: 'withdrawal', sent: crypto, ...base });
    if (type.startsWith('bitcoin deposit') || type === 'bitcoin lightning deposit' || type === 'bitcoin received') return events({ kind: 'deposit', received: crypto, ...base });
    if (type === 'bitcoin boost') {
      const value = dollars && !dollars.isZero() ? { value: { amount: dollars, currency: usd } } : {};
      return events({ kind: 'income', incomeKind: 'reward', received: { ...crypto, ...value }, ...base });
    }
    return reject('ROW_UNKNOWN_TYPE', `unknown Cash App Transaction Type "${row.type}" with Asset Type ${row.assetType}`);
  },
});
