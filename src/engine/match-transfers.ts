/**
 * Pairing withdrawals and deposits into transfers between the user's own wallets.
 *
 * A transfer is not taxable: the lots keep their basis and acquisition date. Rules, in order:
 *  1. same transaction hash (case-insensitive), same asset, different wallets, deposit amount not
 *     above the withdrawal amount;
 *  2. otherwise the heuristic: same asset, different wallets, the deposit arrives between
 *     `backwardMs` before and `windowMs` after the withdrawal, and its amount is at most the
 *     withdrawal amount and at least `(1 − tolerance)` of it. Among candidates the closest in
 *     time wins, then the closest in amount, then content (content-order.ts), then source order.
 * Each row is used once. Withdrawals are taken in time order, so results are deterministic.
 *
 * A paired transfer is normalised so that `sent == received`: the amount that went missing on the
 * way (withdrawal − deposit) becomes part of the fee, which the engine disposes of as a network fee
 * (docs/contract.md: "A network fee paid on a transfer is a disposal of the fee units").
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isFiat } from '../model/asset.js';
import { Dec, share } from '../model/decimal.js';
import type { DepositEvent, LedgerEvent, Quantity, TransferEvent, WithdrawalEvent } from '../model/ledger-event.js';
import { omitFields, withFields } from '../model/copy-fields.js';
import { compareSourceRefs } from '../model/source-ref.js';
import { compareEventContent } from './content-order.js';

export interface TransferMatching {
  /** Latest arrival after the withdrawal, ms. */
  readonly windowMs: number;
  /** Earliest arrival before the withdrawal (clock differences between venues), ms. */
  readonly backwardMs: number;
  /** Largest share of the withdrawal that may go missing on the way (network fee), e.g. 0.01. */
  readonly tolerance: Dec;
}

export const DEFAULT_TRANSFER_MATCHING: TransferMatching = {
  windowMs: 48 * 3_600_000,
  backwardMs: 3_600_000,
  tolerance: new Dec('0.01'),
};

export interface TransferMatchResult {
  readonly events: LedgerEvent[];
  readonly diagnostics: Diagnostic[];
}

// same-instant rows by content, not by file name (content-order.ts); the source only makes it total
const byTime = (a: LedgerEvent, b: LedgerEvent): number =>
  a.instant - b.instant || compareEventContent(a, b) || compareSourceRefs(a.source, b.source);

export function matchTransfers(events: readonly LedgerEvent[], rules: TransferMatching = DEFAULT_TRANSFER_MATCHING): TransferMatchResult {
  const paired = pairTransfers(events, rules);
  const out: LedgerEvent[] = [];
  for (const e of events) out.push(...paired.outcome(e));
  return { events: out, diagnostics: paired.diagnostics };
}

/** Whether an event can be one side of a transfer (a withdrawal or deposit of a crypto asset). */
export function isTransferCandidate(e: LedgerEvent): boolean {
  return (e.kind === 'withdrawal' && !isFiat(e.sent.asset)) || (e.kind === 'deposit' && !isFiat(e.received.asset));
}

/** The pairs found among a history's withdrawals and deposits, and what each event becomes. */
export interface TransferPairing {
  readonly diagnostics: Diagnostic[];
  /**
   * What an event becomes: a paired withdrawal its transfer (and the units lost on the way as a
   * fee of their own, when the fee is in another asset), a paired deposit nothing, a stated
   * transfer normalised, any other event itself.
   */
  outcome(e: LedgerEvent): LedgerEvent[];
  /**
   * The caller will not ask `outcome(e)` again: what the pairing holds for `e` alone is let go (a
   * paired withdrawal's pair, a paired deposit's mark), so that a history streamed in time order
   * does not hold every pair to its end. The other side's outcome is unchanged.
   */
  release(e: LedgerEvent): void;
}

/**
 * Pair the transfer candidates among `events` (other events are ignored, so a caller may pass only
 * the candidates: `isTransferCandidate`). Each event's result is then `outcome(event)`.
 */
export function pairTransfers(events: readonly LedgerEvent[], rules: TransferMatching = DEFAULT_TRANSFER_MATCHING): TransferPairing {
  const diagnostics: Diagnostic[] = [];
  const withdrawals = events.filter((e): e is WithdrawalEvent => e.kind === 'withdrawal' && !isFiat(e.sent.asset)).sort(byTime);
  const deposits = events.filter((e): e is DepositEvent => e.kind === 'deposit' && !isFiat(e.received.asset)).sort(byTime);
  const used = new Set<DepositEvent>();
  const pairs = new Map<WithdrawalEvent, { deposit: DepositEvent; by: 'tx-hash' | 'heuristic' }>();

  const hashOf = (e: LedgerEvent): string | undefined => e.txHash?.trim().toLowerCase() || undefined;
  const byHash = new Map<string, DepositEvent[]>();
  for (const d of deposits) {
    const h = hashOf(d);
    if (h) byHash.set(h, [...(byHash.get(h) ?? []), d]);
  }
  for (const w of withdrawals) {
    const h = hashOf(w);
    if (!h) continue;
    const candidates = (byHash.get(h) ?? []).filter((d) => !used.has(d) && d.wallet !== w.wallet);
    const fit = candidates.find((d) => d.received.asset === w.sent.asset && d.received.amount.lessThanOrEqualTo(w.sent.amount));
    if (fit) {
      used.add(fit);
      pairs.set(w, { deposit: fit, by: 'tx-hash' });
    } else if (candidates.length > 0) {
      diagnostics.push(
        diagnostic('TRANSFER_MISMATCH', `a deposit shares transaction hash ${w.txHash} but not the asset or a compatible amount`, w.source),
      );
    }
  }
  // Deposits by asset, in time order: each withdrawal looks only at its own window (binary
  // search to its start), so matching stays O(n log n) however long the history.
  const depositsByAsset = new Map<string, DepositEvent[]>();
  for (const d of deposits) {
    const list = depositsByAsset.get(d.received.asset);
    if (list) list.push(d);
    else depositsByAsset.set(d.received.asset, [d]);
  }
  const keep = new Dec(1).minus(rules.tolerance);
  for (const w of withdrawals) {
    if (pairs.has(w)) continue;
    const list = depositsByAsset.get(w.sent.asset);
    if (!list) continue;
    const min = w.sent.amount.times(keep);
    const from = w.instant - rules.backwardMs;
    const to = w.instant + rules.windowMs;
    let best: DepositEvent | undefined;
    for (let i = firstAtOrAfter(list, from); i < list.length; i++) {
      const d = list[i] as DepositEvent;
      if (d.instant > to) break;
      if (used.has(d) || d.wallet === w.wallet) continue;
      if (d.received.amount.greaterThan(w.sent.amount) || d.received.amount.lessThan(min)) continue;
      if (!best || isCloser(w, d, best)) best = d;
    }
    if (best) {
      used.add(best);
      pairs.set(w, { deposit: best, by: 'heuristic' });
    }
  }

  const outcome = (e: LedgerEvent): LedgerEvent[] => {
    if (e.kind === 'deposit' && used.has(e)) return [];
    if (e.kind === 'withdrawal') {
      const pair = pairs.get(e);
      if (pair) return toTransfer(e, pair.deposit, pair.by);
    }
    return e.kind === 'transfer' ? normalizeTransfer(e) : [e];
  };
  const release = (e: LedgerEvent): void => {
    if (e.kind === 'withdrawal') pairs.delete(e);
    else if (e.kind === 'deposit') used.delete(e);
  };
  return { diagnostics, outcome, release };
}

/** Index of the first event at or after `instant` in a time-sorted list. */
function firstAtOrAfter(list: readonly LedgerEvent[], instant: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as LedgerEvent).instant < instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isCloser(w: WithdrawalEvent, d: DepositEvent, best: DepositEvent): boolean {
  const dt = Math.abs(d.instant - w.instant) - Math.abs(best.instant - w.instant);
  if (dt !== 0) return dt < 0;
  const c = w.sent.amount.minus(d.received.amount).comparedTo(w.sent.amount.minus(best.received.amount));
  if (c !== 0) return c < 0;
  return (compareEventContent(d, best) || compareSourceRefs(d.source, best.source)) < 0;
}

/** The withdrawal and the deposit as one transfer (also for a pair the user states: `by` 'stated'). */
export function toTransfer(w: WithdrawalEvent, d: DepositEvent, by: 'tx-hash' | 'heuristic' | 'stated'): LedgerEvent[] {
  const sent = w.sent;
  const received: Quantity = d.received.value || !sent.value ? d.received : withFields(d.received, { value: scale(sent, d.received.amount) });
  return normalizeTransfer(
    withFields(omitFields(w, ['kind', 'sent']), {
      kind: 'transfer' as const,
      toWallet: d.wallet,
      sent,
      received,
      counterpart: d.source,
      extraSources: [...(w.extraSources ?? []), d.source, ...(d.extraSources ?? [])],
      matchedBy: by,
    }),
  );
}

function scale(q: Quantity, amount: Dec): { amount: Dec; currency: string } {
  const v = q.value as { amount: Dec; currency: string };
  return { amount: share(v.amount, amount, q.amount), currency: v.currency };
}

/**
 * Fold the amount lost on the way into the fee so that `sent == received`. When the stated fee is
 * in another asset (gas in ETH while a token lost units), the lost units become a fee event of
 * their own.
 */
export function normalizeTransfer(t: TransferEvent): LedgerEvent[] {
  const lost = t.sent.amount.minus(t.received.amount);
  if (lost.isZero()) return [t];
  const sent: Quantity = { ...t.sent, amount: t.received.amount, ...(t.sent.value ? { value: scale(t.sent, t.received.amount) } : {}) };
  const lostUnits: Quantity = { asset: t.sent.asset, amount: lost, ...(t.sent.value ? { value: scale(t.sent, lost) } : {}) };
  if (t.fee && t.fee.asset !== t.sent.asset) {
    const base = omitFields(t, ['kind', 'toWallet', 'sent', 'received', 'counterpart', 'matchedBy', 'fee']);
    return [{ ...t, sent }, withFields(base, { kind: 'fee' as const, id: `${t.id}#lost`, fee: lostUnits })];
  }
  let fee = lostUnits;
  if (t.fee) {
    const total = t.fee.amount.plus(lost);
    const value = t.sent.value ? scale(t.sent, total) : t.fee.value ? scale(t.fee, total) : undefined;
    fee = { asset: t.sent.asset, amount: total, ...(value ? { value } : {}) };
  }
  return [withFields(t, { sent, fee })];
}
