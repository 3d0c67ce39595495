/**
 * One event booked (pure but for the run's state): what each kind of event does to lots, income
 * and balances — the switch of src/engine/README.md "Algorithm" step 2. The primitives it calls
 * (acquire, dispose, remove, move, convert, pay a fee) are the run's (`ledger-run.ts`).
 */
import { diagnostic } from '../diagnostics/diagnostic.js';
import { isFiat } from '../model/asset.js';
import { ZERO, type Dec } from '../model/decimal.js';
import type { DisposalKind } from '../model/disposal.js';
import type { Money } from '../model/money.js';
import type { PricedEvent } from '../pricing/price-events.js';
import { heldEffect } from '../model/derivative-settlement.js';
import type { Run } from './ledger-run.js';

export function bookEvent(run: Run, { event: e, values }: PricedEvent): void {
  const ctx = run.enter(e);
  const date = ctx.date;
  const fee = e.fee;
  const feeValue = values.fee?.amount ?? ZERO;
  switch (e.kind) {
    case 'trade': {
      const { sent, received } = e;
      const value = values.received as Money;
      if (isFiat(sent.asset) && isFiat(received.asset)) {
        run.diagnostics.push(diagnostic('FIAT_CONVERSION', `${sent.asset} → ${received.asset} conversion`, e.source));
        return;
      }
      const feeInSent = fee?.asset === sent.asset;
      const feeInReceived = fee?.asset === received.asset;
      if (!isFiat(sent.asset)) {
        const units = feeInSent ? sent.amount.plus((fee as { amount: Dec }).amount) : sent.amount;
        const proceeds = fee && !feeInSent ? value.amount.minus(feeValue) : value.amount;
        const kind: DisposalKind = isFiat(received.asset) ? 'sale' : 'trade';
        const costs = fee && !feeInSent ? feeValue : ZERO;
        run.dispose(ctx, kind, e.wallet, sent.asset, units, proceeds, value.source, `${received.amount.toFixed()} ${received.asset}`, costs);
      }
      if (!isFiat(received.asset)) {
        const units = feeInReceived ? received.amount.minus((fee as { amount: Dec }).amount) : received.amount;
        const basis = isFiat(sent.asset)
          ? value.amount.plus(fee && !feeInReceived ? feeValue : ZERO)
          : value.amount.minus(feeInReceived ? feeValue : ZERO);
        if (units.greaterThan(0)) run.acquire(ctx, e.wallet, received.asset, units, basis, true, isFiat(sent.asset) ? 'purchase' : 'trade');
        else run.diagnostics.push(diagnostic('ROW_INCONSISTENT', `the fee takes all ${received.asset} received`, e.source));
      }
      if (fee && !feeInSent && !feeInReceived) run.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
      return;
    }
    case 'deposit': {
      if (isFiat(e.received.asset)) return;
      const units = fee?.asset === e.received.asset ? e.received.amount.minus(fee.amount) : e.received.amount;
      if (e.stated) {
        if (units.greaterThan(0)) run.acquireStated(ctx, e.wallet, e.received.asset, units, e.stated, values.received);
        if (fee && fee.asset !== e.received.asset) run.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
        return;
      }
      const par = units.greaterThan(0) ? run.parBasis(e.received.asset, units, e.instant) : undefined;
      if (par) run.parNote(ctx, `deposit of ${e.received.amount.toFixed()} ${e.received.asset} into ${e.wallet} has no matching withdrawal`, units, e.received.asset, par);
      else {
        run.diagnostics.push(
          diagnostic(
            'DEPOSIT_UNMATCHED',
            `deposit of ${e.received.amount.toFixed()} ${e.received.asset} into ${e.wallet} has no matching withdrawal: a lot of unknown basis`,
            e.source,
          ),
        );
      }
      if (units.greaterThan(0)) run.acquireUnknown(ctx, e.wallet, e.received.asset, units, par);
      if (fee && fee.asset !== e.received.asset) run.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
      return;
    }
    case 'withdrawal': {
      if (!isFiat(e.sent.asset)) {
        run.diagnostics.push(
          diagnostic(
            'WITHDRAWAL_UNMATCHED',
            `withdrawal of ${e.sent.amount.toFixed()} ${e.sent.asset} from ${e.wallet} has no matching deposit: assumed moved to an untracked wallet`,
            e.source,
          ),
        );
        run.remove(ctx, 'unmatched-withdrawal', e.wallet, e.sent.asset, e.sent.amount, values.sent);
      }
      if (fee) run.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
      return;
    }
    case 'transfer': {
      if (e.toWallet !== e.wallet && !isFiat(e.sent.asset)) {
        const held = run.balances.get(e.wallet, e.sent.asset);
        const heldNow = held.greaterThan(0) ? held : ZERO;
        const moved = run.inventory.move(e.sent.asset, e.wallet, e.toWallet, e.sent.amount, !run.perWallet(date), heldNow);
        const par = moved.uncovered.greaterThan(0) ? run.parBasis(e.sent.asset, moved.uncovered, e.instant) : undefined;
        if (e.sent.amount.greaterThan(heldNow)) run.overdraft(ctx, e.sent, e.wallet, e.toWallet, heldNow, par !== undefined);
        run.changeBalance(ctx, e.wallet, e.sent.asset, e.sent.amount.negated());
        run.changeBalance(ctx, e.toWallet, e.sent.asset, e.sent.amount);
        if (moved.uncovered.greaterThan(0)) {
          // Units no lot of the source covers (history missing there, or sent beyond what it held):
          // they arrive without basis, and stay of unknown basis through every later move.
          if (par) run.parNote(ctx, `transfer of ${e.sent.amount.toFixed()} ${e.sent.asset} from ${e.wallet} to ${e.toWallet} brings units its source did not hold`, moved.uncovered, e.sent.asset, par);
          run.acquireUnknown(ctx, e.toWallet, e.sent.asset, moved.uncovered, par, false);
        }
      }
      if (fee) run.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
      return;
    }
    case 'income': {
      const value = values.received as Money;
      run.keepIncome({
        id: e.id, kind: e.incomeKind, wallet: e.wallet, asset: e.received.asset, quantity: e.received.amount,
        value: value.amount, valueSource: value.source, instant: e.instant, date, source: e.source,
      });
      if (!isFiat(e.received.asset)) {
        const units = fee?.asset === e.received.asset ? e.received.amount.minus(fee.amount) : e.received.amount;
        if (units.greaterThan(0)) run.acquire(ctx, e.wallet, e.received.asset, units, value.amount, true, 'income');
      }
      if (fee && fee.asset !== e.received.asset) run.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
      return;
    }
    case 'acquisition': {
      if (isFiat(e.received.asset)) return;
      // a loan: the units borrowed, at market value (hard-fork coins are income: Rev. Rul. 2019-24)
      const basis = (values.received as Money | undefined)?.amount ?? ZERO;
      run.acquire(ctx, e.wallet, e.received.asset, e.received.amount, basis, true, e.acquisitionKind);
      if (fee) run.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
      return;
    }
    case 'removal': {
      if (!isFiat(e.sent.asset)) run.remove(ctx, e.removalKind, e.wallet, e.sent.asset, e.sent.amount, values.sent);
      if (fee) run.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
      return;
    }
    case 'spend': {
      const value = values.sent as Money;
      const feeInSent = fee?.asset === e.sent.asset;
      if (!isFiat(e.sent.asset)) {
        const units = feeInSent ? e.sent.amount.plus((fee as { amount: Dec }).amount) : e.sent.amount;
        const proceeds = fee && !feeInSent ? value.amount.minus(feeValue) : value.amount;
        run.dispose(ctx, 'spend', e.wallet, e.sent.asset, units, proceeds, value.source, e.spendKind, fee && !feeInSent ? feeValue : ZERO);
      }
      if (fee && !feeInSent) run.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
      return;
    }
    case 'fee':
      run.payFee(ctx, e.wallet, e.fee.asset, e.fee.amount, values.fee);
      return;
    case 'conversion':
      run.convert(ctx, e.wallet, e.sent.asset, e.sent.amount, e.received.asset, e.received.amount);
      if (fee) run.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
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
        run.acquire(ctx, e.wallet, e.asset, held, value.amount, true, e.kind === 'margin-loan' ? 'loan' : 'derivative');
      } else if (!isFiat(e.asset) && held.isNegative()) {
        const value = values.sent as Money;
        // A USD-pegged stablecoin counted at 1.00 is cash here (contract: stablecoins count at
        // 1.00 USD): paying a loss, fee or funding in it is not a Form 8949 line of its own.
        if (value.source === 'stablecoin') run.remove(ctx, 'settlement', e.wallet, e.asset, held.negated());
        else run.dispose(ctx, 'settlement', e.wallet, e.asset, held.negated(), value.amount, value.source, `${e.kind} ${e.contract}`.trim());
      }
      if (fee && fee.asset !== e.asset) run.payFee(ctx, e.wallet, fee.asset, fee.amount, values.fee);
      return;
    }
  }
}
