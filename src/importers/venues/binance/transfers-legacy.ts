/**
 * Binance crypto deposit or withdrawal history, older layouts (docs/formats.md §2.3, BittyTax
 * `parse_binance_deposits_withdrawals_crypto_v1`):
 * `Date(UTC),Coin,Network,Amount,TransactionFee,Address,TXID,SourceAddress,PaymentID,Status`,
 * the same without `Network`, `Date,Coin,Amount,TransactionFee,…` (oldest), and the variant
 * without `SourceAddress,PaymentID` seen in third-party samples.
 *
 * Deposits and withdrawals share the header; the direction is in the file name only
 * (`file-direction.ts`). Mapping, as BittyTax: a completed deposit receives `Amount`, a completed
 * withdrawal sends `Amount`; a non-zero `TransactionFee` (same coin) is charged in addition. Other
 * statuses are skipped or rejected as in the newer histories (`transfer-status.ts`).
 * Time: `Date(UTC)` is UTC; the oldest `Date` header states no zone — read as UTC (decision:
 * BittyTax reads it as UTC; Binance web exports of that era were UTC).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { BINANCE_WALLET, settledDirection } from './file-direction.js';

export const binanceTransfersLegacy = defineImporter({
  id: 'binance-transfers-legacy',
  label: 'Binance crypto deposit or withdrawal history, older layout (TransactionFee, SourceAddress, PaymentID; direction from the file name)',
  howToExport: 'Binance (before 2022) › Wallet › Transaction History › Deposit or Withdraw › Export (keep the file name)',
  wallet: BINANCE_WALLET,
  zone: 'UTC',
  columns: {
    time: instant(['Date(UTC)', 'Date']),
    coin: text('Coin'),
    network: ifPresent(text('Network')),
    amount: decimal('Amount'),
    fee: optional(decimal('TransactionFee')),
    address: text('Address'),
    txid: text('TXID'),
    sourceAddress: ifPresent(text('SourceAddress')),
    paymentId: ifPresent(text('PaymentID')),
    status: text('Status'),
  },
  mapRow(row, ctx): RowOutcome {
    const direction = settledDirection(ctx.file.name, row.status, row.coin);
    if (typeof direction !== 'string') return direction;
    if (!row.amount.isPositive()) return reject('ROW_INCONSISTENT', `${direction} Amount ${row.amount.toFixed()} is not positive`);
    if (row.fee?.isNegative()) return reject('ROW_INCONSISTENT', `TransactionFee ${row.fee.toFixed()} is negative`);
    const q = { asset: normalizeAsset(row.coin), amount: row.amount };
    const common = {
      instant: row.time,
      ...(row.fee && !row.fee.isZero() ? { fee: { asset: q.asset, amount: row.fee } } : {}),
      ...(row.txid ? { txHash: row.txid } : {}),
    };
    return direction === 'deposit' ? events({ kind: 'deposit', ...common, received: q }) : events({ kind: 'withdrawal', ...common, sent: q });
  },
});
