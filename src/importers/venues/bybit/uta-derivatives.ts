/**
 * Derivative and margin rows of the Bybit Unified Trading Account "Asset change details"
 * (docs/formats.md §2.8; everytrade semantics) → derivative events; perpetual positions are rebuilt from
 * the fills (src/derivatives, pattern 1).
 *
 * In this export `Fee Paid` and `Funding` are signed as balance changes (negative = paid), so every
 * row satisfies `Change = Cash Flow + Fee Paid + Funding` (checked on the sample: 1.0375 − 0.08712
 * = 0.95038); a row that does not is rejected. `--` cells are empty.
 * - `TRADE` with Action `OPEN` → commission (`Fee Paid`) with the fill `open |Quantity| →
 *   |Position|`; Action `CLOSE` → realized PnL (`Cash Flow`) with the fill `close`, plus the
 *   commission;
 * - `SETTLEMENT` → funding (`Funding`); `DELIVERY` → realized PnL closing the position;
 * - `LIQUIDATION` → liquidation (`Cash Flow`, fill close, `Fee Paid` its liquidation fee);
 *   `ADL` → ADL close;
 * - `BORROW` → margin loan, `REPAY` → margin repayment, `INTEREST` → margin interest (`Change`);
 * - `BONUS_RECOLLECT` → rejected ROW_UNSUPPORTED (trial-bonus clawback: not the user's funds).
 * `Wallet Balance` is the venue balance after the row (deficit evidence).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO, type Dec } from '../../../model/decimal.js';
import type { DerivativeKind, PositionFill } from '../../../model/ledger-event.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { events, reject, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { lookupTable } from '../../lookup-table.js';

export interface UtaDerivativeRow {
  readonly time: number;
  readonly currency: string;
  readonly contract: string;
  readonly type: string;
  readonly action: string;
  readonly quantity?: Dec | undefined;
  readonly position?: Dec | undefined;
  readonly funding?: Dec | undefined;
  readonly feePaid?: Dec | undefined;
  readonly cashFlow?: Dec | undefined;
  readonly change?: Dec | undefined;
  readonly walletBalance?: Dec | undefined;
}

export const UTA_DERIVATIVE_TYPES = new Set(['SETTLEMENT', 'DELIVERY', 'LIQUIDATION', 'ADL', 'INTEREST', 'BORROW', 'REPAY', 'BONUS_RECOLLECT']);

const MARGIN: Readonly<Record<string, DerivativeKind>> = lookupTable({ BORROW: 'margin-loan', REPAY: 'margin-repayment', INTEREST: 'margin-interest' });

export function mapUtaDerivativeRow(row: UtaDerivativeRow): RowOutcome {
  const type = row.type.toUpperCase();
  if (type === 'BONUS_RECOLLECT') return reject('ROW_UNSUPPORTED', 'Bybit BONUS_RECOLLECT (trial bonus taken back) is not supported');
  if (row.currency === '') return reject('ROW_MISSING_VALUE', 'Currency is empty');
  if (row.change === undefined) return reject('ROW_MISSING_VALUE', 'column "Change" is empty');
  const cashFlow = row.cashFlow ?? ZERO;
  const fee = row.feePaid ?? ZERO;
  const funding = row.funding ?? ZERO;
  if (!cashFlow.plus(fee).plus(funding).equals(row.change)) {
    return reject(
      'ROW_INCONSISTENT',
      `Bybit ${type} row: Change ${row.change.toFixed()} is not Cash Flow ${cashFlow.toFixed()} + Fee Paid ${fee.toFixed()} + Funding ${funding.toFixed()}`,
    );
  }
  const asset = normalizeAsset(row.currency);
  const base = { instant: row.time, account: 'unified', contract: row.contract, asset, balanceAfter: row.walletBalance };
  const margin = MARGIN[type];
  if (margin) return events(derivativeDraft(margin, { ...base, amount: row.change }));
  if (type === 'SETTLEMENT') return events(derivativeDraft('funding', { ...base, amount: funding }));
  const quantity = row.quantity?.abs();
  if (!quantity || quantity.isZero()) return reject('ROW_MISSING_VALUE', `Bybit ${type} row without a Quantity`);
  const action = type === 'TRADE' ? row.action.toUpperCase() : 'CLOSE';
  if (action !== 'OPEN' && action !== 'CLOSE') return reject('ROW_UNKNOWN_TYPE', `unknown Bybit trade action "${row.action}" on ${row.contract}`);
  const fill: PositionFill = { action: action === 'OPEN' ? 'open' : 'close', quantity, ...(row.position ? { positionAfter: row.position.abs() } : {}) };
  if (action === 'OPEN') {
    const drafts: EventDraft[] = [derivativeDraft('commission', { ...base, amount: fee, fill })];
    if (!cashFlow.isZero()) drafts.push(derivativeDraft('realized-pnl', { ...base, amount: cashFlow, balanceAfter: undefined }));
    return events(...drafts);
  }
  if (type === 'LIQUIDATION') {
    if (fee.greaterThan(0)) return reject('ROW_INCONSISTENT', `Bybit liquidation row with a positive fee ${fee.toFixed()}`);
    return events(derivativeDraft('liquidation', { ...base, amount: cashFlow, fill, fee: { asset, amount: fee.negated() } }));
  }
  const kind: DerivativeKind = type === 'ADL' ? 'adl' : 'realized-pnl';
  const drafts: EventDraft[] = [derivativeDraft(kind, { ...base, amount: cashFlow, fill })];
  if (!fee.isZero()) drafts.push(derivativeDraft('commission', { ...base, amount: fee, balanceAfter: undefined }));
  return events(...drafts);
}
