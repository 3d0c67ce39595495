/**
 * Priced events → what the UK matcher needs (pure): acquisitions with their allowable cost,
 * disposals with their gross proceeds and disposal costs, units that leave without a disposal,
 * and income receipts. The value rules are docs/contract.md's (shared with the US engine, so both
 * jurisdictions read one event the same way); what differs for the UK is stated in README.md:
 *  - proceeds are gross: a disposal's fees are an allowable cost of their own (CRYPTO22250,
 *    TCGA 1992 s.38(1)(c)), never subtracted from the proceeds;
 *  - an acquisition's fees are part of its cost (s.38(1)(a)/(c));
 *  - a gift to another person is a disposal at market value (TCGA 1992 s.17, CRYPTO22100);
 *    a donation to a charity leaves at no gain and no loss (s.257); lost units leave the pool
 *    without a disposal (a negligible value claim is the user's, CRYPTO22400).
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { heldEffect } from '../../model/derivative-settlement.js';
import { isFiat, type AssetCode } from '../../model/asset.js';
import { ZERO, type Dec } from '../../model/decimal.js';
import { toLocalDate, type LocalDate } from '../../model/local-date.js';
import type { SourceRef } from '../../model/source-ref.js';
import type { IncomeRecord } from '../../engine/gains-result.js';
import type { PricedEvent } from '../../pricing/price-events.js';

interface MovementBase {
  readonly seq: number;
  readonly asset: AssetCode;
  readonly units: Dec;
  readonly instant: number;
  readonly date: LocalDate;
  readonly wallet: string;
  readonly source: SourceRef;
}

export interface UkAcquisition extends MovementBase {
  readonly type: 'acquisition';
  /** Allowable cost (consideration plus acquisition fees); for a conversion, set by the pool pass. */
  cost: Dec;
  /** False for units of unknown origin (an unmatched deposit): their cost 0 is a missing basis. */
  readonly basisKnown: boolean;
  readonly origin: string;
  /** A conversion (token migration) takes its cost from this removal of the old asset. */
  readonly fromConversion?: UkRemoval;
}

export interface UkDisposal extends MovementBase {
  readonly type: 'disposal';
  /** Gross proceeds: the market value of what was received (or of the units, for a gift). */
  readonly proceeds: Dec;
  /** Incidental costs of the disposal (fees), an allowable cost. */
  readonly fee: Dec;
  readonly kind: string;
  readonly counterpart: string;
}

export interface UkRemoval extends MovementBase {
  readonly type: 'removal';
  readonly kind: string;
  /** Cost that left the pool with the units (set by the pool pass). */
  cost: Dec;
}

export type UkMovement = UkAcquisition | UkDisposal | UkRemoval;

export interface UkMovements {
  readonly movements: UkMovement[];
  readonly income: IncomeRecord[];
  readonly diagnostics: Diagnostic[];
}

/** Translate the priced history, in booking order, into movements. */
export function toUkMovements(sorted: Iterable<PricedEvent>, timezone: string): UkMovements {
  const movements: UkMovement[] = [];
  const income: IncomeRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  let seq = 0;
  for (const { event: e, values } of sorted) {
    const date = toLocalDate(e.instant, timezone);
    const base = (asset: AssetCode, units: Dec) => ({ seq: ++seq, asset, units, instant: e.instant, date, wallet: e.wallet, source: e.source });
    const acquire = (asset: AssetCode, units: Dec, cost: Dec, basisKnown: boolean, origin: string): void => {
      if (!isFiat(asset) && units.greaterThan(0)) movements.push({ type: 'acquisition', ...base(asset, units), cost, basisKnown, origin });
    };
    const dispose = (asset: AssetCode, units: Dec, proceeds: Dec, fee: Dec, kind: string, counterpart: string): void => {
      if (!isFiat(asset) && units.greaterThan(0)) movements.push({ type: 'disposal', ...base(asset, units), proceeds, fee, kind, counterpart });
    };
    const remove = (asset: AssetCode, units: Dec, kind: string): UkRemoval | undefined => {
      if (isFiat(asset) || !units.greaterThan(0)) return undefined;
      const r: UkRemoval = { type: 'removal', ...base(asset, units), kind, cost: ZERO };
      movements.push(r);
      return r;
    };
    const fee = e.fee;
    const feeValue = values.fee?.amount ?? ZERO;
    /** A fee in an asset other than the legs: a disposal of those units at their value (docs/contract.md "Fees"). */
    const payFee = (): void => {
      if (fee && !isFiat(fee.asset)) dispose(fee.asset, fee.amount, feeValue, ZERO, 'fee', 'fee');
    };
    switch (e.kind) {
      case 'trade': {
        const { sent, received } = e;
        if (isFiat(sent.asset) && isFiat(received.asset)) {
          diagnostics.push(diagnostic('FIAT_CONVERSION', `${sent.asset} → ${received.asset} conversion`, e.source));
          break;
        }
        const value = values.received?.amount ?? ZERO;
        const feeInSent = fee?.asset === sent.asset;
        const feeInReceived = fee?.asset === received.asset;
        // A fee in the sent crypto leaves with the sent units (their cost is allowable with them);
        // any other fee is the disposal's incidental cost, paid once: here, not again on the acquisition.
        const disposalFee = fee && !feeInSent ? feeValue : ZERO;
        if (!isFiat(sent.asset)) {
          const units = feeInSent && fee ? sent.amount.plus(fee.amount) : sent.amount;
          dispose(sent.asset, units, value, disposalFee, isFiat(received.asset) ? 'sale' : 'trade', `${received.amount.toFixed()} ${received.asset}`);
        }
        if (!isFiat(received.asset)) {
          const units = feeInReceived && fee ? received.amount.minus(fee.amount) : received.amount;
          // bought with fiat: the price plus the fee; swapped: the value given (the fee is the disposal's)
          const cost = isFiat(sent.asset) ? value.plus(fee && !feeInReceived ? feeValue : ZERO) : value.minus(feeInReceived ? feeValue : ZERO);
          if (units.greaterThan(0)) acquire(received.asset, units, cost, true, isFiat(sent.asset) ? 'purchase' : 'trade');
          else diagnostics.push(diagnostic('ROW_INCONSISTENT', `the fee takes all ${received.asset} received`, e.source));
        }
        if (fee && !feeInSent && !feeInReceived) payFee();
        break;
      }
      case 'deposit': {
        if (isFiat(e.received.asset)) break;
        const units = fee?.asset === e.received.asset ? e.received.amount.minus(fee.amount) : e.received.amount;
        diagnostics.push(diagnostic('DEPOSIT_UNMATCHED', `deposit of ${e.received.amount.toFixed()} ${e.received.asset} into ${e.wallet} has no matching withdrawal: units of unknown cost`, e.source));
        acquire(e.received.asset, units, ZERO, false, 'deposit');
        if (fee && fee.asset !== e.received.asset) payFee();
        break;
      }
      case 'withdrawal': {
        if (!isFiat(e.sent.asset)) {
          diagnostics.push(diagnostic('WITHDRAWAL_UNMATCHED', `withdrawal of ${e.sent.amount.toFixed()} ${e.sent.asset} from ${e.wallet} has no matching deposit: assumed moved to an untracked wallet`, e.source));
          remove(e.sent.asset, e.sent.amount, 'unmatched-withdrawal');
        }
        payFee();
        break;
      }
      case 'transfer':
        // between the taxpayer's own wallets: one pool per asset across wallets, nothing moves in it
        payFee();
        break;
      case 'income': {
        const value = values.received;
        income.push({
          id: e.id, kind: e.incomeKind, wallet: e.wallet, asset: e.received.asset, quantity: e.received.amount,
          value: value?.amount ?? ZERO, valueSource: value?.source ?? 'missing', instant: e.instant, date, source: e.source,
        });
        const units = fee?.asset === e.received.asset ? e.received.amount.minus(fee.amount) : e.received.amount;
        acquire(e.received.asset, units, value?.amount ?? ZERO, true, 'income');
        if (fee && fee.asset !== e.received.asset) payFee();
        break;
      }
      case 'acquisition':
        acquire(e.received.asset, e.received.amount, e.acquisitionKind === 'loan' ? (values.received?.amount ?? ZERO) : ZERO, true, e.acquisitionKind);
        payFee();
        break;
      case 'removal': {
        if (e.removalKind === 'gift' && !isFiat(e.sent.asset)) {
          if (!values.sent) diagnostics.push(diagnostic('PRICE_MISSING', `no market value for the gift of ${e.sent.amount.toFixed()} ${e.sent.asset}: proceeds 0 used`, e.source));
          dispose(e.sent.asset, e.sent.amount, values.sent?.amount ?? ZERO, ZERO, 'gift', 'gift');
        } else remove(e.sent.asset, e.sent.amount, e.removalKind);
        payFee();
        break;
      }
      case 'spend': {
        const feeInSent = fee?.asset === e.sent.asset;
        const units = feeInSent && fee ? e.sent.amount.plus(fee.amount) : e.sent.amount;
        dispose(e.sent.asset, units, values.sent?.amount ?? ZERO, fee && !feeInSent ? feeValue : ZERO, 'spend', e.spendKind);
        if (fee && !feeInSent) payFee();
        break;
      }
      case 'fee':
        if (!isFiat(e.fee.asset)) dispose(e.fee.asset, e.fee.amount, feeValue, ZERO, 'fee', 'fee');
        break;
      case 'conversion': {
        // the same holding re-denominated: its cost carries over (README "Conversions")
        const out = remove(e.sent.asset, e.sent.amount, 'conversion');
        if (out && !isFiat(e.received.asset) && e.received.amount.greaterThan(0)) {
          movements.push({ type: 'acquisition', ...base(e.received.asset, e.received.amount), cost: ZERO, basisKnown: true, origin: 'conversion', fromConversion: out });
        }
        payFee();
        break;
      }
      default: {
        // derivative rows: only the settlement asset's units move, as in the US engine
        const held = heldEffect(e);
        if (held.greaterThan(0)) acquire(e.asset, held, values.received?.amount ?? ZERO, true, 'derivative');
        else if (held.isNegative()) {
          if (values.sent?.source === 'stablecoin') remove(e.asset, held.negated(), 'settlement');
          else dispose(e.asset, held.negated(), values.sent?.amount ?? ZERO, ZERO, 'settlement', `${e.kind} ${e.contract}`.trim());
        }
        if (fee && fee.asset !== e.asset) payFee();
        break;
      }
    }
  }
  return { movements, income, diagnostics };
}
