/**
 * Coinbase legacy per-wallet "Transactions" report (≈2013–2017, one file per wallet): the BittyTax
 * "Coinbase Transactions" layout (docs/formats.md §2.1):
 * `Timestamp,Balance,Amount,Currency,To,Notes,Instantly Exchanged,Transfer Total,Transfer Total Currency,
 * Transfer Fee,Transfer Fee Currency,Transfer Payment Method,Transfer ID,Order Price,Order Currency,
 * <any>,Order Tracking Code,Order Custom Parameter,Order Paid Out,Recurring Payment ID,<any>,<any>`.
 * The three free headers vary (`Order BTC`, `Coinbase ID (visit …)`, `Bitcoin Hash (visit …)`); the
 * last one holds the blockchain hash and is found by a header containing "hash" (or "tx").
 * Dates look like `2014-05-01 10:00:00 -0700` (offset stated). Wallet `coinbase`.
 *
 * Mapping (BittyTax `parse_coinbase_transactions`):
 * - a row with a blockchain hash is a crypto deposit (Amount > 0) or withdrawal (< 0);
 * - a row with a `Transfer ID` is a buy/sell when `Currency` differs from `Transfer Total
 *   Currency`: a buy receives `Amount` of the crypto and sends `Transfer Total − Transfer Fee` of
 *   the fiat, the fee apart; a sell sends |Amount| and receives `Transfer Total + Transfer Fee`,
 *   the fee apart (`Transfer Total` is what the bank leg moved, fee included). With the same
 *   currency it is a fiat deposit/withdrawal of `Transfer Total`, fee apart;
 * - otherwise, a row with Notes in a BTC wallet is a referral bonus (income reward: Coinbase paid
 *   bonuses in BTC); a row with Notes in another wallet is the other side of a trade that the BTC
 *   wallet's report holds (BittyTax flags it "Duplicate") — skipped with that reason;
 * - any other row is a deposit/withdrawal by the sign of `Amount` (moves to/from other wallets).
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { coinbaseAsset } from './cells.js';

export const coinbaseWalletTransactions = defineImporter({
  id: 'coinbase-wallet-transactions',
  label: 'Coinbase legacy per-wallet "Transactions" report (Balance, Amount, Transfer Total, Order Price …)',
  howToExport: 'coinbase.com › Reports (legacy, until ≈2017) › New report › "Transaction history" for one wallet › CSV',
  wallet: 'coinbase',
  zone: 'UTC',
  columns: {
    timestamp: instant('Timestamp'),
    balance: text('Balance'),
    amount: decimal('Amount'),
    currency: text('Currency'),
    to: text('To'),
    notes: text('Notes'),
    instantlyExchanged: text('Instantly Exchanged'),
    transferTotal: optional(decimal('Transfer Total')),
    transferTotalCurrency: text('Transfer Total Currency'),
    transferFee: optional(decimal('Transfer Fee')),
    transferFeeCurrency: text('Transfer Fee Currency'),
    transferPaymentMethod: text('Transfer Payment Method'),
    transferId: text('Transfer ID'),
    orderPrice: text('Order Price'),
    orderCurrency: text('Order Currency'),
    orderTrackingCode: text('Order Tracking Code'),
    orderCustomParameter: text('Order Custom Parameter'),
    orderPaidOut: text('Order Paid Out'),
    recurringPaymentId: text('Recurring Payment ID'),
    txHash: ifPresent(text([/hash/i, /^tx/i])),
  },
  mapRow(r): RowOutcome {
    const asset = coinbaseAsset(r.currency);
    if (!asset) return reject('ROW_MISSING_VALUE', 'Currency is empty');
    if (r.amount.isZero()) return skip('zero amount: no balance change');
    const own: Quantity = { asset, amount: r.amount.abs() };
    const incoming = r.amount.isPositive();
    const note = [r.notes, r.to ? `to ${r.to}` : ''].filter(Boolean).join('; ');
    const base = { instant: r.timestamp, ...(note ? { note } : {}) };
    const move = (q: Quantity, extra: object = {}): RowOutcome =>
      incoming ? events({ kind: 'deposit', ...base, ...extra, received: q }) : events({ kind: 'withdrawal', ...base, ...extra, sent: q });

    if (r.txHash) return move(own, { txHash: r.txHash });
    if (r.transferId) {
      const total = r.transferTotal?.abs();
      const totalCurrency = normalizeAsset(r.transferTotalCurrency);
      if (!total || !totalCurrency) return reject('ROW_MISSING_VALUE', `transfer ${r.transferId} needs Transfer Total and Transfer Total Currency`);
      const feeAmount = r.transferFee?.abs();
      const feeAsset = normalizeAsset(r.transferFeeCurrency || r.transferTotalCurrency);
      const fee = feeAmount && !feeAmount.isZero() ? { fee: { asset: feeAsset, amount: feeAmount } } : {};
      if (totalCurrency === asset) return move({ asset, amount: total }, fee);
      if (fee.fee && feeAsset !== totalCurrency) {
        return reject('ROW_INCONSISTENT', `transfer ${r.transferId}: fee in ${feeAsset} but the total in ${totalCurrency}`);
      }
      const fiatAmount = incoming ? total.minus(feeAmount ?? 0) : total.plus(feeAmount ?? 0);
      if (!fiatAmount.isPositive()) return reject('ROW_INCONSISTENT', `transfer ${r.transferId}: Transfer Fee exceeds Transfer Total`);
      const fiat: Quantity = { asset: totalCurrency, amount: fiatAmount };
      return incoming
        ? events({ kind: 'trade', ...base, sent: fiat, received: own, ...fee })
        : events({ kind: 'trade', ...base, sent: own, received: fiat, ...fee });
    }
    if (r.notes) {
      if (asset === 'BTC') {
        if (!incoming) return reject('ROW_INCONSISTENT', `BTC row with Notes "${r.notes}" but a negative Amount: not a referral bonus`);
        return events({ kind: 'income', incomeKind: 'reward', ...base, received: own });
      }
      return skip("other side of a trade listed in the BTC wallet's report (BittyTax: Duplicate)");
    }
    return move(own);
  },
});
