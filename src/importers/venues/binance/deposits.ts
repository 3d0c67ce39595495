/**
 * Binance crypto deposit history: `Date(UTC+0),Coin,Network,Amount,Address,TXID,Status`
 * (docs/formats.md §2.3) and the newer naming `Time,Coin,Network,Amount,Address,TXID,Status`.
 *
 * Each completed row is a `deposit` of the user's own funds (the engine pairs it with the
 * matching withdrawal elsewhere by TXID). Dates may have two-digit years (`25-07-27 07:35:40`,
 * read as 2025). `Date(UTC+0)` states its zone; `Time` states it only in the file name (read by
 * `zoneFrom`; UTC when the name has no offset; `--input-timezone` overrides). The older D/W layouts with `TransactionFee` say their
 * direction only in the file name and are not read here (`signature.absent`).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, text } from '../../columns.js';
import { zoneInText } from '../../parse-instant.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { unsettled } from './transfer-status.js';

export const binanceDeposits = defineImporter({
  id: 'binance-deposits',
  label: 'Binance crypto deposit history (Coin, Network, Amount, Address, TXID, Status)',
  howToExport: 'Binance › Wallet › Transaction History › Deposit › Export (CSV)',
  wallet: 'binance',
  // the `Time` naming states its zone only in the file name Binance gives it: `…(UTC+1).csv`
  zoneFrom: (file) => zoneInText(file.name),
  columns: {
    time: instant([/^Date\(UTC([+-]\d{1,2}(:?\d{2})?)?\)$/i, 'Time']),
    coin: text('Coin'),
    network: text('Network'),
    amount: decimal('Amount'),
    address: text('Address'),
    txid: text('TXID'),
    status: text('Status'),
  },
  signature: { absent: ['Fee', 'TransactionFee'] },
  mapRow(row): RowOutcome {
    const other = unsettled(row.status, 'deposit');
    if (other) return other;
    if (row.coin === '') return reject('ROW_MISSING_VALUE', 'Coin is empty');
    if (!row.amount.isPositive()) return reject('ROW_INCONSISTENT', `deposit Amount ${row.amount.toFixed()} is not positive`);
    return events({
      kind: 'deposit',
      instant: row.time,
      received: { asset: normalizeAsset(row.coin), amount: row.amount },
      ...(row.txid ? { txHash: row.txid } : {}),
    });
  },
});
