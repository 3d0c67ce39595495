/**
 * OKX trading-history rows of perpetual swaps and dated futures (docs/formats.md §2.9, §2.15) →
 * derivative events; positions are rebuilt from them (src/derivatives, pattern 1).
 *
 * Columns used (both trading-history layouts): the action (`Open long`, `Close short`,
 * `Funding fee`, …), `Amount` (contracts), `PnL` (realised on closes), `Fee` (signed: negative =
 * paid, positive = rebate), `Position Balance` (size after the row), `Balance Change`, `Balance`
 * and the balance unit (the settlement asset).
 * - `Open long/short` → commission (`Fee`) with the fill `open Amount → Position Balance`;
 * - `Close long/short` → realized PnL (`PnL`) with the fill `close`, plus the row's commission;
 * - `Funding fee` → funding (`Balance Change`, signed);
 * - Decision (not observed in public samples): an action naming a liquidation
 *   (`Liquidation long`, `Partial liquidation …`) → liquidation (`PnL`, fill close), its fee the
 *   liquidation fee; `ADL …` → ADL close; any other action is rejected by name.
 * `Balance` is the venue balance after the row (deficit evidence). Contract = the instrument.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO, type Dec } from '../../../model/decimal.js';
import type { DerivativeKind, PositionFill } from '../../../model/ledger-event.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { events, reject, type EventDraft, type RowOutcome } from '../../importer-spec.js';

export const OKX_DERIVATIVE_TYPES = new Set(['perpetual', 'swap', 'futures', 'expiry futures']);

export interface OkxDerivativeRow {
  readonly time: number;
  readonly tradeType: string;
  readonly instrument: string;
  readonly action: string;
  readonly amount?: Dec | undefined;
  readonly pnl?: Dec | undefined;
  readonly fee?: Dec | undefined;
  readonly positionBalance?: Dec | undefined;
  readonly balanceChange?: Dec | undefined;
  readonly balance?: Dec | undefined;
  readonly unit: string;
}

export function mapOkxDerivativeRow(row: OkxDerivativeRow): RowOutcome {
  if (row.unit === '') return reject('ROW_MISSING_VALUE', 'the balance unit (settlement asset) is empty');
  const asset = normalizeAsset(row.unit);
  const base = { instant: row.time, account: row.tradeType, contract: row.instrument, asset, balanceAfter: row.balance };
  const action = row.action.trim().toLowerCase();
  const fee = row.fee ?? ZERO;
  if (action === 'funding fee') {
    if (row.balanceChange === undefined) return reject('ROW_MISSING_VALUE', 'column "Balance Change" is empty on a funding row');
    return events(derivativeDraft('funding', { ...base, amount: row.balanceChange }));
  }
  const m = /^(open|close|liquidation|partial liquidation|adl)\s*(long|short)?$/.exec(action);
  if (!m) return reject('ROW_UNKNOWN_TYPE', `unknown OKX ${row.tradeType} action "${row.action}"`);
  if (!row.amount || !row.amount.abs().greaterThan(0)) return reject('ROW_MISSING_VALUE', `OKX ${row.action} row without a contract Amount`);
  const verb = m[1] as string;
  const side = m[2] as 'long' | 'short' | undefined;
  const fill: PositionFill = {
    action: verb === 'open' ? 'open' : 'close',
    quantity: row.amount.abs(),
    ...(row.positionBalance !== undefined ? { positionAfter: row.positionBalance.abs() } : {}),
    ...(side ? { side } : {}),
  };
  if (verb === 'open') {
    const drafts: EventDraft[] = [derivativeDraft('commission', { ...base, amount: fee, fill })];
    if (row.pnl && !row.pnl.isZero()) drafts.push(derivativeDraft('realized-pnl', { ...base, amount: row.pnl, balanceAfter: undefined }));
    return events(...drafts);
  }
  const kind: DerivativeKind = verb === 'close' ? 'realized-pnl' : verb === 'adl' ? 'adl' : 'liquidation';
  if (kind === 'liquidation') {
    if (fee.greaterThan(0)) return reject('ROW_INCONSISTENT', `OKX liquidation row with a positive fee ${fee.toFixed()}`);
    return events(derivativeDraft('liquidation', { ...base, amount: row.pnl ?? ZERO, fill, fee: { asset, amount: fee.negated() } }));
  }
  const drafts: EventDraft[] = [derivativeDraft(kind, { ...base, amount: row.pnl ?? ZERO, fill })];
  if (!fee.isZero()) drafts.push(derivativeDraft('commission', { ...base, amount: fee, balanceAfter: undefined }));
  return events(...drafts);
}
