/**
 * Binance fiat deposit or withdrawal history (docs/formats.md §2.3, BittyTax
 * `parse_binance_deposits_withdrawals_cash`):
 * `Date(UTC±N),Coin,Amount,Status,Payment Method,Indicated Amount,Fee,Order ID`; the date header
 * names the zone chosen at export (`Date(UTC+1)`), and `Date(UTCnull)` means UTC.
 *
 * Deposits and withdrawals share the header; the direction is in the file name only
 * (`file-direction.ts`). Mapping, as BittyTax: a `Successful` deposit receives `Indicated Amount`
 * (what was sent to Binance) with `Fee` charged from it, so the balance grows by `Amount`
 * (= Indicated Amount − Fee); a `Successful` withdrawal sends `Amount` with `Fee` charged in
 * addition. Other statuses are skipped (not settled) or rejected by name (`transfer-status.ts`).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type RowOutcome } from '../../importer-spec.js';
import { BINANCE_WALLET, settledDirection } from './file-direction.js';

export const binanceFiatTransfers = defineImporter({
  id: 'binance-fiat-transfers',
  label: 'Binance fiat deposit or withdrawal history (Payment Method, Indicated Amount; direction from the file name)',
  howToExport: 'Binance › Wallet › Transaction History › Fiat Deposit or Fiat Withdraw › Export (keep the file name)',
  wallet: BINANCE_WALLET,
  zone: 'UTC',
  columns: {
    time: instant(/^Date\(UTC(null|[+-]\d{1,2}(:?\d{2})?)?\)$/i),
    coin: text('Coin'),
    amount: decimal('Amount'),
    status: text('Status'),
    paymentMethod: text('Payment Method'),
    indicatedAmount: optional(decimal('Indicated Amount')),
    fee: optional(decimal('Fee')),
    orderId: text('Order ID'),
  },
  mapRow(row, ctx): RowOutcome {
    const direction = settledDirection(ctx.file.name, row.status, row.coin);
    if (typeof direction !== 'string') return direction;
    const fee = row.fee ?? undefined;
    if (fee?.isNegative()) return reject('ROW_INCONSISTENT', `Fee ${fee.toFixed()} is negative`);
    const asset = normalizeAsset(row.coin);
    const gross = direction === 'deposit' ? (row.indicatedAmount ?? (fee ? row.amount.plus(fee) : row.amount)) : row.amount;
    if (!gross.isPositive()) return reject('ROW_INCONSISTENT', `${direction} amount ${gross.toFixed()} is not positive`);
    const common = {
      instant: row.time,
      ...(fee && !fee.isZero() ? { fee: { asset, amount: fee } } : {}),
      ...(row.paymentMethod ? { note: row.paymentMethod } : {}),
    };
    const q = { asset, amount: gross };
    return direction === 'deposit' ? events({ kind: 'deposit', ...common, received: q }) : events({ kind: 'withdrawal', ...common, sent: q });
  },
});
