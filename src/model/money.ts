/**
 * A value in the report currency together with where it came from — the price provenance that
 * the audit trail and the report's assumptions page show.
 */
import type { Dec } from './decimal.js';

export type PriceSource =
  /** The trade's own leg in the report currency (a sale for USD, a buy with USD). */
  | 'fiat-leg'
  /** A market value the export itself states (Koinly net worth, Coinbase subtotal). */
  | 'export'
  /** Derived from the other leg of the same trade (value received = value given). */
  | 'trade-leg'
  /** A USD-pegged stablecoin counted at 1.00 USD. */
  | 'stablecoin'
  /** The user's price table (`--prices`). */
  | 'price-table'
  /** An online price provider's daily price (`--price-provider`), merged into the table. */
  | 'provider'
  /** The user's `value` in the overrides file. */
  | 'override'
  /** No price found: valued at zero and reported as an error. */
  | 'missing';

export interface Money {
  readonly amount: Dec;
  readonly source: PriceSource;
}
