/**
 * Building derivative event drafts in importer specs (model: `DerivativeEvent` in
 * src/model/ledger-event.ts): one helper so every venue states the same fields the same way and
 * leaves absent ones out (no `undefined` keys in golden files).
 */
import type { AssetCode } from '../model/asset.js';
import type { Dec } from '../model/decimal.js';
import type { DerivativeKind, PositionFill, Quantity } from '../model/ledger-event.js';
import type { EventDraft } from './importer-spec.js';

export interface DerivativeFields {
  readonly instant: number;
  readonly account: string;
  readonly contract: string;
  readonly asset: AssetCode;
  /** Signed: positive = credited to the user. */
  readonly amount: Dec;
  readonly position?: string | undefined;
  readonly openedAt?: number | undefined;
  readonly fill?: PositionFill | undefined;
  readonly balanceAfter?: Dec | undefined;
  /** Commission / liquidation fee charged in addition to `amount` (positive). */
  readonly fee?: Quantity | undefined;
  readonly note?: string | undefined;
  readonly txHash?: string | undefined;
}

export function derivativeDraft(kind: DerivativeKind, f: DerivativeFields): EventDraft {
  return {
    kind,
    instant: f.instant,
    account: f.account,
    contract: f.contract,
    asset: f.asset,
    amount: f.amount,
    ...(f.position !== undefined && f.position !== '' ? { position: f.position } : {}),
    ...(f.openedAt !== undefined ? { openedAt: f.openedAt } : {}),
    ...(f.fill ? { fill: f.fill } : {}),
    ...(f.balanceAfter !== undefined ? { balanceAfter: f.balanceAfter } : {}),
    ...(f.fee && !f.fee.amount.isZero() ? { fee: f.fee } : {}),
    ...(f.note ? { note: f.note } : {}),
    ...(f.txHash ? { txHash: f.txHash } : {}),
  } as EventDraft;
}
