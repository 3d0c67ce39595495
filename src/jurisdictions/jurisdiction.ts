/**
 * One jurisdiction's rules as one typed object (pure): what the pipeline, the engine and the
 * renderers consult instead of asking "is this the UK?". Each jurisdiction owns a folder beside
 * this file (`us/`, `uk/`) and exports one `Jurisdiction`; `index.ts` lists them. What the object
 * holds is what differs between tax systems:
 *
 * - the tax year (US: the calendar year; UK: 6 April to 5 April, named by the year it ends in);
 * - how disposals are matched to acquisitions: specific lots booked by the engine with the
 *   jurisdiction's `BookingRules` (US), or the jurisdiction's own share-pooling matcher (UK);
 * - the loss rules (US: IRC §1211(b) limit and §1212(b) carryover);
 * - the templates its report is printed with (`templates/<templates>/`) and its defaults.
 *
 * This folder sits below `pipeline/` and `report/` (both import it) and above `engine/` and
 * `model/`: nothing here imports the pipeline or a renderer (src/jurisdictions/README.md).
 */
import type { BookingRules } from '../engine/booking-rules.js';
import type { LocalDate } from '../model/local-date.js';
import type { CapitalLoss, CapitalLossInput } from './us/capital-loss.js';

export type JurisdictionId = 'us' | 'uk';

export interface Jurisdiction {
  readonly id: JurisdictionId;
  /** As `summary.json` `jurisdiction` and the PDF write it: `US`, `UK`. */
  readonly code: string;
  /** The report currency and the taxpayer's time zone when the user gives none. */
  readonly defaults: { readonly currency: string; readonly timezone: string };
  /** The folder under `templates/` the report is printed with; absent: no template (built in). */
  readonly templates?: string;
  /** The tax year a calendar date falls in, by the calendar year the tax year ends in. */
  taxYearOf(date: LocalDate): number;
  /** The first and last day of a tax year. */
  taxYearRange(taxYear: number): { readonly start: LocalDate; readonly end: LocalDate };
  /** The tax year as the tax authority writes it: `2025` (US), `2024-25` (UK). */
  taxYearLabel(taxYear: number): string;
  /**
   * How disposals find their acquisitions: `specific-lots` — the engine books lots in a method's
   * order with `booking`; `share-pooling` — the jurisdiction's own identification rules (UK:
   * same day, 30 days, section 104 pool) run instead of the engine.
   */
  readonly identification: 'specific-lots' | 'share-pooling';
  /** The rules the engine books with (`specific-lots` only). */
  readonly booking?: BookingRules;
  /** The year's deductible net loss and what carries over; absent where no such limit is applied. */
  limitLosses?(input: CapitalLossInput): CapitalLoss;
}
