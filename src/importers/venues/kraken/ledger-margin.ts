/**
 * Kraken ledger rows of margin positions (docs/formats.md §2.4, §2.15) → derivative events.
 *
 * - `margin`: the realised P/L of closing (part of) a margin position, signed `amount` in the
 *   quote/collateral asset, plus `fee` (opening/closing commission) deducted in addition. A row
 *   with amount 0 is a commission only (the opening fee). Kraken support ("How to interpret Ledger
 *   history fields"): several `margin` rows with the same refid in different assets are a
 *   liquidation — the loss taken from several collateral currencies. Decision: a `margin` row that
 *   leaves the venue balance below zero is a liquidation too (a voluntary close cannot go below
 *   zero; only a forced close past the bankruptcy price can). For a liquidation, the row's fee is
 *   the liquidation fee.
 * - `rollover`: the periodic margin charge (`fee`, amount usually 0) → margin interest
 *   (investment interest, Form 4952), never part of a position's result.
 * - `settled` rows (settling a position with own funds) are a spot trade; the ledgers spec maps
 *   them with the trade legs.
 * The ledger names no pair, so the contract is empty and Kraken's margin P/L rows form one PnL
 * stream per account (src/derivatives/build-positions.ts): each close with its opening fees since
 * the previous close. The `balance` column is kept as the venue's balance after the row: the
 * evidence of a deficit.
 */
import { ZERO, type Dec } from '../../../model/decimal.js';
import type { AssetCode } from '../../../model/asset.js';
import { derivativeDraft } from '../../derivative-draft.js';
import { events, reject, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { parseNumber } from '../../parse-number.js';

export interface MarginRow {
  readonly refid: string;
  readonly time: number;
  readonly type: string;
  readonly asset: AssetCode;
  readonly amount: Dec;
  readonly fee: Dec;
  readonly feeAsset: AssetCode;
  /** The `balance` cell as exported (text: pending rows leave it empty). */
  readonly balance: string;
}

export const ACCOUNT = 'margin';

function balanceOf(row: MarginRow): Dec | undefined {
  return row.balance.trim() === '' ? undefined : parseNumber(row.balance)?.value;
}

/** The `margin` / `rollover` rows of one refid → events. */
export function mapMarginRows(rows: readonly MarginRow[]): RowOutcome {
  const drafts: EventDraft[] = [];
  const margin = rows.filter((r) => r.type === 'margin');
  const assets = new Set(margin.filter((r) => !r.amount.isZero()).map((r) => r.asset));
  const belowZero = margin.some((r) => balanceOf(r)?.isNegative() === true);
  const liquidation = assets.size > 1 || belowZero;
  for (const row of rows) {
    if (row.fee.isNegative()) return reject('ROW_INCONSISTENT', `negative fee ${row.fee.toFixed()} ${row.feeAsset} in margin refid ${row.refid}`);
    if (row.balance.trim() !== '' && balanceOf(row) === undefined) {
      return reject('ROW_BAD_NUMBER', `cannot read "${row.balance}" as a number in column "balance"`);
    }
    const balanceAfter = balanceOf(row);
    const base = { instant: row.time, account: ACCOUNT, contract: '', asset: row.asset, balanceAfter, position: undefined };
    const fee = row.fee.isZero() ? undefined : { asset: row.feeAsset, amount: row.fee };
    if (row.type === 'rollover') {
      // Interest charged as the fee (amount normally 0): the whole balance change is interest.
      const paid = row.feeAsset === row.asset ? row.amount.minus(row.fee) : row.amount;
      drafts.push(derivativeDraft('margin-interest', { ...base, amount: paid, fee: row.feeAsset === row.asset ? undefined : fee, note: 'Kraken rollover' }));
      continue;
    }
    if (liquidation) {
      if (row.amount.isZero() && !fee) continue;
      drafts.push(derivativeDraft('liquidation', { ...base, amount: row.amount, fee, note: 'Kraken margin liquidation' }));
    } else if (row.amount.isZero()) {
      if (!fee) continue;
      drafts.push(derivativeDraft('commission', { ...base, amount: fee.asset === row.asset ? fee.amount.negated() : ZERO, fee: fee.asset === row.asset ? undefined : fee }));
    } else drafts.push(derivativeDraft('realized-pnl', { ...base, amount: row.amount, fee }));
  }
  if (drafts.length === 0) return reject('ROW_INCONSISTENT', `margin refid ${rows[0]?.refid ?? ''} changes no balance`);
  return events(...drafts);
}
