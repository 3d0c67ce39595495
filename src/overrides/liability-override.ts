/**
 * Liabilities in the overrides file (`--overrides overrides.json`, batch key `overrides`): what
 * the user states about a debt to a venue that the venue's rows cannot show — that it was
 * repaid, forgiven or settled for less, absorbed by the venue, or is disputed.
 *
 * ```json
 * { "liabilities": [
 *   { "venue": "kraken", "asset": "USD", "date": "2024-05-01", "status": "forgiven",
 *     "forgivenAmount": "1223.56", "resolvedDate": "2025-02-01", "note": "settled by letter" } ] }
 * ```
 * An entry matches the liability with the same venue, asset and date the deficit arose (and
 * `account` when given). The whole file is read by read-overrides.ts; src/derivatives/
 * find-liabilities.ts applies the entries.
 */
import type { Dec } from '../model/decimal.js';
import type { LocalDate } from '../model/local-date.js';

export const LIABILITY_STATUSES = ['owed', 'repaid', 'forgiven', 'absorbed', 'disputed'] as const;
export type LiabilityStatus = (typeof LIABILITY_STATUSES)[number];

export interface LiabilityOverride {
  readonly venue: string;
  readonly asset: string;
  readonly date: LocalDate;
  readonly account?: string;
  readonly status: LiabilityStatus;
  /** Forgiven / settled-for-less: units of the asset forgiven (default: the whole deficit). */
  readonly forgivenAmount?: Dec;
  /** When it was repaid, forgiven or settled. */
  readonly resolvedDate?: LocalDate;
  readonly note?: string;
  /** `liabilities[0]`, for messages. */
  readonly where: string;
  /** Its line in the overrides file. */
  readonly at?: number;
}
