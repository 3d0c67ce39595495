/**
 * Kraken ledger `earn` rows with an empty `subtype` (the 2024 layout, with a `wallet` column).
 *
 * From 2024 Kraken books Earn movements as `earn` rows without a subtype and with the refid
 * `Unknown`; the `wallet` column says where the coins are (`spot / main`, `earn / bonded`,
 * `earn / flexible`, …). everytrade's KrakenParserTest (`testEarning`) shows the layout:
 *
 *     "L7PGI7-…","Unknown","2024-03-05 13:51:57","earn","","currency","SOL03.S","spot / main",-137.0251478900,0,0
 *     "LXCM3R-…","Unknown","2024-03-05 13:51:57","earn","","currency","SOL","earn / bonded",137.0251478900,0,137.02…
 *     "LSTF54-…","Unknown","2024-03-09 21:24:46","earn","","currency","SOL","earn / bonded",0.1260782174,0.0327803365,137.1184457709
 *
 * The first two rows are one allocation (the coins leave `spot / main` and arrive in
 * `earn / bonded` in the same second): an internal move. The third is a reward credited to the
 * earn wallet, gross, with Kraken's commission as `fee` (balance 137.0251478900 + 0.1260782174 −
 * 0.0327803365 = 137.1184457709): income of 0.1260782174 SOL with a fee of 0.0327803365 SOL.
 *
 * Rule: rows of one group (a refid, or for `Unknown` the same second and asset) whose amounts
 * cancel pairwise (−x out of one wallet, +x into another) are an internal move → skipped. An
 * unpaired credit into an `earn / …` wallet is a reward → income staking (decision, as for
 * subtype `reward`), its fee attached. Without a `wallet` column (older files) or for an unpaired
 * credit to a spot wallet, BittyTax's rule applies: a fee means a reward, no fee an internal move.
 * An unpaired debit is coins leaving for another Kraken wallet (its other side outside the export)
 * → skipped, its fee (if any) a fee disposal.
 */
import type { Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { events, skip, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { krakenAsset } from './assets.js';

export interface EarnRow {
  readonly time: number;
  readonly asset: string;
  /** `undefined` when the file has no `wallet` column. */
  readonly wallet: string | undefined;
  readonly amount: Dec;
  readonly fee: Dec | undefined;
  readonly feeQuantity: Quantity | undefined;
  readonly received: Quantity;
}

const isEarnWallet = (wallet: string | undefined): boolean => wallet !== undefined && /^earn\b/i.test(wallet.trim());

/** Indexes of rows paired with an opposite row of the same asset and magnitude. */
function pairedRows(rows: readonly EarnRow[]): Set<number> {
  const paired = new Set<number>();
  rows.forEach((out, i) => {
    if (!out.amount.isNegative() || paired.has(i)) return;
    const j = rows.findIndex(
      (inn, k) => k !== i && !paired.has(k) && inn.amount.isPositive() && inn.amount.equals(out.amount.negated()) && krakenAsset(inn.asset) === krakenAsset(out.asset),
    );
    if (j >= 0) paired.add(i).add(j);
  });
  return paired;
}

/** One outcome for a group of `earn` rows with an empty subtype (see the module comment). */
export function mapUntypedEarn(rows: readonly EarnRow[]): RowOutcome {
  const paired = pairedRows(rows);
  const drafts: EventDraft[] = [];
  rows.forEach((row, i) => {
    if (paired.has(i) || row.amount.isZero()) return;
    const hasFee = row.fee !== undefined && !row.fee.isZero();
    const fee = hasFee && row.feeQuantity ? { fee: row.feeQuantity } : {};
    if (row.amount.isPositive() && (isEarnWallet(row.wallet) || hasFee)) {
      drafts.push({ kind: 'income', incomeKind: 'staking', instant: row.time, received: row.received, ...fee, note: 'Kraken Earn reward' });
    } else if (hasFee && row.feeQuantity) {
      drafts.push({ kind: 'fee', instant: row.time, fee: row.feeQuantity, note: 'fee of a Kraken Earn move' });
    }
  });
  if (drafts.length > 0) return events(...drafts);
  return skip(
    paired.size > 0
      ? 'Kraken Earn allocation/deallocation: the same coins moved between the spot and earn wallets'
      : 'Kraken Earn move without subtype: coins moved between Kraken wallets (the other side is outside this export)',
  );
}
