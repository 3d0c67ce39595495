/**
 * Bittrex deposit and withdrawal histories (docs/formats.md "Bittrex"; rotki `bittrex.py`, BittyTax
 * `bittrex.py`):
 * - 2023 (`bittrex-transfers`): `Date, Currency, Type, Address, Memo/Tag, TxId, Amount`, Type
 *   `DEPOSIT` / `WITHDRAWAL`, amounts signed;
 * - deposits (`bittrex-deposits`): `Id, Amount, Currency, Confirmations, LastUpdated, TxId,
 *   CryptoAddress`, or upper case `UUID, AMOUNT, CURRENCY, CRYPTOADDRESS, TXID, LASTUPDATED,
 *   CONFIRMATIONS, SOURCE, STATE`;
 * - withdrawals (`bittrex-withdrawals`): `PaymentUuid, Currency, Amount, Address, Opened,
 *   Authorized, PendingPayment, TxCost, TxId, Canceled, InvalidAddress`, or upper case `UUID,
 *   AMOUNT, CURRENCY, ADDRESS, TXID, OPENED, LASTUPDATED, CLOSED, TXCOST, STATE`. `Amount` left
 *   with `TxCost` in addition (BittyTax); cancelled ones moved nothing.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';

const HOW = 'Bittrex › Holdings › Deposit / Withdrawal history › Download (CSV)';
const hash = (t: string) => (t && t.length > 4 ? { txHash: t } : {});

export const bittrexTransfers = defineImporter({
  id: 'bittrex-transfers',
  label: 'Bittrex: deposits and withdrawals, 2023 export (Date, Currency, Type, Address, Memo/Tag, TxId, Amount)',
  howToExport: HOW,
  wallet: 'bittrex',
  columns: {
    date: instant('Date'),
    currency: text('Currency'),
    type: text('Type'),
    txid: text('TxId'),
    amount: decimal('Amount'),
  },
  signature: { also: ['Address', 'Memo/Tag'] },
  mapRow(row): RowOutcome {
    const q = { asset: normalizeAsset(row.currency), amount: row.amount.abs() };
    const base = { instant: row.date, ...hash(row.txid) };
    const t = row.type.toUpperCase();
    if (q.amount.isZero()) return skip('transfer of 0');
    if (t === 'DEPOSIT') return events({ kind: 'deposit', received: q, ...base });
    if (t === 'WITHDRAWAL') return events({ kind: 'withdrawal', sent: q, ...base });
    return reject('ROW_UNKNOWN_TYPE', `unknown Bittrex Type "${row.type}"`);
  },
});

export const bittrexDeposits = defineImporter({
  id: 'bittrex-deposits',
  label: 'Bittrex: deposit history (Id|UUID, Amount, Currency, Confirmations, LastUpdated, TxId, CryptoAddress)',
  howToExport: HOW,
  wallet: 'bittrex',
  columns: {
    amount: decimal('Amount'),
    currency: text('Currency'),
    date: instant('LastUpdated'),
    txid: text('TxId'),
    state: ifPresent(text('STATE')),
  },
  signature: { also: ['Confirmations', 'CryptoAddress'] },
  mapRow(row): RowOutcome {
    if (row.state && !['CONFIRMED', 'COMPLETED'].includes(row.state.toUpperCase())) return skip(`deposit ${row.state}: not confirmed`);
    return events({ kind: 'deposit', received: { asset: normalizeAsset(row.currency), amount: row.amount.abs() }, instant: row.date, ...hash(row.txid) });
  },
});

export const bittrexWithdrawals = defineImporter({
  id: 'bittrex-withdrawals',
  label: 'Bittrex: withdrawal history (PaymentUuid|UUID, Currency, Amount, Address, Opened, …, TxCost, TxId, …)',
  howToExport: HOW,
  wallet: 'bittrex',
  columns: {
    amount: decimal('Amount'),
    currency: text('Currency'),
    opened: instant('Opened'),
    closed: ifPresent(instant('Closed')),
    cost: optional(decimal('TxCost')),
    txid: text('TxId'),
    canceled: ifPresent(text('Canceled')),
    state: ifPresent(text('STATE')),
  },
  signature: { also: ['Address'] },
  mapRow(row): RowOutcome {
    if (row.canceled?.toLowerCase() === 'true') return skip('cancelled withdrawal');
    if (row.state && row.state.toUpperCase().startsWith('CANCEL')) return skip(`withdrawal ${row.state}`);
    const asset = normalizeAsset(row.currency);
    const fee = row.cost && !row.cost.isZero() ? { fee: { asset, amount: row.cost.abs() } } : {};
    return events({ kind: 'withdrawal', sent: { asset, amount: row.amount.abs() }, instant: row.closed ?? row.opened, ...fee, ...hash(row.txid) });
  },
});
