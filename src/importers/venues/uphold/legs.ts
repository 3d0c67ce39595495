/**
 * Where Uphold's fee sits. A row states what left (origin) and what arrived (destination); the fee
 * was taken out of whichever side its currency matches. In taxlot's model the fee leaves in
 * addition to `sent`/`received`, so: sent = origin − fee (fee in the origin currency), received =
 * destination + fee (fee in the destination currency only). A fee in a third currency is charged
 * on top. The net balance change is then exactly −origin and +destination.
 */
import type { Quantity } from '../../../model/ledger-event.js';

export function tradeLegs(origin: Quantity, destination: Quantity, fee: Quantity | undefined): { sent: Quantity; received: Quantity } | string {
  if (!fee) return { sent: origin, received: destination };
  if (fee.asset === origin.asset) {
    const sent = origin.amount.minus(fee.amount);
    if (sent.isNegative()) return `fee ${fee.amount.toFixed()} ${fee.asset} exceeds the origin amount ${origin.amount.toFixed()}`;
    // Same currency on both sides: what arrived plus the fee is what the sender sent.
    const received = destination.asset === fee.asset ? { ...destination, amount: destination.amount.plus(fee.amount) } : destination;
    return { sent: { ...origin, amount: sent }, received };
  }
  if (fee.asset === destination.asset) return { sent: origin, received: { ...destination, amount: destination.amount.plus(fee.amount) } };
  return { sent: origin, received: destination };
}
