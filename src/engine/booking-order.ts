/**
 * The order events are booked in: by instant, then by content (`content-order.ts`: what the rows
 * say, never what their files are called), then file and line, then id — a total order, so the
 * result never depends on the order of the inputs nor on file names. The TurboTax transactions
 * file lists them so too.
 */
import { compareSourceRefs } from '../model/source-ref.js';
import type { PricedEvent } from '../pricing/price-events.js';
import { compareEventContent } from './content-order.js';

export const compareBookingOrder = (a: PricedEvent, b: PricedEvent): number =>
  a.event.instant - b.event.instant ||
  compareEventContent(a.event, b.event) ||
  compareSourceRefs(a.event.source, b.event.source) ||
  (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0);

/**
 * The events in booking order, in a new array (the caller's is never changed). Handed over
 * (`model/hand-over.ts`), the events are taken here, so no frame of the caller keeps them.
 */
export function inBookingOrder(events: readonly PricedEvent[] | (() => readonly PricedEvent[])): PricedEvent[] {
  return [...(typeof events === 'function' ? events() : events)].sort(compareBookingOrder);
}
