/**
 * What the engine asks of a jurisdiction while it books (pure, types only). The engine is one
 * algorithm for every jurisdiction that identifies specific lots; what differs between them comes
 * in here, from the jurisdiction's object (`src/jurisdictions/<id>/`), which the engine never
 * imports: the US rules are `US_BOOKING` in `src/jurisdictions/us/us-jurisdiction.ts`.
 */
import type { Term } from '../model/disposal.js';
import type { LocalDate } from '../model/local-date.js';
import type { LotPool } from './lot-pool.js';

export interface BookingRules {
  /**
   * The holding-period class of units acquired on `acquired` and disposed of on `disposed`
   * (US: long-term when held more than one year, IRC §1222).
   */
  classify(acquired: LocalDate, disposed: LocalDate): Term;
  /** The class of units no lot covers (no acquisition date to count from; US: short-term). */
  readonly uncoveredTerm: Term;
  /**
   * The pool the run keeps open lots in (`lot-pool.ts`); absent: specific lots in the method's
   * order (`Inventory`, the US). An average-cost pool (`average-pool.ts`) has no order and no
   * wallets of its own, so a method schedule and the 2025 per-wallet switch leave it as it is.
   */
  createPool?(): LotPool;
}
