/**
 * Coinomi — wallet history export (docs/formats.md §3.2; BittyTax `coinomi.py`): `Asset, AccountName,
 * Address, AddressName, Value, Symbol, Fees, InternalTransfer, TransactionID, Time(UTC),
 * Time(ISO8601-UTC), BlockExplorer`. `Value` is the signed change of the account, the fee
 * included on a send: a withdrawal is |Value| − Fees plus the fee. Internal transfers between the
 * wallet's own accounts change nothing but the fee. The wallet is the file name stem.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';

export const coinomiHistory = defineImporter({
  id: 'coinomi-history',
  label: 'Coinomi: wallet history (Asset, AccountName, Address, AddressName, Value, Symbol, Fees, …, Time(ISO8601-UTC))',
  howToExport: 'Coinomi › account › ⋮ › Export transactions (CSV)',
  wallet: 'file-stem',
  columns: {
    value: decimal('Value'),
    symbol: text('Symbol'),
    fees: optional(decimal('Fees')),
    internal: text('InternalTransfer'),
    txid: text('TransactionID'),
    time: instant('Time(ISO8601-UTC)'),
    addressName: text('AddressName'),
  },
  signature: { also: ['Asset', 'AccountName', 'Address'] },
  mapRow(row): RowOutcome {
    const asset = normalizeAsset(row.symbol);
    const fee = row.fees && !row.fees.isZero() ? { asset, amount: row.fees.abs() } : undefined;
    const base = { instant: row.time, ...(row.txid ? { txHash: row.txid } : {}), ...(row.addressName ? { note: row.addressName } : {}) };
    if (row.value.isZero()) return skip('transaction of 0');
    if (row.value.gt(0)) return events({ kind: 'deposit', received: { asset, amount: row.value }, ...base });
    const net = row.value.abs().minus(fee?.amount ?? 0);
    if (net.isNegative()) return reject('ROW_INCONSISTENT', 'Fees exceed the amount that left');
    if (row.internal.toLowerCase() === 'true' || net.isZero()) return fee ? events({ kind: 'fee', fee, ...base }) : skip('internal transfer with no fee');
    return events({ kind: 'withdrawal', sent: { asset, amount: net }, ...(fee ? { fee } : {}), ...base });
  },
});
