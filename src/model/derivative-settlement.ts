/**
 * What a derivative or margin row does to the user's holdings of its settlement asset.
 *
 * Rule (README "Settlement in crypto"): a credit in an asset is an acquisition of those units at
 * market value, a debit a disposal of those units at market value, so that the engine's lots stay
 * equal to what the venue holds. Units beyond the venue's own zero are not holdings: when the
 * export states the balance after the row and it is below zero, the part of a debit below zero is
 * a debt (a liability, `find-liabilities.ts`), never a negative lot, and the part of a credit that
 * only reduces such a debt acquires nothing.
 *
 * Pure functions of one event.
 */
import { ZERO, type Dec } from './decimal.js';
import type { DerivativeEvent } from './ledger-event.js';

/**
 * The signed change of the venue balance of `e.asset`: `amount` less a fee charged in the same
 * asset (a fee in another asset moves that asset instead).
 * @example balanceEffect({ amount: -10, asset: 'USDT', fee: { asset: 'USDT', amount: 0.5 } }) → -10.5
 */
export function balanceEffect(e: DerivativeEvent): Dec {
  return e.fee && e.fee.asset === e.asset ? e.amount.minus(e.fee.amount) : e.amount;
}

/**
 * The signed change of the units the user holds: the balance effect, clipped at the venue's zero
 * when the export states the balance after the row.
 * @example balance 5 → -3 after a debit of 8: held effect -5 (3 units are owed, not disposed of)
 */
export function heldEffect(e: DerivativeEvent): Dec {
  const effect = balanceEffect(e);
  if (e.balanceAfter === undefined) return effect;
  const after = positive(e.balanceAfter);
  const before = positive(e.balanceAfter.minus(effect));
  return after.minus(before);
}

function positive(d: Dec): Dec {
  return d.greaterThan(0) ? d : ZERO;
}
