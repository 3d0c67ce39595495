/**
 * Electrum — wallet history export (docs/formats.md "Electrum"; BittyTax `electrum.py`). Headers:
 * `transaction_hash, label, confirmations, value, fiat_value, fee, fiat_fee, timestamp` (4.x) and
 * `transaction_hash, label, confirmations, value, timestamp` (3.x). Electrum is a Bitcoin wallet:
 * the asset is BTC. `value` is the net change of the wallet: positive arrived, negative left —
 * the fee included, so a withdrawal is |value| − fee plus the fee. `timestamp`
 * (`2021-03-01 10:00`) is the computer's local time: read as UTC unless `--input-timezone`.
 * The wallet is the file name stem.
 */
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';

export const electrumHistory = defineImporter({
  id: 'electrum-history',
  label: 'Electrum: wallet history (transaction_hash, label, confirmations, value, timestamp)',
  howToExport: 'Electrum › Wallet › History › Export (CSV)',
  wallet: 'file-stem',
  columns: {
    hash: text('transaction_hash'),
    label: text('label'),
    confirmations: text('confirmations'),
    value: decimal('value'),
    fee: ifPresent(decimal('fee')),
    timestamp: optional(instant('timestamp')),
  },
  mapRow(row): RowOutcome {
    if (row.timestamp === undefined) return skip('unconfirmed transaction (no timestamp)');
    const base = { instant: row.timestamp, txHash: row.hash, ...(row.label ? { note: row.label } : {}) };
    if (row.value.isZero()) return skip('transaction with value 0');
    if (row.value.gt(0)) return events({ kind: 'deposit', received: { asset: 'BTC', amount: row.value }, ...base });
    const fee: Quantity | undefined = row.fee && !row.fee.isZero() ? { asset: 'BTC', amount: row.fee.abs() } : undefined;
    const net = row.value.abs().minus(fee?.amount ?? 0);
    if (net.isNegative()) return reject('ROW_INCONSISTENT', 'fee exceeds the amount that left the wallet');
    if (net.isZero()) return fee ? events({ kind: 'fee', fee, ...base }) : skip('nothing left the wallet');
    return events({ kind: 'withdrawal', sent: { asset: 'BTC', amount: net }, ...(fee ? { fee } : {}), ...base });
  },
});
