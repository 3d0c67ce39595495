/**
 * BitMEX wallet history (docs/formats.md §2.13; rotki `importers/bitmex.py`; not in BittyTax).
 *
 * Header: `"transactTime","transactType","amount","fee","address","transactStatus","walletBalance"`.
 * Amounts, fees and balances are in satoshis (XBt): divided by 10^8 exactly into BTC.
 * `transactTime` is month-first with AM/PM (`12/25/2019, 7:00:00 AM`), in the browser's zone at
 * export: read as UTC unless `--input-timezone`.
 * - `RealisedPNL` → realized PnL in BTC on the contract in `address` (`XBTUSD`); BitMEX books it
 *   daily and it already includes funding and fees, so each row is its own PnL group (one Form 8949
 *   line per contract and day). Liquidations are not separate rows (they are inside the realised
 *   P/L), and BitMEX never leaves a negative balance (docs/tax-rules.md §5.1), so no deficit is read.
 *   A non-zero `fee` on such a row is a commission charged in addition.
 * - `Deposit` / `Withdrawal` with `transactStatus` `Completed` → deposit / withdrawal of BTC (fee
 *   attached; `null` = none); any other status (`Canceled`, `Pending`) → skipped: no movement.
 * - Decision (types seen in real files — e.g. the public whalepool `bitmex-wallet-parser`, which
 *   drops `UnrealisedPNL` and `Canceled` rows and charts `AffiliatePayout` as income):
 *   `UnrealisedPNL` → skipped (the open positions' mark-to-market at export time, status
 *   `Pending`: nothing realised or moved); `AffiliatePayout` → income:reward (referral
 *   commission); `Transfer` → deposit (+) or withdrawal (−) of BTC (a move to or from another
 *   BitMEX account, paired like any transfer). These, like deposits and withdrawals, count only
 *   when `Completed`; other statuses are skipped.
 * - Any other type → ROW_UNKNOWN_TYPE naming it (rotki rejects them too).
 */
import { Dec } from '../../../model/decimal.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';

const SATOSHI = new Dec('100000000');
const btc = (sats: Dec): Dec => sats.dividedBy(SATOSHI);

export const bitmexWalletHistory = defineImporter({
  id: 'bitmex-wallet-history',
  label: 'BitMEX wallet history (amounts in satoshis)',
  howToExport: 'BitMEX › Account › Wallet › Wallet History › Save as CSV',
  wallet: 'bitmex',
  columns: {
    time: instant('transactTime', { order: 'mdy' }),
    type: text('transactType'),
    amount: decimal('amount'),
    fee: optional(decimal('fee')),
    address: text('address'),
    status: text('transactStatus'),
    balance: optional(decimal('walletBalance')),
  },
  mapRow(row): RowOutcome {
    const amount = btc(row.amount);
    const fee = row.fee && !row.fee.isZero() ? { asset: 'BTC', amount: btc(row.fee.abs()) } : undefined;
    switch (row.type) {
      case 'RealisedPNL':
        return events(
          derivativeDraft('realized-pnl', {
            instant: row.time,
            account: 'wallet',
            contract: row.address,
            asset: 'BTC',
            amount,
            fee,
            balanceAfter: row.balance ? btc(row.balance) : undefined,
          }),
        );
      case 'UnrealisedPNL':
        return skip('BitMEX unrealised P&L of open positions at export time: nothing realised or moved');
      case 'AffiliatePayout':
        if (row.status !== 'Completed') return skip(`BitMEX affiliate payout with status "${row.status}": not paid`);
        if (!amount.greaterThan(0)) return reject('ROW_INCONSISTENT', `BitMEX affiliate payout of ${amount.toFixed()} BTC`);
        return events({ kind: 'income', incomeKind: 'reward', instant: row.time, received: { asset: 'BTC', amount }, note: 'BitMEX affiliate payout' });
      case 'Transfer':
        if (row.status !== 'Completed') return skip(`BitMEX transfer with status "${row.status}": no movement`);
        if (amount.isZero()) return reject('ROW_INCONSISTENT', 'BitMEX transfer of 0 BTC');
        return events(
          amount.isPositive()
            ? { kind: 'deposit', instant: row.time, received: { asset: 'BTC', amount }, ...(fee ? { fee } : {}), note: 'BitMEX transfer in' }
            : { kind: 'withdrawal', instant: row.time, sent: { asset: 'BTC', amount: amount.abs() }, ...(fee ? { fee } : {}), note: 'BitMEX transfer out' },
        );
      case 'Deposit':
      case 'Withdrawal': {
        if (row.status !== 'Completed') return skip(`BitMEX ${row.type.toLowerCase()} with status "${row.status}": no movement`);
        if (row.type === 'Deposit') {
          if (!amount.greaterThan(0)) return reject('ROW_INCONSISTENT', `BitMEX deposit of ${amount.toFixed()} BTC`);
          return events({ kind: 'deposit', instant: row.time, received: { asset: 'BTC', amount }, ...(fee ? { fee } : {}) });
        }
        if (amount.isZero()) return reject('ROW_INCONSISTENT', 'BitMEX withdrawal of 0 BTC');
        return events({ kind: 'withdrawal', instant: row.time, sent: { asset: 'BTC', amount: amount.abs() }, ...(fee ? { fee } : {}) });
      }
      default:
        return reject('ROW_UNKNOWN_TYPE', `unknown BitMEX wallet transaction type "${row.type}"`);
    }
  },
});
