/**
 * One booking run's state and its primitives (local mutable state inside `computeGains`; callers
 * see only the result): the lots (`inventory.ts`), the balances, what was booked (income,
 * removals, overdrafts, disposals of the kept years), and the operations `book-event.ts` applies —
 * acquire, dispose (sliced by `slice-disposal.ts`), remove, convert, pay a fee. The 2025 switch to
 * per-wallet lots is `per-wallet-switch.ts`.
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
import { Balances } from './balances.js';
import { LOT_ORDER } from './booking-methods.js';
import type { Allocation, BookingPolicy, GainsResult, IncomeRecord, Overdraft, RemovalRecord } from './gains-result.js';
import { Inventory, newLot, type Reallocation, type Taken } from './inventory.js';
import { KeptYears } from './kept-years.js';
import type { LotPool } from './lot-pool.js';
import { methodOn } from './method-schedule.js';
import type { BookingMethod } from './booking-methods.js';
import { switchToPerWallet } from './per-wallet-switch.js';
import { sliceDisposal } from './slice-disposal.js';

export class Run {
  /** The open lots: the jurisdiction's pool (`rules.createPool`), by default specific lots. */
  readonly inventory: LotPool;
  readonly balances = new Balances();
  private readonly removals: RemovalRecord[] = [];
  private readonly overdrafts: Overdraft[] = [];
  /** Bounded per file and message shape, as the importers bound theirs (bounded-diagnostics.ts). */
  readonly diagnostics = new BoundedDiagnostics({ byFile: true });
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
    this.inventory = policy.rules.createPool?.() ?? new Inventory(LOT_ORDER[this.method]);
    this.kept = new KeptYears(policy, policy.yearEndSnapshots ? () => this.inventory.snapshot() : undefined);
  }

  /** Before an event is booked: its date, the year it enters, its date's method, the 2025 switch. */
  enter(e: LedgerEvent): Ctx {
    const date = toLocalDate(e.instant, this.policy.timezone);
    this.kept.enter(yearOf(date));
    if (this.policy.methodSchedule) this.switchMethod(methodOn(this.policy.methodSchedule, date));
    if (this.policy.lotScope === 'auto' && !this.transitioned && date >= this.policy.perWalletFrom) this.transition(e.source);
    return { e, date };
  }

  /** An income record, kept if its year can be reported (`KeptYears.storeIncome`). */
  keepIncome(r: IncomeRecord): void {
    this.kept.storeIncome(r);
  }

  finish(): GainsResult {
    this.kept.finish();
    return {
      disposals: this.kept.disposals,
      income: this.kept.income,
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
    // lots are assigned to wallets only where there are specific lots (an average pool is the owner's)
    if (!(this.inventory instanceof Inventory)) return;
    const done = switchToPerWallet(this.policy, this.inventory, this.balances, () => ++this.seq, at);
    this.diagnostics.push(...done.diagnostics);
    if (done.applied) {
      this.allocationApplied = true;
      return;
    }
    this.reallocations = done.reallocations;
    this.allocation = done.allocation;
  }

  private switchMethod(method: BookingMethod): void {
    if (method === this.method) return;
    this.method = method;
    if (this.inventory instanceof Inventory) this.inventory.reorder(LOT_ORDER[method]);
  }

  /** A transfer of more than the source held: recorded, and a warning saying how many units and where. */
  overdraft(ctx: Ctx, sent: { asset: AssetCode; amount: Dec }, from: string, to: string, held: Dec, atPar: boolean): void {
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

  perWallet(date: LocalDate): boolean {
    return this.policy.lotScope === 'per-wallet' || (this.policy.lotScope === 'auto' && date >= this.policy.perWalletFrom);
  }

  /** Par basis for `units` of a USD stablecoin of unknown origin under `--stablecoin-basis par`; undefined otherwise. */
  parBasis(asset: AssetCode, units: Dec, instant: number): Dec | undefined {
    return this.policy.stablecoinPar?.basisOf(asset, units, instant);
  }

  /** Units of unknown origin: a lot of unknown basis (zero), or at `par` when the policy gives one (acquired on arrival either way). */
  acquireUnknown(ctx: Ctx, wallet: string, asset: AssetCode, quantity: Dec, par: Dec | undefined, track = true): void {
    if (par) this.acquire(ctx, wallet, asset, quantity, par, true, 'stablecoin-par', track);
    else this.acquire(ctx, wallet, asset, quantity, ZERO, false, 'deposit', track);
  }

  parNote(ctx: Ctx, what: string, units: Dec, asset: AssetCode, basis: Dec): void {
    const currency = this.policy.stablecoinPar?.currency ?? '';
    this.diagnostics.push(
      diagnostic(
        'STABLECOIN_PAR_BASIS',
        `${what}: ${units.toFixed()} ${asset} of unknown origin get par basis ${basis.toFixed()} ${currency} (1.00 USD per unit), acquired ${ctx.date}`,
        ctx.e.source,
      ),
    );
  }

  acquire(ctx: Ctx, wallet: string, asset: AssetCode, quantity: Dec, basis: Dec, basisKnown: boolean, origin: LotOrigin, track = true): void {
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

  /**
   * A lot whose basis and acquisition date the user stated (overrides file). A gift worth less
   * at receipt than the donor's basis also carries its loss basis (slice-disposal.ts).
   */
  acquireStated(ctx: Ctx, wallet: string, asset: AssetCode, quantity: Dec, stated: StatedBasis, value: Money | undefined): void {
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

  dispose(
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
    const { slices, uncovered, fromUnknownLots } = sliceDisposal(taken, quantity, proceeds, ctx.date, this.policy.rules);
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
    this.kept.store({
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

  payFee(ctx: Ctx, wallet: string, asset: AssetCode, quantity: Dec, value: Money | undefined): void {
    if (isFiat(asset)) return; // fiat fees on movements have no tax effect; on trades they are in proceeds/basis
    this.dispose(ctx, 'fee', wallet, asset, quantity, value?.amount ?? ZERO, value?.source ?? 'missing', 'fee');
  }

  /**
   * Re-denominate a holding: the lots of `from` become lots of `to`, same basis and acquisition
   * dates, units scaled by `toAmount / fromAmount` (the last piece takes what is left, so the
   * units received are exact). Units no lot covers arrive as a lot of unknown basis.
   */
  convert(ctx: Ctx, wallet: string, from: AssetCode, fromAmount: Dec, to: AssetCode, toAmount: Dec): void {
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

  remove(ctx: Ctx, kind: RemovalRecord['kind'], wallet: string, asset: AssetCode, quantity: Dec, value?: Money): void {
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

  changeBalance(ctx: Ctx, wallet: string, asset: AssetCode, delta: Dec): void {
    const negative = this.balances.change(wallet, asset, delta);
    if (negative) {
      this.diagnostics.push(
        diagnostic('BALANCE_NEGATIVE', `${wallet} ${asset} balance goes negative (${negative.toFixed()}) at ${formatSourceRef(ctx.e.source)}`, ctx.e.source),
      );
    }
  }
}

export interface Ctx {
  readonly e: LedgerEvent;
  readonly date: LocalDate;
}
