/**
 * Coinbase Pro (GDAX) account statement — one row per balance change (docs/formats.md §2.2).
 * Reads all three headers: v2 (`portfolio,type,time,…`), v1 (no `portfolio`) and the capitalised
 * layout rotki tests (`Portfolio,Type,Timestamp,…,Amount/balance unit,…`); header matching is
 * case-insensitive, and `time`/`Timestamp` are aliases. Wallet `coinbase-pro`.
 *
 * Mapping:
 * - `match` and `fee` rows sharing a trade are one trade: the positive match is received, the
 *   negative match sent, the negative fee the fee (BittyTax/rotki do the same). Coinbase Pro trade
 *   ids are numbered per product, so the group key is trade id + order id (decision: two products
 *   can reuse a trade id, an order id is a UUID).
 * - `deposit` / `withdrawal` are own funds moving (mostly to/from Coinbase retail, whose
 *   `Pro Deposit` / `Pro Withdrawal` rows are the other side): the engine pairs them. A withdrawal
 *   and a deposit sharing one transfer id (a move between two Pro portfolios of the same user;
 *   decision: both sides of one transfer carry its id) cancel out and are skipped as internal.
 * - `conversion` (USD ↔ USDC, two rows at the same instant, no trade id) is one trade.
 * - `rebate` (maker fee rebate) is income of kind `reward`.
 * - Margin rows are rejected until derivatives support lands; anything else is rejected by name.
 * Do not import both this statement and the fills report of the same period: both hold the trades.
 */
import type { Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome, type RowOf } from '../../importer-spec.js';
import { coinbaseAsset, DERIVATIVE_MESSAGE, DERIVATIVE_TYPE } from './cells.js';

const columns = {
  portfolio: ifPresent(text('portfolio')),
  type: text('type'),
  time: instant(['time', 'Timestamp']),
  amount: decimal('amount'),
  unit: text('amount/balance unit'),
  transferId: text('transfer id'),
  tradeId: text('trade id'),
  orderId: text('order id'),
};
type Row = RowOf<typeof columns>;

const kind = (r: Row): string => r.type.trim().toLowerCase();

export const coinbaseProAccount = defineImporter({
  id: 'coinbase-pro-account',
  label: 'Coinbase Pro account statement (match/fee rows grouped into trades)',
  howToExport: 'pro.coinbase.com › Portfolios › Statements › Generate › Account › CSV (Coinbase Pro was retired in 2023)',
  wallet: 'coinbase-pro',
  zone: 'UTC',
  columns,
  signature: { also: ['balance'] },
  groupKey(r) {
    if (r.tradeId) return `trade:${r.tradeId}:${r.orderId}`;
    if (kind(r) === 'conversion') return `conversion:${r.time}`;
    return r.transferId ? `transfer:${r.transferId}` : undefined;
  },
  mapGroup(rows): RowOutcome {
    const first = rows[0];
    if (!first) return reject('ROW_INCONSISTENT', 'empty group');
    const derivative = rows.find((r) => DERIVATIVE_TYPE.test(r.type));
    if (derivative) return reject('ROW_UNSUPPORTED', DERIVATIVE_MESSAGE(derivative.type));
    if (first.tradeId || kind(first) === 'conversion') return mapTrade(rows);
    if (rows.length > 1) return mapSharedTransfer(rows);
    if (first.amount.isZero()) return skip('zero amount: no balance change');
    const q: Quantity = { asset: coinbaseAsset(first.unit), amount: first.amount.abs() };
    const base = { instant: first.time };
    switch (kind(first)) {
      case 'deposit':
        return events({ kind: 'deposit', ...base, received: q });
      case 'withdrawal':
        return events({ kind: 'withdrawal', ...base, sent: q });
      case 'rebate':
        return events({ kind: 'income', incomeKind: 'reward', ...base, received: q, note: 'maker fee rebate' });
      case 'match':
      case 'fee':
        return reject('ROW_MISSING_VALUE', `"${first.type}" row without a trade id cannot be paired with its trade`);
      default:
        return reject('ROW_UNKNOWN_TYPE', `unknown Coinbase Pro account row type "${first.type}"`);
    }
  },
});

/** Sum the signed amounts of the rows by asset. */
function byAsset(rows: readonly Row[]): Map<string, Dec> {
  const sums = new Map<string, Dec>();
  for (const r of rows) {
    const a = coinbaseAsset(r.unit);
    const prev = sums.get(a);
    sums.set(a, prev ? prev.plus(r.amount) : r.amount);
  }
  return sums;
}

function mapTrade(rows: readonly Row[]): RowOutcome {
  const first = rows[0] as Row;
  const what = first.tradeId ? `trade ${first.tradeId}` : `conversion at ${first.time}`;
  const other = rows.find((r) => !['match', 'fee', 'conversion', 'rebate'].includes(kind(r)));
  if (other) return reject('ROW_INCONSISTENT', `${what}: unexpected "${other.type}" row in a trade`);
  const legs = byAsset(rows.filter((r) => kind(r) === 'match' || kind(r) === 'conversion'));
  const fees = byAsset(rows.filter((r) => kind(r) === 'fee'));
  const rebates = byAsset(rows.filter((r) => kind(r) === 'rebate'));
  const sent = [...legs].filter(([, v]) => v.isNegative());
  const received = [...legs].filter(([, v]) => v.isPositive() && !v.isZero());
  const [s] = sent;
  const [rc] = received;
  if (!s || !rc || sent.length > 1 || received.length > 1) {
    return reject('ROW_INCONSISTENT', `${what}: expected one negative and one positive ${first.tradeId ? 'match' : 'conversion'} row`);
  }
  const feeList = [...fees].filter(([, v]) => !v.isZero());
  if (feeList.length > 1 || feeList.some(([, v]) => v.isPositive())) {
    return reject('ROW_INCONSISTENT', `${what}: fee rows must be negative and in one asset`);
  }
  const [fee] = feeList;
  const trade = {
    kind: 'trade' as const,
    instant: first.time,
    sent: { asset: s[0], amount: s[1].abs() },
    received: { asset: rc[0], amount: rc[1] },
    ...(fee ? { fee: { asset: fee[0], amount: fee[1].abs() } } : {}),
  };
  const rebateEvents = [...rebates].map(([asset, amount]) => ({
    kind: 'income' as const,
    incomeKind: 'reward' as const,
    instant: first.time,
    received: { asset, amount: amount.abs() },
    note: 'maker fee rebate',
  }));
  return events(trade, ...rebateEvents);
}

/** Rows sharing a transfer id: a move between the user's own Pro portfolios when they cancel out. */
function mapSharedTransfer(rows: readonly Row[]): RowOutcome {
  const first = rows[0] as Row;
  const onlyTransfers = rows.every((r) => kind(r) === 'deposit' || kind(r) === 'withdrawal');
  if (onlyTransfers && [...byAsset(rows).values()].every((v) => v.isZero())) {
    return skip('internal move between Coinbase Pro portfolios');
  }
  return reject('ROW_INCONSISTENT', `rows sharing transfer id ${first.transferId} do not cancel out (not a move between portfolios)`);
}
