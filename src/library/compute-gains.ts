/**
 * The engine for library users: `computeGains` as it always was, booking with the US rules
 * unless the policy names others (`rules`, an engine `BookingRules`).
 */
import { computeGains as bookLots, type BookingPolicy as EnginePolicy, type GainsResult } from '../engine/compute-gains.js';
import type { BookingRules } from '../engine/booking-rules.js';
import { US_BOOKING } from '../jurisdictions/us/us-jurisdiction.js';
import type { PricedEvent } from '../pricing/price-events.js';

/** The engine's policy; `rules` defaults to the US rules (src/jurisdictions/us/). */
export type BookingPolicy = Omit<EnginePolicy, 'rules'> & { readonly rules?: BookingRules };

/**
 * @example
 * const result = computeGains(priced, { method: 'FIFO', lotScope: 'auto', perWalletFrom: '2025-01-01', timezone: 'UTC' });
 */
export function computeGains(events: readonly PricedEvent[] | (() => readonly PricedEvent[]), policy: BookingPolicy): GainsResult {
  return bookLots(events, { ...policy, rules: policy.rules ?? US_BOOKING });
}
