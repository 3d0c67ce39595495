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
 * What a jurisdiction decides (the holding-period class of a slice) comes in `policy.rules`
 * (`booking-rules.ts`). The kind switch is `book-event.ts`; the run's state and primitives are
 * `ledger-run.ts`.
 */
import type { PricedEvent } from '../pricing/price-events.js';
import { bookEvent } from './book-event.js';
import { compareBookingOrder, inBookingOrder } from './booking-order.js';
import type { BookingPolicy, GainsResult } from './gains-result.js';
import { Run } from './ledger-run.js';

/** Events booked between two `onBooked` calls: often enough for a display, rare enough to cost nothing. */
const BOOK_PROGRESS_EVERY = 8192;

export type { Allocation, BookingPolicy, GainsResult, IncomeRecord, LotScope, Overdraft, RemovalRecord, RemovedPiece } from './gains-result.js';

/**
 * Match disposals to lots and compute gains. `events` may be handed over (`model/hand-over.ts`):
 * the engine then holds the only reference to them and lets each go once booked, so that a long
 * history is freed as the run goes instead of after it. The input array itself is never changed.
 * @example
 * const result = computeGains(priced, { method: 'FIFO', lotScope: 'auto', perWalletFrom: '2025-01-01', timezone: 'UTC', rules: US_BOOKING });
 */
export function computeGains(events: readonly PricedEvent[] | (() => readonly PricedEvent[]), policy: BookingPolicy): GainsResult {
  const run = new Run(policy);
  const sorted: (PricedEvent | undefined)[] = inBookingOrder(events);
  for (let i = 0; i < sorted.length; i++) {
    const priced = sorted[i] as PricedEvent;
    sorted[i] = undefined; // booked: nothing of the run needs the event itself any more
    bookEvent(run, priced);
    if (policy.onBooked && (i + 1) % BOOK_PROGRESS_EVERY === 0) policy.onBooked(i + 1, sorted.length);
  }
  policy.onBooked?.(sorted.length, sorted.length);
  return run.finish();
}

/**
 * The same computation over events handed in one at a time, already in booking order
 * (`compareBookingOrder`): the report pipeline streams the history through pricing into the
 * engine, which holds no event once it is booked. `expected` is the number of events coming (for
 * `onBooked`). An event out of order is a bug of the caller, and throws.
 */
export class OrderedBooking {
  private readonly run: Run;
  private previous: PricedEvent | undefined;
  private done = 0;

  constructor(private readonly policy: BookingPolicy, private readonly expected: number) {
    this.run = new Run(policy);
  }

  apply(priced: PricedEvent): void {
    const previous = this.previous;
    if (previous && compareBookingOrder(previous, priced) >= 0) throw new Error(`OrderedBooking: ${priced.event.id} is not after ${previous.event.id} in booking order`);
    this.previous = priced;
    bookEvent(this.run, priced);
    this.done++;
    if (this.policy.onBooked && this.done % BOOK_PROGRESS_EVERY === 0) this.policy.onBooked(this.done, Math.max(this.done, this.expected));
  }

  finish(): GainsResult {
    this.previous = undefined;
    this.policy.onBooked?.(this.done, this.done);
    return this.run.finish();
  }
}
