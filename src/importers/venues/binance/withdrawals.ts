/**
 * Binance crypto withdrawal history: `Date(UTC+0),Coin,Network,Amount,Fee,Address,TXID,Status`
 * (docs/formats.md §2.3) and the newer naming `Time,Coin,Network,Amount,Fee,Address,TXID,Status`.
 *
 * Each completed row is a `withdrawal` of the user's own funds. `Amount` is what was sent to the
 * address and `Fee` the network fee Binance charged on top (the two are separate columns here,
 * whereas the transaction-history `Withdraw` row shows their sum, "Withdraw fee is included"), so
 * sent = Amount and fee = Fee in the same coin. Zone handling as in `deposits.ts`.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { zoneInText } from '../../parse-instant.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { unsettled } from './transfer-status.js';

export const binanceWithdrawals = defineImporter({
  id: 'binance-withdrawals',
  label: 'Binance crypto withdrawal history (Coin, Network, Amount, Fee, Address, TXID, Status)',
  howToExport: 'Binance › Wallet › Transaction History › Withdraw › Export (CSV)',
  wallet: 'binance',
  // the `Time` naming states its zone only in the file name Binance gives it: `…(UTC+1).csv`
  zoneFrom: (file) => zoneInText(file.name),
  columns: {
    time: instant([/^Date\(UTC([+-]\d{1,2}(:?\d{2})?)?\)$/i, 'Time']),
    coin: text('Coin'),
    network: text('Network'),
    amount: decimal('Amount'),
    fee: optional(decimal('Fee')),
    address: text('Address'),
    txid: text('TXID'),
    status: text('Status'),
  },
  signature: { absent: ['TransactionFee'] },
  mapRow(row): RowOutcome {
    const other = unsettled(row.status, 'withdrawal');
    if (other) return other;
    if (row.coin === '') return reject('ROW_MISSING_VALUE', 'Coin is empty');
    if (!row.amount.isPositive()) return reject('ROW_INCONSISTENT', `withdrawal Amount ${row.amount.toFixed()} is not positive`);
    if (row.fee?.isNegative()) return reject('ROW_INCONSISTENT', `withdrawal Fee ${row.fee.toFixed()} is negative`);
    const asset = normalizeAsset(row.coin);
    return events({
      kind: 'withdrawal',
      instant: row.time,
      sent: { asset, amount: row.amount },
      ...(row.fee && !row.fee.isZero() ? { fee: { asset, amount: row.fee } } : {}),
      ...(row.txid ? { txHash: row.txid } : {}),
    });
  },
});
