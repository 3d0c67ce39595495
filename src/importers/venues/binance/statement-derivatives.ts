/**
 * Binance transaction-history rows of futures and margin accounts (docs/formats.md §2.3, §2.15) →
 * derivative events. Trade legs in margin accounts (`Buy`/`Sell`/`Fee`/`Transaction …`) are spot
 * trades made with borrowed funds and are grouped like spot legs (statements.ts); a margin
 * liquidation that sells collateral shows up as such legs, so it is an ordinary disposal of those
 * lots at the liquidation price.
 *
 * Futures accounts (`USDT-Futures`, `USD-MFutures`, `USD-M Futures`, `Coin-Futures`,
 * `COIN-M Futures`, …), after BittyTax and rotki:
 * - `Realized Profit and Loss` / `Realize profit and loss` → realized PnL;
 * - `Fee`, `Transaction Fee` → commission;
 * - `Funding Fee` → funding;
 * - `Insurance Fund Compensation`: negative → the liquidation clearance fee (a liquidation row);
 *   positive → insurance-fund credit. `Insurance Fund Refund` (positive) → insurance-fund credit;
 * - `Referrer rebates`, `Referee rebates`, `Commission Rebate` → income (reward), as on spot;
 * - `Asset Conversion Transfer`, `Futures Convert` → trade legs (convert), grouped by second.
 * Margin accounts (`Cross Margin`, `CrossMargin`, `Isolated Margin`, `Margin`):
 * - `Margin loan`, `Isolated Margin Loan` → margin loan;
 * - `Margin Repayment`, `Isolated Margin Repayment`, `Cross/Isolated Margin Liquidation -
 *   Repayment` → margin repayment;
 * - Decision (no public sample found): `Margin Interest`, `Cross Margin Interest`, `Isolated
 *   Margin Interest` → margin interest (BittyTax rejects interest rows).
 * Statements name no contract: a futures account is one PnL stream (src/derivatives). Options
 * accounts are rejected ROW_UNSUPPORTED.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO } from '../../../model/decimal.js';
import type { DerivativeKind } from '../../../model/ledger-event.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { events, reject, type RowOutcome } from '../../importer-spec.js';
import type { StatementRow } from './statement-groups.js';
import { lookupTable } from '../../lookup-table.js';

const key = (operation: string): string => operation.trim().toLowerCase().replace(/\s+/g, ' ');

const FUTURES: Readonly<Record<string, DerivativeKind>> = lookupTable({
  'realized profit and loss': 'realized-pnl',
  'realize profit and loss': 'realized-pnl',
  fee: 'commission',
  'transaction fee': 'commission',
  'funding fee': 'funding',
  'insurance fund refund': 'insurance-fund',
});

const MARGIN: Readonly<Record<string, DerivativeKind>> = lookupTable({
  'margin loan': 'margin-loan',
  'isolated margin loan': 'margin-loan',
  'margin repayment': 'margin-repayment',
  'isolated margin repayment': 'margin-repayment',
  'cross margin liquidation - repayment': 'margin-repayment',
  'isolated margin liquidation - repayment': 'margin-repayment',
  'margin interest': 'margin-interest',
  'cross margin interest': 'margin-interest',
  'isolated margin interest': 'margin-interest',
});

/** Signs each kind must have (credit +, debit −); `undefined` = either. */
const SIGN: Partial<Record<DerivativeKind, 1 | -1>> = {
  'margin-loan': 1,
  'margin-repayment': -1,
  'margin-interest': -1,
  'insurance-fund': 1,
};

/** Whether this operation of a futures or margin account is mapped here (trade legs are not). */
export function isDerivativeOperation(operation: string, account: 'futures' | 'margin'): boolean {
  const k = key(operation);
  return account === 'futures' ? k in FUTURES || k === 'insurance fund compensation' : k in MARGIN;
}

/** Map one futures/margin row whose operation `isDerivativeOperation` for its account. */
export function mapDerivativeRow(row: StatementRow, account: 'futures' | 'margin'): RowOutcome {
  const k = key(row.operation);
  if (row.coin === '') return reject('ROW_MISSING_VALUE', 'Coin is empty');
  const asset = normalizeAsset(row.coin);
  const base = { instant: row.time, account: row.account, contract: '', asset, ...(row.remark ? { note: row.remark } : {}) };
  if (k === 'insurance fund compensation') {
    if (row.change.isNegative()) {
      return events(derivativeDraft('liquidation', { ...base, amount: ZERO, fee: { asset, amount: row.change.negated() }, note: 'insurance fund clearance fee' }));
    }
    return events(derivativeDraft('insurance-fund', { ...base, amount: row.change }));
  }
  const kind = account === 'futures' ? FUTURES[k] : MARGIN[k];
  if (!kind) return reject('ROW_UNKNOWN_TYPE', `unknown futures/margin operation "${row.operation}"`);
  const sign = SIGN[kind];
  if (sign && !row.change.isZero() && (sign === 1) !== row.change.isPositive()) {
    return reject('ROW_INCONSISTENT', `${row.account} "${row.operation}" ${row.change.toFixed()} ${asset}: Change should be ${sign === 1 ? 'positive' : 'negative'}`);
  }
  return events(derivativeDraft(kind, { ...base, amount: row.change }));
}
