/**
 * Binance USDⓈ-M / COIN-M futures transaction (income) history (docs/formats.md §2.3, §2.15).
 *
 * Headers: `Date(UTC),type,Amount,Asset,Symbol,Transaction ID` (BittyTax) and the newer naming
 * `Time,Type,Amount,Asset,Symbol,Transaction ID` (zone in the file name Binance gives it, as the
 * other newer exports). `Amount` is signed (credit +, debit −) in `Asset`; `Symbol` the contract.
 *
 * Every income type of Binance's documented `incomeType` enum ("Get Income History") is mapped or
 * rejected by name (closed world):
 * - `REALIZED_PNL`, `DELIVERED_SETTELMENT` (sic; also the corrected spelling) → realized-pnl;
 * - `COMMISSION`, `POSITION_LIMIT_INCREASE_FEE` → commission (paid); `COMMISSION_REBATE`,
 *   `API_REBATE`, `FEE_RETURN` → commission (rebate, positive) — they reduce the position's fees;
 * - `FUNDING_FEE` → funding;
 * - `INSURANCE_CLEAR` (liquidation clearance fee, 强平) → liquidation with that fee: it marks the
 *   group it belongs to as liquidated; a positive one is not documented and is rejected;
 * - `REFERRAL_KICKBACK`, `CONTEST_REWARD`, `WELCOME_BONUS` → income (reward); `BFUSD_REWARD` →
 *   income (interest: BFUSD yield);
 * - `COIN_SWAP_DEPOSIT` / `COIN_SWAP_WITHDRAW`, `AUTO_EXCHANGE` → one trade per `Transaction ID`
 *   (the two legs of a conversion inside the futures wallet);
 * - `TRANSFER`, `INTERNAL_TRANSFER`, `CROSS_COLLATERAL_TRANSFER`, `STRATEGY_UMFUTURES_TRANSFER`,
 *   `DEPOSIT`, `WITHDRAW` → skipped: moves between the user's own Binance accounts (BittyTax);
 * - `OPTIONS_PREMIUM_FEE`, `OPTIONS_SETTLE_PROFIT` → rejected ROW_UNSUPPORTED (options);
 * - anything else → ROW_UNKNOWN_TYPE naming it.
 * The file has no position ids and no balances: positions are the exchange's PnL groups
 * (src/derivatives/build-positions.ts), and no deficit can be read from it.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO } from '../../../model/decimal.js';
import { decimal, instant, text } from '../../columns.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { defineImporter, events, reject, skip, type RowOf, type RowOutcome } from '../../importer-spec.js';
import { zoneInText } from '../../parse-instant.js';
import type { DerivativeKind, IncomeKind } from '../../../model/ledger-event.js';
import { lookupTable } from '../../lookup-table.js';

const columns = {
  time: instant([/^Date\(UTC([+-]\d{1,2}(:?\d{2})?)?\)$/i, 'Time']),
  type: text('type'),
  amount: decimal('Amount'),
  asset: text('Asset'),
  symbol: text('Symbol'),
  transactionId: text('Transaction ID'),
};
type Row = RowOf<typeof columns>;

const ACCOUNT = 'futures';
const DERIVATIVE: Readonly<Record<string, DerivativeKind>> = lookupTable({
  REALIZED_PNL: 'realized-pnl',
  DELIVERED_SETTELMENT: 'realized-pnl',
  DELIVERED_SETTLEMENT: 'realized-pnl',
  COMMISSION: 'commission',
  POSITION_LIMIT_INCREASE_FEE: 'commission',
  COMMISSION_REBATE: 'commission',
  API_REBATE: 'commission',
  FEE_RETURN: 'commission',
  FUNDING_FEE: 'funding',
});
const INCOME: Readonly<Record<string, IncomeKind>> = lookupTable({
  REFERRAL_KICKBACK: 'reward',
  CONTEST_REWARD: 'reward',
  WELCOME_BONUS: 'reward',
  BFUSD_REWARD: 'interest',
});
const INTERNAL = new Set(['TRANSFER', 'INTERNAL_TRANSFER', 'CROSS_COLLATERAL_TRANSFER', 'STRATEGY_UMFUTURES_TRANSFER', 'DEPOSIT', 'WITHDRAW']);
const CONVERSION = new Set(['COIN_SWAP_DEPOSIT', 'COIN_SWAP_WITHDRAW', 'AUTO_EXCHANGE']);
const OPTIONS = new Set(['OPTIONS_PREMIUM_FEE', 'OPTIONS_SETTLE_PROFIT']);

const typeOf = (row: Row): string => row.type.trim().toUpperCase();

export const binanceFuturesIncome = defineImporter({
  id: 'binance-futures-income',
  label: 'Binance futures transaction (income) history (type, Amount, Asset, Symbol, Transaction ID)',
  howToExport: 'Binance › Derivatives › USDⓈ-M (or COIN-M) Futures › Transaction History › Export (CSV)',
  wallet: 'binance',
  zoneFrom: (file) => zoneInText(file.name),
  columns,
  groupKey: (row) => (CONVERSION.has(typeOf(row)) && row.transactionId !== '' ? `swap|${row.transactionId}` : undefined),
  mapGroup(rows): RowOutcome {
    const first = rows[0];
    if (!first) return skip('empty group');
    const type = typeOf(first);
    if (CONVERSION.has(type)) return conversion(rows);
    return mapRow(first);
  },
});

function mapRow(row: Row): RowOutcome {
  const type = typeOf(row);
  if (row.asset === '') return reject('ROW_MISSING_VALUE', 'Asset is empty');
  const asset = normalizeAsset(row.asset);
  const base = { instant: row.time, account: ACCOUNT, contract: row.symbol, asset };
  const kind = DERIVATIVE[type];
  if (kind) return events(derivativeDraft(kind, { ...base, amount: row.amount }));
  if (type === 'INSURANCE_CLEAR') {
    if (row.amount.isPositive() && !row.amount.isZero()) {
      return reject('ROW_INCONSISTENT', `INSURANCE_CLEAR of +${row.amount.toFixed()} ${asset}: a clearance fee is a debit`);
    }
    return events(
      derivativeDraft('liquidation', { ...base, amount: ZERO, fee: { asset, amount: row.amount.negated() }, note: 'liquidation clearance fee' }),
    );
  }
  const incomeKind = INCOME[type];
  if (incomeKind) {
    if (!row.amount.greaterThan(0)) return reject('ROW_INCONSISTENT', `${type} of ${row.amount.toFixed()} ${asset}: income must be positive`);
    return events({ kind: 'income', incomeKind, instant: row.time, received: { asset, amount: row.amount }, note: `Binance futures ${type}` });
  }
  if (INTERNAL.has(type)) return skip('Binance futures transfer between own accounts');
  if (OPTIONS.has(type)) return reject('ROW_UNSUPPORTED', `Binance options row ${type} (${row.amount.toFixed()} ${asset}): options are not supported`);
  if (CONVERSION.has(type)) return reject('ROW_INCONSISTENT', `${type} without a Transaction ID: its other leg cannot be found`);
  return reject('ROW_UNKNOWN_TYPE', `unknown Binance futures income type "${row.type}"`);
}

/** The two legs of a conversion inside the futures wallet (same Transaction ID) → one trade. */
function conversion(rows: readonly Row[]): RowOutcome {
  const sent = rows.filter((r) => r.amount.isNegative() && !r.amount.isZero());
  const received = rows.filter((r) => r.amount.greaterThan(0));
  const [s, r] = [sent[0], received[0]];
  if (sent.length !== 1 || received.length !== 1 || !s || !r || rows.length !== 2) {
    return reject('ROW_INCONSISTENT', `conversion ${rows[0]?.transactionId}: expected one debit and one credit row, found ${rows.length} row(s)`);
  }
  return events({
    kind: 'trade',
    instant: r.time,
    sent: { asset: normalizeAsset(s.asset), amount: s.amount.negated() },
    received: { asset: normalizeAsset(r.asset), amount: r.amount },
    note: `Binance futures conversion ${s.transactionId}`,
  });
}
