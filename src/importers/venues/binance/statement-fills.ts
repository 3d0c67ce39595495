/**
 * Splitting one second of Binance statement trade rows into its fills, when summing them into one
 * trade is not possible: fees paid in several assets, or several markets traded against one coin.
 *
 * A statement books every fill as its own rows — the coin paid (negative), the coin bought
 * (positive) and usually a fee row — all stamped with the same second, in no reliable order.
 * The peers split such a second into one trade per fill: BittyTax takes the first bought, sold
 * and fee row in file order for each trade (`_make_trade_with_fee`); rotki pairs the largest
 * bought with the largest sold and the largest fee, ranked by their USD value at that second
 * (`BinanceTradeEntry.process_trades`; its test file binance_history.csv, e.g. 2020-11-03 21:12:59:
 * 333.209174 EUR → 0.08345 ETH with the 0.00008345 ETH fee, 59.089888 EUR → 0.0148 ETH with the
 * 0.00009009 BNB fee). An importer has no prices, so taxlot ranks without them:
 *
 * - One coin paid and one bought (one market): fills of one market share a price, so their sizes
 *   rank alike — the largest paid row goes with the largest bought row, and so on (rotki's rule,
 *   price-free here because both sides are one coin each).
 * - One side a single coin (say EUR) and the other several coins (ETH, BTC): each bought row is
 *   given the EUR row that makes the fills of each market agree on one price. All assignments are
 *   tried (at most 8 fills); the best is taken only when its prices agree within 1 % and every
 *   other assignment disagrees by more than 5 % — otherwise (e.g. two markets with one fill each)
 *   nothing tells the fills apart and the second is rejected, as before.
 * - Fees: with one fee row per fill, fees in a coin of the trade go to the fills holding that coin
 *   and the rest to the others, each ranked by the fill's size on the single-coin side (a fee is a
 *   fixed share of the fill's value). Otherwise each fee coin's total goes to the largest fills in
 *   turn, and a fee coin left over is booked as a fee of its own.
 *
 * Every split keeps the second's totals: what left and arrived per coin is exactly the rows' sum.
 */
import { normalizeAsset, type AssetCode } from '../../../model/asset.js';
import { ZERO, type Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import type { EventDraft } from '../../importer-spec.js';
import type { GroupProblem, StatementRow } from './statement-groups.js';

interface Leg {
  readonly index: number;
  readonly asset: AssetCode;
  readonly amount: Dec;
}
interface Fill {
  sent: Leg;
  received: Leg;
  fee?: Quantity;
  /** Indexes of the group's rows this fill was made of. */
  rows: number[];
}

const MAX_FILLS = 8;
const AGREE = 0.01;
const DISAGREE = 0.05;

const byAmountDesc = (a: Leg, b: Leg): number => b.amount.comparedTo(a.amount) || a.index - b.index;
const assets = (legs: readonly Leg[]): Set<AssetCode> => new Set(legs.map((l) => l.asset));

/** Largest relative spread of the prices (common / other) within each market of an assignment. */
function spread(pairs: readonly (readonly [Leg, Leg])[]): number {
  const byAsset = new Map<AssetCode, number[]>();
  for (const [common, other] of pairs) {
    const ratio = common.amount.div(other.amount).toNumber(); // a ranking score only, never money
    byAsset.set(other.asset, [...(byAsset.get(other.asset) ?? []), ratio]);
  }
  let worst = 0;
  for (const ratios of byAsset.values()) worst = Math.max(worst, Math.max(...ratios) / Math.min(...ratios) - 1);
  return worst;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

/** Pair the single-coin side with the several-coin side so each market has one price. */
function pairByPrice(common: readonly Leg[], other: readonly Leg[]): (readonly [Leg, Leg])[] | undefined {
  if (common.length > MAX_FILLS) return undefined;
  const seen = new Map<string, { pairs: (readonly [Leg, Leg])[]; cost: number }>();
  for (const perm of permutations(common.length)) {
    const pairs = other.map((o, i) => [common[perm[i] as number] as Leg, o] as const);
    // assignments giving the same fills (equal amounts swapped) are one candidate
    const key = pairs.map(([c, o]) => `${o.asset}:${o.amount.toFixed()}:${c.amount.toFixed()}`).sort().join('|');
    if (!seen.has(key)) seen.set(key, { pairs, cost: spread(pairs) });
  }
  const ranked = [...seen.values()].sort((a, b) => a.cost - b.cost);
  const [best, second] = ranked;
  if (!best || best.cost > AGREE || (second && second.cost <= DISAGREE)) return undefined;
  return best.pairs;
}

function assignFees(fills: Fill[], fees: readonly Leg[], commonIsSent: boolean): EventDraft[] {
  const size = (f: Fill): Dec => (commonIsSent ? f.sent.amount : f.received.amount);
  const ranked = [...fills].sort((a, b) => size(b).comparedTo(size(a)) || a.sent.index - b.sent.index);
  const feeAssets = [...assets(fees)];
  const traded = (asset: AssetCode): boolean => fills.some((f) => f.sent.asset === asset || f.received.asset === asset);
  // coins of the trade first (they are tied to the fills holding them), then the rest, by name
  feeAssets.sort((a, b) => Number(traded(b)) - Number(traded(a)) || (a < b ? -1 : a > b ? 1 : 0));
  const extra: EventDraft[] = [];
  if (fees.length === fills.length) {
    for (const asset of feeAssets) {
      const rows = fees.filter((f) => f.asset === asset).sort(byAmountDesc);
      const free = ranked.filter((f) => !f.fee);
      const holding = free.filter((f) => f.sent.asset === asset || f.received.asset === asset);
      const targets = holding.length >= rows.length ? holding : free;
      rows.forEach((fee, i) => {
        const fill = targets[i];
        if (fill) {
          fill.fee = { asset, amount: fee.amount };
          fill.rows.push(fee.index);
        }
      });
    }
    return extra;
  }
  feeAssets.forEach((asset, i) => {
    const rows = fees.filter((f) => f.asset === asset);
    const amount = rows.reduce((s, f) => s.plus(f.amount), ZERO);
    const fill = ranked[i];
    if (fill) {
      fill.fee = { asset, amount };
      fill.rows.push(...rows.map((f) => f.index));
    } else {
      extra.push({ kind: 'fee', instant: 0, fee: { asset, amount }, note: 'Binance fee of a trade in the same second', groupRows: rows.map((f) => f.index) });
    }
  });
  return extra;
}

/**
 * One trade per fill, or why the second cannot be split; `undefined` when splitting is not needed.
 * @example splitFills([Buy EUR −333.209174, Fee BNB −0.00009009, Buy ETH +0.0148, Fee ETH −0.00008345, Buy EUR −59.089888, Buy ETH +0.08345], isFee, t)
 * // [333.209174 EUR → 0.08345 ETH fee 0.00008345 ETH, 59.089888 EUR → 0.0148 ETH fee 0.00009009 BNB]
 */
export function splitFills(
  rows: readonly StatementRow[],
  isFee: (row: StatementRow) => boolean,
  instant: number,
): EventDraft[] | GroupProblem | undefined {
  const sent: Leg[] = [];
  const received: Leg[] = [];
  const fees: Leg[] = [];
  rows.forEach((r, index) => {
    if (r.change.isZero()) return;
    const leg = { index, asset: normalizeAsset(r.coin), amount: r.change.abs() };
    if (isFee(r)) fees.push(leg);
    else (r.change.isPositive() ? received : sent).push(leg);
  });
  const [sentAssets, receivedAssets] = [assets(sent), assets(received)];
  if (sent.length === 0 || received.length === 0) return undefined;
  if (sentAssets.size === 1 && receivedAssets.size === 1 && assets(fees).size <= 1) return undefined;
  if (sentAssets.size > 1 && receivedAssets.size > 1) return undefined;
  const commonIsSent = sentAssets.size === 1;
  let fills: Fill[];
  if (sent.length !== received.length) {
    if (sentAssets.size > 1 || receivedAssets.size > 1) return undefined;
    // one market, fills not row-for-row (one order against several): one trade of the sums
    const total = (legs: readonly Leg[]): Leg => ({ index: legs[0]?.index ?? 0, asset: legs[0]?.asset ?? '', amount: legs.reduce((s, l) => s.plus(l.amount), ZERO) });
    fills = [{ sent: total(sent), received: total(received), rows: [...sent, ...received].map((l) => l.index) }];
  } else if (sentAssets.size === 1 && receivedAssets.size === 1) {
    const [s, r] = [[...sent].sort(byAmountDesc), [...received].sort(byAmountDesc)];
    fills = s.map((leg, i) => ({ sent: leg, received: r[i] as Leg, rows: [leg.index, (r[i] as Leg).index] }));
  } else {
    const pairs = commonIsSent ? pairByPrice(sent, received) : pairByPrice(received, sent);
    if (!pairs) {
      return {
        code: 'ROW_INCONSISTENT',
        message: `several markets traded in one second and their fills cannot be told apart by price (${rows.map((r) => `${r.change.toFixed()} ${r.coin}`).join(', ')})`,
        hint: 'import the Spot Trade History for these trades, or enter them with the taxlot generic format',
      };
    }
    fills = pairs.map(([common, other]) => ({
      ...(commonIsSent ? { sent: common, received: other } : { sent: other, received: common }),
      rows: [common.index, other.index],
    }));
  }
  const extra = assignFees(fills, fees, commonIsSent).map((e) => ({ ...e, instant }));
  const trades: EventDraft[] = fills
    .sort((a, b) => Math.min(a.sent.index, a.received.index) - Math.min(b.sent.index, b.received.index))
    .map((f) => ({
      kind: 'trade',
      instant,
      sent: { asset: f.sent.asset, amount: f.sent.amount },
      received: { asset: f.received.asset, amount: f.received.amount },
      ...(f.fee ? { fee: f.fee } : {}),
      groupRows: [...f.rows].sort((a, b) => a - b),
    }));
  return [...trades, ...extra];
}
