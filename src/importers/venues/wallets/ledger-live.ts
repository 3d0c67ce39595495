/**
 * Ledger Live — operations export (docs/formats.md "Ledger Live"; BittyTax `ledgerlive.py`). Headers,
 * oldest first (the later ones only add columns):
 * - `Operation Date, Currency Ticker, Operation Type, Operation Amount, Operation Fees,
 *   Operation Hash, Account Name, Account id` (2019);
 * - `…, Account Name, Account xpub` (2020);
 * - `…, Account xpub, Countervalue Ticker, Countervalue at Operation Date, Countervalue at CSV Export`;
 * - `Operation Date, Status, Currency Ticker, …` (2023: `Status` after the date).
 *
 * `Operation Amount` of an `OUT` includes the network fee (Ledger Live shows the total that left
 * the account); the fee is the sender's, so an `IN` carries none. The wallet is the account,
 * `ledger:<Account Name>`. Only `Confirmed` operations count (when the export has `Status`).
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';

/** Operations that move nothing but the fee (staking set-up, account reveal, votes). */
const FEE_ONLY = new Set([
  'FEES', 'REVEAL', 'BOND', 'UNBOND', 'WITHDRAW_UNBONDED', 'DELEGATE', 'UNDELEGATE', 'REDELEGATE', 'OPT_IN', 'OPT_OUT',
  'FREEZE', 'UNFREEZE', 'VOTE', 'NONE', 'APPROVE', 'CREATE', 'SET_CONTROLLER', 'NOMINATE', 'CHILL', 'STAKE', 'UNSTAKE', 'WITHDRAW',
]);
const REWARD = new Set(['REWARD', 'REWARD_PAYOUT', 'CLAIM_REWARD', 'CLAIMREWARD']);

export const ledgerLiveOperations = defineImporter({
  id: 'ledger-live-operations',
  label: 'Ledger Live: operations (Operation Date, Currency Ticker, Operation Type, …), every version',
  howToExport: 'Ledger Live › Accounts › ⋯ (or Settings › Accounts) › Export operation history (CSV)',
  wallet: 'ledger',
  columns: {
    date: instant('Operation Date', { zone: 'UTC' }),
    status: ifPresent(text('Status')),
    ticker: text('Currency Ticker'),
    type: text('Operation Type'),
    amount: decimal('Operation Amount'),
    fees: optional(decimal('Operation Fees')),
    hash: text('Operation Hash'),
    account: text('Account Name'),
    counterTicker: ifPresent(text('Countervalue Ticker')),
    counterValue: ifPresent(decimal('Countervalue at Operation Date')),
  },
  mapRow(row): RowOutcome {
    if (row.status !== undefined && row.status.toLowerCase() !== 'confirmed') return skip(`operation with Status ${row.status}: not confirmed`);
    const asset = normalizeAsset(row.ticker);
    if (asset === '') return reject('ROW_MISSING_VALUE', 'Currency Ticker is empty');
    const type = row.type.trim().toUpperCase();
    const amount = row.amount.abs();
    const fee: Quantity | undefined = row.fees && !row.fees.isZero() ? { asset, amount: row.fees.abs() } : undefined;
    const value = row.counterValue && row.counterTicker && !row.counterValue.isZero() ? { amount: row.counterValue.abs(), currency: normalizeAsset(row.counterTicker) } : undefined;
    const base = { wallet: `ledger:${row.account || asset}`, instant: row.date, ...(row.hash ? { txHash: row.hash } : {}), note: type };
    const q = (a: typeof amount): Quantity => (value ? { asset, amount: a, value } : { asset, amount: a });
    if (type === 'IN') return amount.isZero() ? skip('IN operation of 0') : events({ kind: 'deposit', received: q(amount), ...base });
    if (REWARD.has(type)) return amount.isZero() ? skip(`${type} of 0`) : events({ kind: 'income', incomeKind: 'staking', received: q(amount), ...base });
    if (type === 'OUT') {
      const net = fee ? amount.minus(fee.amount) : amount;
      if (net.isNegative()) return reject('ROW_INCONSISTENT', `Operation Fees ${fee?.amount.toFixed()} exceed Operation Amount ${amount.toFixed()}`);
      if (net.isZero()) return fee ? events({ kind: 'fee', fee, ...base }) : skip('OUT operation of 0');
      return events({ kind: 'withdrawal', sent: { asset, amount: net }, ...(fee ? { fee } : {}), ...base });
    }
    if (FEE_ONLY.has(type)) return fee ? events({ kind: 'fee', fee, ...base }) : skip(`${type}: no funds moved and no fee`);
    if (type === 'NFT_IN' || type === 'NFT_OUT') return skip(`${type}: an NFT moved; the export names no token, so it is not tracked`);
    return reject('ROW_UNKNOWN_TYPE', `unknown Ledger Live Operation Type "${row.type}"`);
  },
});
