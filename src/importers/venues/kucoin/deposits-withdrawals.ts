/**
 * KuCoin "Deposit_Withdrawal History" bundle: the Deposit History and the Withdrawal Record files,
 * in both column orders (docs/formats.md §2.7; BittyTax `parse_kucoin_deposits_withdrawals_crypto_v2`).
 *
 * Menu: KuCoin › Account › Export Data › Deposit/Withdrawal History (zip of two CSVs).
 * Headers: `UID,Account Type,Time(UTC+hh:mm),Coin,Amount,Fee,[Hash,]Deposit Address,Transfer Network,Status,Remarks`,
 * `…,Withdrawal Address/Account,…`, and the shuffled `UID,Account Type,Time(…),Remarks,Status,Fee,Amount,Coin,
 * Transfer Network[,Withdrawal Address/Account]`. Columns bind by name, so order does not matter;
 * a file is a withdrawal file when it has `Withdrawal Address/Account`.
 *
 * Direction: the row's own `Remarks` wins when it names one — `Deposit` → deposit, `Withdrawal`
 * (or `Withdraw`) → withdrawal — because the shuffled layout
 * `UID,Account Type,Time(…),Remarks,Status,Fee,Amount,Coin,Transfer Network` is written for both
 * directions and the withdrawal file need not carry an address column (everytrade's
 * KuCoinWithdrawalDepositTest: `****4228,mainAccount,2023-12-04 06:21:52,Withdrawal,SUCCESS,0,1497,
 * USDT,TRX` is a withdrawal of 1497 USDT). Any other remark (empty, a memo) leaves the file's
 * direction: a withdrawal address column makes it a withdrawal, else a deposit.
 *
 * Mapping: `Status` SUCCESS → deposit / withdrawal of `Amount` `Coin`, `Fee` (same coin) leaves in
 * addition (as BittyTax), `Hash` → txHash; PROCESSING-like and FAILURE-like statuses are skipped
 * (nothing moved yet / at all); any other status is rejected by name. Decision: a withdrawal
 * `Amount` written negative is read by magnitude (the kind gives the direction).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, ifPresent, instant, optional, text, type Column } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOf, type RowOutcome } from '../../importer-spec.js';
import { EMPTY_REPORT, EMPTY_REPORT_REASON, KUCOIN_DEFAULT_ZONE, missing } from './common.js';

const WITHDRAWAL_ADDRESS = 'Withdrawal Address/Account';
const PENDING = new Set(['PROCESSING', 'WALLET_PROCESSING', 'PENDING', 'REVIEW', 'IN_REVIEW']);
const FAILED = new Set(['FAILURE', 'FAILED', 'FAIL', 'CANCEL', 'CANCELED', 'CANCELLED', 'REJECTED']);

const common = {
  uid: text('UID'),
  time: optional(instant(/^Time(\s*\((UTC|GMT)[^)]*\))?$/i)),
  coin: text('Coin'),
  amount: optional(decimal('Amount')),
  fee: optional(decimal('Fee')),
  status: text('Status'),
  remarks: text('Remarks'),
  network: text('Transfer Network'),
  hash: ifPresent(text('Hash')),
} satisfies Record<string, Column<unknown>>;

type Row = RowOf<typeof common>;

/**
 * The direction a `Remarks` cell states, or undefined when it states none.
 * @example remarkDirection('Withdrawal') // 'withdrawal'
 */
export function remarkDirection(remarks: string): 'deposit' | 'withdrawal' | undefined {
  const r = remarks.trim().toLowerCase();
  if (r === 'deposit') return 'deposit';
  if (r === 'withdrawal' || r === 'withdraw') return 'withdrawal';
  return undefined;
}

function mapMovement(row: Row, fileDirection: 'deposit' | 'withdrawal'): RowOutcome {
  if (row.uid === EMPTY_REPORT) return skip(EMPTY_REPORT_REASON);
  const direction = remarkDirection(row.remarks) ?? fileDirection;
  const status = row.status.toUpperCase();
  if (PENDING.has(status)) return skip(`KuCoin ${direction} not completed (status ${row.status})`);
  if (FAILED.has(status)) return skip(`KuCoin ${direction} failed or cancelled (status ${row.status})`);
  if (status !== 'SUCCESS') return reject('ROW_UNKNOWN_TYPE', `unknown ${direction} status "${row.status}"`);
  if (row.time === undefined) return missing('Time');
  if (row.amount === undefined) return missing('Amount');
  if (row.coin === '') return missing('Coin');
  if (direction === 'deposit' && row.amount.isNegative()) return reject('ROW_INCONSISTENT', `negative deposit amount ${row.amount.toFixed()}`);
  const asset = normalizeAsset(row.coin);
  const amount = row.amount.abs();
  const base = {
    instant: row.time,
    ...(row.fee && !row.fee.isZero() ? { fee: { asset, amount: row.fee.abs() } } : {}),
    ...(row.hash ? { txHash: row.hash } : {}),
  };
  return direction === 'deposit'
    ? events({ kind: 'deposit', received: { asset, amount }, ...base })
    : events({ kind: 'withdrawal', sent: { asset, amount }, ...base });
}

export const kucoinDeposits = defineImporter({
  id: 'kucoin-deposits',
  label: 'KuCoin Deposit History (Deposit_Withdrawal History bundle; rows whose Remarks say Withdrawal are withdrawals)',
  howToExport: 'KuCoin › Account › Export Data › Deposit/Withdrawal History › "Deposit History" CSV',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: { ...common, accountType: text('Account Type') },
  signature: { absent: [WITHDRAWAL_ADDRESS] },
  mapRow: (row) => mapMovement(row, 'deposit'),
});

export const kucoinWithdrawals = defineImporter({
  id: 'kucoin-withdrawals',
  label: 'KuCoin Withdrawal Record (Deposit_Withdrawal History bundle)',
  howToExport: 'KuCoin › Account › Export Data › Deposit/Withdrawal History › "Withdrawal Record" CSV',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: { ...common, accountType: text('Account Type'), address: text(WITHDRAWAL_ADDRESS) },
  mapRow: (row) => mapMovement(row, 'withdrawal'),
});
