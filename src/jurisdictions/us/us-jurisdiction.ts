/**
 * The United States as a `Jurisdiction` (pure): calendar tax years, specific lots booked by the
 * engine (FIFO, LIFO, HIFO; universal before 2025, per wallet from 2025: src/engine/README.md),
 * the holding period of IRC §1222, and the capital loss limit of §1211(b) with the §1212(b)
 * carryover. The rest of the US lives beside this file (src/jurisdictions/README.md).
 */
import type { BookingRules } from '../../engine/booking-rules.js';
import { isLongTerm, yearOf, type LocalDate } from '../../model/local-date.js';
import type { Jurisdiction } from '../jurisdiction.js';
import { limitCapitalLoss } from './capital-loss.js';

/**
 * The engine's US rules. Holding period (IRC §1222; IRS Publication 550 "Holding Period"; Form
 * 8949 instructions): long-term when sold more than one year after the acquisition date — the
 * count starts the day after acquisition, so a sale on the anniversary is still short-term and
 * one the day after is long-term (`isLongTerm`, 29 February + 1 year = 28 February). Units with
 * no lot have no acquisition date: short-term, the conservative class (their basis is zero too).
 */
export const US_BOOKING: BookingRules = {
  classify: (acquired: LocalDate, disposed: LocalDate) => (isLongTerm(acquired, disposed) ? 'long' : 'short'),
  uncoveredTerm: 'short',
};

export const US: Jurisdiction = {
  id: 'us',
  code: 'US',
  defaults: { currency: 'USD', timezone: 'UTC' },
  templates: 'us',
  taxYearOf: yearOf,
  taxYearRange: (taxYear) => {
    const y = String(taxYear).padStart(4, '0');
    return { start: `${y}-01-01`, end: `${y}-12-31` };
  },
  taxYearLabel: (taxYear) => String(taxYear),
  identification: 'specific-lots',
  booking: US_BOOKING,
  limitLosses: limitCapitalLoss,
};
