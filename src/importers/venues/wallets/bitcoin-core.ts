/**
 * Bitcoin Core (Qt) — transaction list export (docs/formats.md "Bitcoin Core"): `Confirmed, Date,
 * Type, Label, Address, Amount (BTC), ID`. `Amount` is signed: what arrived (positive) or the
 * total that left (negative, fee included: the list shows no separate fee). Types: `Received
 * with`, `Received from`, `Mined`, `Sent to`, `Payment to yourself` (only the fee leaves; it is
 * the amount shown), `Other`. Unconfirmed rows are skipped. Dates are local time without an
 * offset: read as UTC unless `--input-timezone`. The wallet is the file name stem.
 */
import { decimal, instant, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';

export const bitcoinCoreTransactions = defineImporter({
  id: 'bitcoin-core-transactions',
  label: 'Bitcoin Core: transactions (Confirmed, Date, Type, Label, Address, Amount (BTC), ID)',
  howToExport: 'Bitcoin Core › File › Export… (on the Transactions tab)',
  wallet: 'file-stem',
  columns: {
    confirmed: text('Confirmed'),
    date: instant('Date'),
    type: text('Type'),
    label: text('Label'),
    amount: decimal(/^Amount \((\w+)\)$/),
    id: text('ID'),
  },
  signature: { also: ['Address'] },
  mapRow(row): RowOutcome {
    if (row.confirmed.toLowerCase() !== 'true') return skip('unconfirmed transaction');
    const amount = row.amount.abs();
    const base = { instant: row.date, ...(row.id ? { txHash: row.id.replace(/-\d+$/, '') } : {}), ...(row.label ? { note: row.label } : {}) };
    const t = row.type.toLowerCase();
    if (amount.isZero()) return skip('transaction of 0');
    if (t === 'mined') return events({ kind: 'income', incomeKind: 'mining', received: { asset: 'BTC', amount }, ...base });
    if (t === 'payment to yourself') return events({ kind: 'fee', fee: { asset: 'BTC', amount }, ...base });
    if (row.amount.gt(0) && (t.startsWith('received') || t === 'other')) return events({ kind: 'deposit', received: { asset: 'BTC', amount }, ...base });
    if (row.amount.isNegative() && (t.startsWith('sent') || t === 'other')) return events({ kind: 'withdrawal', sent: { asset: 'BTC', amount }, ...base });
    return reject('ROW_UNKNOWN_TYPE', `Bitcoin Core Type "${row.type}" with amount ${row.amount.toFixed()} is not understood`);
  },
});
