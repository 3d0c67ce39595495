/**
 * Kraken ledger rows sharing one `refid` (type `trade`, or `spend`/`receive` from Buy Crypto) →
 * one trade event.
 *
 * Each row is one asset's change: `amount` is signed and excludes `fee`, which is deducted in
 * addition (Kraken support, "How to interpret Ledger history fields"). Amounts of the same asset
 * are summed (a partial fill can book several rows); the asset that went down is `sent`, the one
 * that went up `received`. A row with amount 0 only carries a fee (e.g. `KFEE` fee credits).
 * Fees are summed per asset; the trade carries one of them (preferring the sent or received
 * asset), any other fee asset becomes a separate `fee` event.
 */
import type { AssetCode } from '../../../model/asset.js';
import { ZERO, type Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { events, reject, type EventDraft, type RowOutcome } from '../../importer-spec.js';

/** One ledger row of a trade group, with assets already normalised. */
export interface TradeLeg {
  readonly instant: number;
  readonly asset: AssetCode;
  readonly amount: Dec;
  /** USD value Kraken states for `amount` (`amountusd`, newer layouts). */
  readonly amountUsd?: Dec;
  readonly feeAsset: AssetCode;
  readonly fee: Dec;
  readonly feeUsd?: Dec;
}

interface Total {
  readonly asset: AssetCode;
  amount: Dec;
  usd: Dec | undefined;
  /** More than one row added up: the sums are decimal.js results, not values read from cells. */
  summed: boolean;
}

/**
 * Sum per asset, in the order each asset first appears; a USD value survives only if every row of
 * the asset states one. A list, not a Map: a trade has two or three assets, and this runs once per
 * trade of the history.
 */
function accumulate(totals: Total[], asset: AssetCode, amount: Dec, usd: Dec | undefined): void {
  for (const t of totals) {
    if (t.asset !== asset) continue;
    t.amount = t.amount.plus(amount);
    t.usd = t.usd && usd ? t.usd.plus(usd) : undefined;
    t.summed = true;
    return;
  }
  totals.push({ asset, amount, usd, summed: false });
}

/**
 * `value.abs()`, or the value itself when it is one read from a cell and not negative: the same
 * value (decimal.js values are never changed), without a copy. A sum is copied by `abs()` either
 * way, which also leaves its digit array at its exact length for the rest of the run.
 */
function magnitude(value: Dec, summed: boolean): Dec {
  return summed || value.isNegative() ? value.abs() : value;
}

function quantity(total: Total): Quantity {
  const { asset } = total;
  const amount = magnitude(total.amount, total.summed);
  // A USD value of a USD amount says nothing new.
  return total.usd && asset !== 'USD' ? { asset, amount, value: { amount: magnitude(total.usd, total.summed), currency: 'USD' } } : { asset, amount };
}

export function mapTradeLegs(refid: string, legs: readonly TradeLeg[]): RowOutcome {
  const byAsset: Total[] = [];
  const fees: Total[] = [];
  let instant = Infinity;
  for (const leg of legs) {
    if (leg.fee.isNegative()) return reject('ROW_INCONSISTENT', `negative fee ${leg.fee.toFixed()} ${leg.feeAsset} in trade ${refid}`);
    if (!leg.amount.isZero()) accumulate(byAsset, leg.asset, leg.amount, leg.amountUsd);
    if (!leg.fee.isZero()) accumulate(fees, leg.feeAsset, leg.fee, leg.feeUsd);
    if (leg.instant < instant) instant = leg.instant;
  }
  let s: Total | undefined;
  let r: Total | undefined;
  let sent = 0;
  let received = 0;
  for (const t of byAsset) {
    if (t.amount.isNegative()) {
      sent++;
      s = t;
    } else if (t.amount.greaterThan(ZERO)) {
      received++;
      r = t;
    }
  }
  if (sent !== 1 || received !== 1 || !s || !r) {
    const seen = byAsset.map((t) => `${t.amount.toFixed()} ${t.asset}`).join(', ') || 'no amounts';
    return reject('ROW_INCONSISTENT', `trade ${refid} needs one asset going out and one coming in; its rows give ${seen}`);
  }
  const sentAsset = s.asset;
  const receivedAsset = r.asset;
  // stable: fees of the same rank keep the order of their first row
  const feeList = fees.length > 1 ? [...fees].sort((a, b) => rank(a.asset, sentAsset, receivedAsset) - rank(b.asset, sentAsset, receivedAsset)) : fees;
  const trade: EventDraft = {
    kind: 'trade',
    instant,
    sent: quantity(s),
    received: quantity(r),
    ...(feeList.length > 0 ? { fee: quantity(feeList[0] as Total) } : {}),
  };
  if (feeList.length < 2) return events(trade);
  return events(trade, ...feeList.slice(1).map((t): EventDraft => ({ kind: 'fee', instant, fee: quantity(t), note: `trade fee of ${refid}` })));
}

/** Fee order: sent asset first, then received asset, then any other. */
function rank(asset: AssetCode, sent: AssetCode, received: AssetCode): number {
  return asset === sent ? 0 : asset === received ? 1 : 2;
}
