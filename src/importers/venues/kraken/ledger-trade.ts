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
  amount: Dec;
  usd: Dec | undefined;
}

/** Sum per asset; a USD value survives only if every row of the asset states one. */
function accumulate(map: Map<AssetCode, Total>, asset: AssetCode, amount: Dec, usd: Dec | undefined): void {
  const t = map.get(asset);
  if (!t) map.set(asset, { amount, usd });
  else map.set(asset, { amount: t.amount.plus(amount), usd: t.usd && usd ? t.usd.plus(usd) : undefined });
}

function quantity(asset: AssetCode, total: Total): Quantity {
  const amount = total.amount.abs();
  // A USD value of a USD amount says nothing new.
  return total.usd && asset !== 'USD' ? { asset, amount, value: { amount: total.usd.abs(), currency: 'USD' } } : { asset, amount };
}

export function mapTradeLegs(refid: string, legs: readonly TradeLeg[]): RowOutcome {
  const byAsset = new Map<AssetCode, Total>();
  const fees = new Map<AssetCode, Total>();
  for (const leg of legs) {
    if (leg.fee.isNegative()) return reject('ROW_INCONSISTENT', `negative fee ${leg.fee.toFixed()} ${leg.feeAsset} in trade ${refid}`);
    if (!leg.amount.isZero()) accumulate(byAsset, leg.asset, leg.amount, leg.amountUsd);
    if (!leg.fee.isZero()) accumulate(fees, leg.feeAsset, leg.fee, leg.feeUsd);
  }
  const sent = [...byAsset].filter(([, t]) => t.amount.isNegative());
  const received = [...byAsset].filter(([, t]) => t.amount.greaterThan(ZERO));
  const [s] = sent;
  const [r] = received;
  if (sent.length !== 1 || received.length !== 1 || !s || !r) {
    const seen = [...byAsset].map(([a, t]) => `${t.amount.toFixed()} ${a}`).join(', ') || 'no amounts';
    return reject('ROW_INCONSISTENT', `trade ${refid} needs one asset going out and one coming in; its rows give ${seen}`);
  }
  const instant = Math.min(...legs.map((l) => l.instant));
  const feeList = [...fees].sort(([a], [b]) => rank(a, s[0], r[0]) - rank(b, s[0], r[0]));
  const [mainFee, ...otherFees] = feeList.map(([asset, total]) => quantity(asset, total));
  const trade: EventDraft = {
    kind: 'trade',
    instant,
    sent: quantity(s[0], s[1]),
    received: quantity(r[0], r[1]),
    ...(mainFee ? { fee: mainFee } : {}),
  };
  return events(trade, ...otherFees.map((fee): EventDraft => ({ kind: 'fee', instant, fee, note: `trade fee of ${refid}` })));
}

/** Fee order: sent asset first, then received asset, then any other. */
function rank(asset: AssetCode, sent: AssetCode, received: AssetCode): number {
  return asset === sent ? 0 : asset === received ? 1 : 2;
}
