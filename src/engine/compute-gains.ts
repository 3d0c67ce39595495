/**
 * The cost-basis engine: priced events in, disposals, income, removals and open lots out.
 *
 * Pure: the input is not mutated; the same input gives the same output. Events are processed in
 * the order (instant, content, file, line, id) — same-instant events by what they say (content-order.ts). Every rule
 * applied here is stated in src/engine/README.md with its source; in short:
 *  - a trade disposes of what was sent and acquires what was received; proceeds are the value of
 *    what was received less fees not paid in the sent asset; a fee in a third crypto asset is a
 *    disposal of those units at market value (contract, "Fees");
 *  - lots are matched universally before `perWalletFrom` (2025-01-01) and per wallet from then
 *    on, with a one-time reallocation of lots to wallets at the boundary (Rev. Proc. 2024-28);
 *  - units disposed of that no lot covers are a missing-basis slice with zero basis, short-term,
 *    and a warning — never an exception.
 */
import { BoundedDiagnostics } from '../diagnostics/bounded-diagnostics.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { isFiat, type AssetCode } from '../model/asset.js';
import { divide, share, ZERO, type Dec } from '../model/decimal.js';
import type { DisposalKind } from '../model/disposal.js';
import type { LedgerEvent, StatedBasis } from '../model/ledger-event.js';
import { toLocalDate, yearOf, type LocalDate } from '../model/local-date.js';
import type { LotOrigin } from '../model/lot.js';
import type { Money, PriceSource } from '../model/money.js';
import { formatSourceRef, type SourceRef } from '../model/source-ref.js';
import type { PricedEvent } from '../pricing/price-events.js';
import { heldEffect } from '../derivatives/settlement.js';
import { Balances } from './balances.js';
import { inBookingOrder } from './booking-order.js';
import { LOT_ORDER } from './booking-methods.js';
import type { Allocation, BookingPolicy, GainsResult, IncomeRecord, Overdraft, RemovalRecord } from './gains-result.js';
import { Inventory, newLot, type Reallocation, type Taken } from './inventory.js';
import { KeptYears } from './kept-years.js';
import { methodOn } from './method-schedule.js';
import type { BookingMethod } from './booking-methods.js';
import { sliceDisposal } from './slice-disposal.js';
import { checkAllocation } from './stated-allocation.js';

/** Events booked between two `onBooked` calls: often enough for a display, rare enough to cost nothing. */
const BOOK_PROGRESS_EVERY = 8192;

export type { Allocation, BookingPolicy, GainsResult, IncomeRecord, LotScope, Overdraft, RemovalRecord, RemovedPiece } from './gains-result.js';

/**
 * Match disposals to lots and compute gains. `events` may be handed over (`model/hand-over.ts`):
 * the engine then holds the only reference to them and lets each go once booked, so that a long
 * history is freed as the run goes instead of after it. The input array itself is never changed.
 * @example
 * const result = computeGains(priced, { method: 'FIFO', lotScope: 'auto', perWalletFrom: '2025-01-01', timezone: 'UTC' });
 */
export function computeGains(events: readonly PricedEvent[] | (() => readonly PricedEvent[]), policy: BookingPolicy): GainsResult {
  const run = new Run(policy);
  const sorted: (PricedEvent | undefined)[] = inBookingOrder(events);
  for (let i = 0; i < sorted.length; i++) {
    const priced = sorted[i] as PricedEvent;
    sorted[i] = undefined; // booked: nothing of the run needs the event itself any more
    run.apply(priced);
    if (policy.onBooked && (i + 1) % BOOK_PROGRESS_EVERY === 0) policy.onBooked(i + 1, sorted.length);
  }
  policy.onBooked?.(sorted.length, sorted.length);
  return run.finish();
}


class Run {
  private readonly inventory: Inventory;
  private readonly balances = new Balances();
  private readonly income: IncomeRecord[] = [];
  private readonly removals: RemovalRecord[] = [];
  private readonly overdrafts: Overdraft[] = [];
  /** Bounded per file and message shape, as the importers bound theirs (bounded-diagnostics.ts). */
  private readonly diagnostics = new BoundedDiagnostics({ byFile: true });
  private reallocations: Reallocation[] = [];
  private allocation: Allocation | undefined;
  private transitioned = false;
  private allocationApplied = false;
  private seq = 0;
  private readonly kept: KeptYears;
  /** The method lots are taken in now (a schedule's changes switch it). */
  private method: BookingMethod;

  constructor(private readonly policy: BookingPolicy) {
    this.method = policy.methodSchedule?.[0]?.method ?? policy.method;
    this.inventory = new Inventory(LOT_ORDER[this.method]);
    this.kept = new KeptYears(policy, policy.yearEndSnapshots ? () => this.inventory.snapshot() : undefined);
  }

  apply({ event: e, values }: PricedEvent): void {
    const date = toLocalDate(e.instant, this.policy.timezone);
    this.kept.enter(yearOf(date));
    if (this.policy.methodSchedule) this.switchMethod(methodOn(this.policy.methodSchedule, date));
    if (this.policy.lotScope === 'auto' && !this.transitioned && date >= this.policy.perWalletFrom) this.transition(e.source);
    const ctx: Ctx = { e, date };
    const fee = e.fee;
    const feeValue = values.fee?.amount ?? ZERO;
    switch (e.kind) {
      case 'trade': {
        const { sent, received } = e;
        const value = values.received as Money;
        if (isFiat(sent.asset) && isFiat(received.asset)) {
          this.diagnostics.push(diagnostic('FIAT_CONVERSION', `${sent.asset} → ${received.asset} conversion`, e.source));
          return;
        }
        const feeInSent = fee?.asset === sent.asset;
        const feeInReceived = fee?.asset === received.asset;
        if (!isFiat(sent.asset)) {
          const units = feeInSent ? sent.amount.plus((fee as { amount: Dec }).amount) : sent.amount;
          const proceeds = fee && !feeInSent ? value.amount.minus(feeValue) : value.amount;
          const kind: DisposalKind = isFiat(received.asset) ? 'sale' : 'trade';
          const costs = fee && !feeInSent ? feeValue : ZERO;
          this.dispose(ctx, kind, e.wallet, sent.asset, units, proceeds, value.source, `${received.amount.toFixed()} ${received.asset}`, costs);
        }
        if (!isFiat(received.asset)) {
          const units = feeInReceived ? received.amount.minus((fee as { amount: Dec }).amount) : received.amount;
          const basis = isFiat(sent.asset)
            ? value.amount.plus(fee && !feeInReceived ? feeValue : ZERO)
            : value.amount.minus(feeInReceived ? feeValue : ZERO);
          if (units.greaterThan(0)) this.acquire(ctx, e.wallet, received.asset, units, basis, true, isFiat(sent.asset) ? 'purchase' : 'trade');
          else this.diagnostics.push(diagnostic('ROW_INCONSISTENT', `the fee takes all ${received.asset} received`, e.source));
        }
        if (fee && !feeInSent && !feeInReceived) this.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
        return;
      }
      case 'deposit': {
        if (isFiat(e.received.asset)) return;
        const units = fee?.asset === e.received.asset ? e.received.amount.minus(fee.amount) : e.received.amount;
        if (e.stated) {
          if (units.greaterThan(0)) this.acquireStated(ctx, e.wallet, e.received.asset, units, e.stated, values.received);
          if (fee && fee.asset !== e.received.asset) this.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
          return;
        }
        const par = units.greaterThan(0) ? this.parBasis(e.received.asset, units, e.instant) : undefined;
        if (par) this.parNote(ctx, `deposit of ${e.received.amount.toFixed()} ${e.received.asset} into ${e.wallet} has no matching withdrawal`, units, e.received.asset, par);
        else {
          this.diagnostics.push(
            diagnostic(
              'DEPOSIT_UNMATCHED',
              `deposit of ${e.received.amount.toFixed()} ${e.received.asset} into ${e.wallet} has no matching withdrawal: a lot of unknown basis`,
              e.source,
            ),
          );
        }
        if (units.greaterThan(0)) this.acquireUnknown(ctx, e.wallet, e.received.asset, units, par);
        if (fee && fee.asset !== e.received.asset) this.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
        return;
      }
      case 'withdrawal': {
        if (!isFiat(e.sent.asset)) {
          this.diagnostics.push(
            diagnostic(
              'WITHDRAWAL_UNMATCHED',
              `withdrawal of ${e.sent.amount.toFixed()} ${e.sent.asset} from ${e.wallet} has no matching deposit: assumed moved to an untracked wallet`,
              e.source,
            ),
          );
          this.remove(ctx, 'unmatched-withdrawal', e.wallet, e.sent.asset, e.sent.amount, values.sent);
        }
        if (fee) this.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
        return;
      }
      case 'transfer': {
        if (e.toWallet !== e.wallet && !isFiat(e.sent.asset)) {
          const held = this.balances.get(e.wallet, e.sent.asset);
          const heldNow = held.greaterThan(0) ? held : ZERO;
          const moved = this.inventory.move(e.sent.asset, e.wallet, e.toWallet, e.sent.amount, !this.perWallet(date), heldNow);
          const par = moved.uncovered.greaterThan(0) ? this.parBasis(e.sent.asset, moved.uncovered, e.instant) : undefined;
          if (e.sent.amount.greaterThan(heldNow)) this.overdraft(ctx, e.sent, e.wallet, e.toWallet, heldNow, par !== undefined);
          this.changeBalance(ctx, e.wallet, e.sent.asset, e.sent.amount.negated());
          this.changeBalance(ctx, e.toWallet, e.sent.asset, e.sent.amount);
          if (moved.uncovered.greaterThan(0)) {
            // Units no lot of the source covers (history missing there, or sent beyond what it held):
            // they arrive without basis, and stay of unknown basis through every later move.
            if (par) this.parNote(ctx, `transfer of ${e.sent.amount.toFixed()} ${e.sent.asset} from ${e.wallet} to ${e.toWallet} brings units its source did not hold`, moved.uncovered, e.sent.asset, par);
            this.acquireUnknown(ctx, e.toWallet, e.sent.asset, moved.uncovered, par, false);
          }
        }
        if (fee) this.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
        return;
      }
      case 'income': {
        const value = values.received as Money;
        this.income.push({
          id: e.id, kind: e.incomeKind, wallet: e.wallet, asset: e.received.asset, quantity: e.received.amount,
          value: value.amount, valueSource: value.source, instant: e.instant, date, source: e.source,
        });
        if (!isFiat(e.received.asset)) {
          const units = fee?.asset === e.received.asset ? e.received.amount.minus(fee.amount) : e.received.amount;
          if (units.greaterThan(0)) this.acquire(ctx, e.wallet, e.received.asset, units, value.amount, true, 'income');
        }
        if (fee && fee.asset !== e.received.asset) this.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
        return;
      }
      case 'acquisition': {
        if (isFiat(e.received.asset)) return;
        // a loan: the units borrowed, at market value (hard-fork coins are income: Rev. Rul. 2019-24)
        const basis = (values.received as Money | undefined)?.amount ?? ZERO;
        this.acquire(ctx, e.wallet, e.received.asset, e.received.amount, basis, true, e.acquisitionKind);
        if (fee) this.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
        return;
      }
      case 'removal': {
        if (!isFiat(e.sent.asset)) this.remove(ctx, e.removalKind, e.wallet, e.sent.asset, e.sent.amount, values.sent);
        if (fee) this.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
        return;
      }
      case 'spend': {
        const value = values.sent as Money;
        const feeInSent = fee?.asset === e.sent.asset;
        if (!isFiat(e.sent.asset)) {
          const units = feeInSent ? e.sent.amount.plus((fee as { amount: Dec }).amount) : e.sent.amount;
          const proceeds = fee && !feeInSent ? value.amount.minus(feeValue) : value.amount;
          this.dispose(ctx, 'spend', e.wallet, e.sent.asset, units, proceeds, value.source, e.spendKind, fee && !feeInSent ? feeValue : ZERO);
        }
        if (fee && !feeInSent) this.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
        return;
      }
      case 'fee':
        this.payFee(ctx, e.wallet, e.fee.asset, e.fee.amount, values.fee);
        return;
      case 'conversion':
        this.convert(ctx, e.wallet, e.sent.asset, e.sent.amount, e.received.asset, e.received.amount);
        if (fee) this.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
        return;
      default: {
        // every remaining kind is a derivative row (DerivativeEvent); a new kind of another sort
        // would not type-check here, so none can be forgotten
        // Derivative settlement (src/derivatives/README.md): the position's gain or loss is a
        // Form 8949 line of its own; here only the settlement asset's units move — credited units
        // are an acquisition at market value, debited units a disposal at market value. Units
        // beyond the venue's zero are a debt, not a negative lot (heldEffect).
        const held = heldEffect(e);
        if (!isFiat(e.asset) && held.greaterThan(0)) {
          const value = values.received as Money;
          this.acquire(ctx, e.wallet, e.asset, held, value.amount, true, e.kind === 'margin-loan' ? 'loan' : 'derivative');
        } else if (!isFiat(e.asset) && held.isNegative()) {
          const value = values.sent as Money;
          // A USD-pegged stablecoin counted at 1.00 is cash here (contract: stablecoins count at
          // 1.00 USD): paying a loss, fee or funding in it is not a Form 8949 line of its own.
          if (value.source === 'stablecoin') this.remove(ctx, 'settlement', e.wallet, e.asset, held.negated());
          else this.dispose(ctx, 'settlement', e.wallet, e.asset, held.negated(), value.amount, value.source, `${e.kind} ${e.contract}`.trim());
        }
        if (fee && fee.asset !== e.asset) this.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
        return;
      }
    }
  }

  finish(): GainsResult {
    this.kept.finish();
    return {
      disposals: this.kept.disposals,
      income: this.income,
      removals: this.removals,
      openLots: this.inventory.snapshot(),
      ...(this.policy.yearEndSnapshots ? { yearEndLots: this.kept.yearEnds } : {}),
      reallocations: this.reallocations,
      ...(this.policy.allocation ? { allocationApplied: this.allocationApplied } : {}),
      ...(this.allocation ? { allocation: this.allocation } : {}),
      overdrafts: this.overdrafts,
      diagnostics: this.diagnostics.finish(),
    };
  }

  private transition(at?: SourceRef): void {
    this.transitioned = true;
    const stated = this.policy.allocation;
    if (stated && stated.lots.length > 0) {
      const problems = checkAllocation(stated.lots, this.balances.held(), this.policy.perWalletFrom);
      this.diagnostics.push(...problems);
      if (problems.length === 0) {
        this.inventory.replaceAll(stated.lots.map((l) => {
          const seq = ++this.seq;
          return newLot({
            id: `L${seq}`, seq, split: 0, asset: l.asset, wallet: l.wallet, quantity: l.units, basis: l.basis,
            acquiredInstant: Date.parse(`${l.acquired}T00:00:00Z`), acquiredDate: l.acquired, basisKnown: true, origin: 'allocation', source: l.source,
          });
        }));
        this.allocationApplied = true;
        return;
      }
    }
    const moves = this.inventory.reallocate((asset) => this.balances.of(asset));
    this.reallocations = moves;
    this.allocation = { date: this.policy.perWalletFrom, lots: this.inventory.snapshot(), moves };
    for (const m of moves) {
      this.diagnostics.push(
        diagnostic(
          'LOT_REALLOCATION',
          `at ${this.policy.perWalletFrom}, ${m.quantity.toFixed()} ${m.asset} of lot ${m.lotId} assigned from ${m.from} to ${m.to} (per-wallet lots)`,
          at,
        ),
      );
    }
  }

  private switchMethod(method: BookingMethod): void {
    if (method === this.method) return;
    this.method = method;
    this.inventory.reorder(LOT_ORDER[method]);
  }

  /** A transfer of more than the source held: recorded, and a warning saying how many units and where. */
  private overdraft(ctx: Ctx, sent: { asset: AssetCode; amount: Dec }, from: string, to: string, held: Dec, atPar: boolean): void {
    const asset = sent.asset;
    const quantity = sent.amount.minus(held);
    this.overdrafts.push({ asset, from, to, quantity, held, instant: ctx.e.instant, date: ctx.date, source: ctx.e.source });
    this.diagnostics.push(
      diagnostic(
        'TRANSFER_OVERDRAFT',
        `transfer of ${sent.amount.toFixed()} ${asset} from ${from} to ${to} is ${quantity.toFixed()} more than ${from} held (${held.toFixed()}): those units arrive in ${to} ${atPar ? 'at par basis (--stablecoin-basis par)' : 'as a lot of unknown basis'}`,
        ctx.e.source,
      ),
    );
  }

  private perWallet(date: LocalDate): boolean {
    return this.policy.lotScope === 'per-wallet' || (this.policy.lotScope === 'auto' && date >= this.policy.perWalletFrom);
  }

  private acquire(ctx: Ctx, wallet: string, asset: AssetCode, quantity: Dec, basis: Dec, basisKnown: boolean, origin: LotOrigin, track = true): void {
    const seq = ++this.seq;
    this.inventory.add(newLot({
      id: `L${seq}`,
      seq,
      split: 0,
      asset,
      wallet,
      quantity,
      basis,
      acquiredInstant: ctx.e.instant,
      acquiredDate: ctx.date,
      basisKnown,
      origin,
      source: ctx.e.source,
    }));
    if (track) this.changeBalance(ctx, wallet, asset, quantity);
  }

  /** Par basis for `units` of a USD stablecoin of unknown origin under `--stablecoin-basis par`; undefined otherwise. */
  private parBasis(asset: AssetCode, units: Dec, instant: number): Dec | undefined {
    return this.policy.stablecoinPar?.basisOf(asset, units, instant);
  }

  /** Units of unknown origin: a lot of unknown basis (zero), or at `par` when the policy gives one (acquired on arrival either way). */
  private acquireUnknown(ctx: Ctx, wallet: string, asset: AssetCode, quantity: Dec, par: Dec | undefined, track = true): void {
    if (par) this.acquire(ctx, wallet, asset, quantity, par, true, 'stablecoin-par', track);
    else this.acquire(ctx, wallet, asset, quantity, ZERO, false, 'deposit', track);
  }

  private parNote(ctx: Ctx, what: string, units: Dec, asset: AssetCode, basis: Dec): void {
    const currency = this.policy.stablecoinPar?.currency ?? '';
    this.diagnostics.push(
      diagnostic(
        'STABLECOIN_PAR_BASIS',
        `${what}: ${units.toFixed()} ${asset} of unknown origin get par basis ${basis.toFixed()} ${currency} (1.00 USD per unit), acquired ${ctx.date}`,
        ctx.e.source,
      ),
    );
  }

  /**
   * A lot whose basis and acquisition date the user stated (overrides file). A gift worth less
   * at receipt than the donor's basis also carries its loss basis (slice-disposal.ts).
   */
  private acquireStated(ctx: Ctx, wallet: string, asset: AssetCode, quantity: Dec, stated: StatedBasis, value: Money | undefined): void {
    const seq = ++this.seq;
    const fmv = value && value.source !== 'missing' ? value.amount : undefined;
    const lossBasis = stated.origin === 'gift' && fmv !== undefined && fmv.lessThan(stated.basis)
      ? { unitCost: divide(fmv, quantity), giftDate: ctx.date }
      : undefined;
    this.inventory.add(newLot({
      id: `L${seq}`,
      seq,
      split: 0,
      asset,
      wallet,
      quantity,
      basis: stated.basis,
      acquiredInstant: stated.acquiredInstant,
      acquiredDate: stated.acquiredDate,
      basisKnown: true,
      origin: stated.origin,
      source: ctx.e.source,
      ...(lossBasis ? { lossBasis } : {}),
    }));
    this.changeBalance(ctx, wallet, asset, quantity);
  }

  private take(ctx: Ctx, wallet: string, asset: AssetCode, quantity: Dec): Taken {
    const taken = this.inventory.take(asset, wallet, quantity, !this.perWallet(ctx.date));
    this.changeBalance(ctx, wallet, asset, quantity.negated());
    return taken;
  }

  private dispose(
    ctx: Ctx,
    kind: DisposalKind,
    wallet: string,
    asset: AssetCode,
    quantity: Dec,
    proceeds: Dec,
    proceedsSource: PriceSource,
    counterpart: string,
    costs: Dec = ZERO,
  ): void {
    const taken = this.take(ctx, wallet, asset, quantity);
    const { slices, uncovered, fromUnknownLots } = sliceDisposal(taken, quantity, proceeds, ctx.date);
    if (uncovered.greaterThan(0) || fromUnknownLots.greaterThan(0)) {
      const why = [
        uncovered.greaterThan(0) ? `${uncovered.toFixed()} not covered by any lot` : '',
        fromUnknownLots.greaterThan(0) ? `${fromUnknownLots.toFixed()} from deposits of unknown basis` : '',
      ].filter(Boolean).join(', ');
      const unknownLot = taken.pieces.find((p) => !p.lot.basisKnown)?.lot.source;
      const d = diagnostic('MISSING_BASIS', `disposal of ${quantity.toFixed()} ${asset} from ${wallet}: ${why}; zero basis used for those units`, ctx.e.source);
      this.diagnostics.push(unknownLot ? { ...d, related: unknownLot } : d);
    }
    if (!this.kept.keepsDisposalOf(yearOf(ctx.date))) return;
    this.kept.disposals.push({
      id: `${ctx.e.id}/${asset}`,
      kind,
      wallet,
      asset,
      quantity,
      instant: ctx.e.instant,
      date: ctx.date,
      proceeds,
      proceedsSource,
      slices,
      source: ctx.e.source,
      counterpart,
      // the transaction costs taken out of the proceeds (Form 1099-DA reconciliation: code E)
      ...(costs.isZero() ? {} : { costs }),
      ...(ctx.e.txHash?.trim() ? { transactionId: ctx.e.txHash.trim() } : {}),
    });
  }

  private payFee(ctx: Ctx, wallet: string, asset: AssetCode, quantity: Dec, value: Money | undefined): void {
    if (isFiat(asset)) return; // fiat fees on movements have no tax effect; on trades they are in proceeds/basis
    this.dispose(ctx, 'fee', wallet, asset, quantity, value?.amount ?? ZERO, value?.source ?? 'missing', 'fee');
  }

  /**
   * Re-denominate a holding: the lots of `from` become lots of `to`, same basis and acquisition
   * dates, units scaled by `toAmount / fromAmount` (the last piece takes what is left, so the
   * units received are exact). Units no lot covers arrive as a lot of unknown basis.
   */
  private convert(ctx: Ctx, wallet: string, from: AssetCode, fromAmount: Dec, to: AssetCode, toAmount: Dec): void {
    const taken = this.take(ctx, wallet, from, fromAmount);
    let left = toAmount;
    taken.pieces.forEach((p, i) => {
      const last = i === taken.pieces.length - 1 && taken.uncovered.isZero();
      const units = last ? left : share(toAmount, p.quantity, fromAmount);
      left = left.minus(units);
      const seq = ++this.seq;
      this.inventory.add(newLot({
        id: `L${seq}`,
        seq: p.lot.seq,
        split: seq,
        asset: to,
        wallet,
        quantity: units,
        basis: p.basis,
        acquiredInstant: p.lot.acquiredInstant,
        acquiredDate: p.lot.acquiredDate,
        basisKnown: p.lot.basisKnown,
        origin: p.lot.origin,
        source: p.lot.source,
      }));
    });
    this.changeBalance(ctx, wallet, to, toAmount.minus(left));
    if (left.greaterThan(0)) {
      const par = this.parBasis(to, left, ctx.e.instant);
      if (par) this.parNote(ctx, `conversion of ${fromAmount.toFixed()} ${from} into ${toAmount.toFixed()} ${to} in ${wallet} creates units no lot covers`, left, to, par);
      this.acquireUnknown(ctx, wallet, to, left, par);
    }
  }

  private remove(ctx: Ctx, kind: RemovalRecord['kind'], wallet: string, asset: AssetCode, quantity: Dec, value?: Money): void {
    const taken = this.take(ctx, wallet, asset, quantity);
    this.removals.push({
      id: ctx.e.id,
      kind,
      wallet,
      asset,
      quantity,
      basis: taken.pieces.reduce((s, p) => s.plus(p.basis), ZERO),
      uncovered: taken.uncovered,
      unknownBasis: taken.pieces.filter((p) => !p.lot.basisKnown).reduce((s, p) => s.plus(p.quantity), ZERO),
      ...(value ? { value } : {}),
      pieces: taken.pieces.map((p) => ({
        lotId: p.lot.id, quantity: p.quantity, basis: p.basis, acquiredDate: p.lot.acquiredDate, basisKnown: p.lot.basisKnown, lotSource: p.lot.source,
      })),
      instant: ctx.e.instant,
      date: ctx.date,
      source: ctx.e.source,
    });
  }

  private changeBalance(ctx: Ctx, wallet: string, asset: AssetCode, delta: Dec): void {
    const negative = this.balances.change(wallet, asset, delta);
    if (negative) {
      this.diagnostics.push(
        diagnostic('BALANCE_NEGATIVE', `${wallet} ${asset} balance goes negative (${negative.toFixed()}) at ${formatSourceRef(ctx.e.source)}`, ctx.e.source),
      );
    }
  }
}

interface Ctx {
  readonly e: LedgerEvent;
  readonly date: LocalDate;
}
