/**
 * Trezor Suite — account transactions export (docs/formats.md "Trezor Suite"; BittyTax
 * `trezorsuite.py`). Header: `Timestamp, Date, Time, Type, Transaction ID, Fee, Fee unit,
 * Address, Label, Amount, Amount unit, Fiat (USD), Other` (the fiat column names the currency).
 *
 * One row per output of a transaction as the account sees it: `RECV` arrived (the sender paid
 * the fee), `SENT` left (its fee in addition), `SELF` moved between the account's own addresses
 * (only the fee leaves), `FAILED` burnt only the fee. The wallet is the file name stem (Trezor
 * Suite exports one account per file).
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { epochSeconds } from './epoch.js';

export const trezorSuite = defineImporter({
  id: 'trezor-suite',
  label: 'Trezor Suite: account transactions (Timestamp, Type, Transaction ID, Fee, Amount, Amount unit, …)',
  howToExport: 'Trezor Suite › account › ⋯ › Export transactions › CSV',
  wallet: 'file-stem',
  columns: {
    timestamp: epochSeconds('Timestamp'),
    type: text('Type'),
    txid: text('Transaction ID'),
    fee: optional(decimal('Fee')),
    feeUnit: text('Fee unit'),
    label: ifPresent(text('Label')),
    amount: optional(decimal('Amount')),
    unit: text('Amount unit'),
    fiat: ifPresent(decimal(/^Fiat \((\w{3})\)$/)),
  },
  signature: { also: ['Date', 'Time', 'Address'] },
  mapRow(row): RowOutcome {
    const type = row.type.toUpperCase();
    const asset = normalizeAsset(row.unit);
    const fee: Quantity | undefined = row.fee && !row.fee.isZero() ? { asset: normalizeAsset(row.feeUnit || row.unit), amount: row.fee.abs() } : undefined;
    const amount = row.amount?.abs();
    const base = { instant: row.timestamp, ...(row.txid ? { txHash: row.txid } : {}), ...(row.label ? { note: row.label } : {}) };
    if (type === 'RECV') return amount && !amount.isZero() ? events({ kind: 'deposit', received: { asset, amount }, ...base }) : skip('RECV of 0');
    if (type === 'SENT') {
      if (amount && !amount.isZero()) return events({ kind: 'withdrawal', sent: { asset, amount }, ...(fee ? { fee } : {}), ...base });
      return fee ? events({ kind: 'fee', fee, ...base }) : skip('SENT of 0 with no fee');
    }
    if (type === 'SELF' || type === 'FAILED') return fee ? events({ kind: 'fee', fee, ...base }) : skip(`${type} with no fee: nothing left the account`);
    return reject('ROW_UNKNOWN_TYPE', `unknown Trezor Suite Type "${row.type}"`);
  },
});
