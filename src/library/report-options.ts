/**
 * Report options for library users: every option has the default the CLI gives it, so
 * `computeReport(files)` works as `taxlot report` does with no flags. Values that scripts write
 * by hand are accepted in their usual spellings: a method in any case (`'fifo'`, `'HIFO'`),
 * carryovers as decimal strings.
 */
import { BOOKING_METHODS, type BookingMethod } from '../engine/booking-methods.js';
import type { LotScope } from '../engine/compute-gains.js';
import { DEFAULT_TRANSFER_MATCHING } from '../engine/match-transfers.js';
import { ALL_IMPORTERS } from '../importers/index.js';
import { withRowGuards } from '../importers/row-guards.js';
import { DEFAULT_USD_STABLECOINS, isFiat, normalizeAsset } from '../model/asset.js';
import { Dec, ZERO } from '../model/decimal.js';
import { isValidTimeZone } from '../model/local-date.js';
import type { ReportOptions } from '../pipeline/compute-report.js';
import { FILING_STATUSES } from '../jurisdictions/us/capital-loss.js';
import { STABLECOIN_BASES } from '../pipeline/stablecoin-par.js';

/** What a library caller may pass: any subset of the options, in friendly spellings. */
export type ReportOptionsInput = Partial<Omit<ReportOptions, 'method' | 'carryoverShort' | 'carryoverLong'>> & {
  /** `fifo`, `lifo` or `hifo`, any case. Default FIFO. */
  readonly method?: string;
  /** Prior-year loss carryovers, positive decimal strings (`"2000"`) or Dec. Default 0. */
  readonly carryoverShort?: string | Dec;
  readonly carryoverLong?: string | Dec;
  /**
   * The clock for the row guards' "not after today" check (ms since 1970). Default: the time of
   * the call. Pass a fixed value for reproducible results over time.
   */
  readonly now?: number;
};

/** The defaults of `taxlot report` with no options (README, "Commands"). */
export const REPORT_DEFAULTS = {
  method: 'FIFO',
  lotScope: 'auto',
  perWalletFrom: '2025-01-01',
  timezone: 'UTC',
  currency: 'USD',
  filingStatus: 'single',
  priceWindowHours: 24,
  /** USD stablecoins of unknown origin: lots of unknown basis (contract); `par` only when asked. */
  stablecoinBasis: 'unknown',
} as const;

/**
 * Complete report options from a partial set.
 * @throws {TypeError} for an unknown method, filing status, currency or time zone, or a carryover
 *   that is not a non-negative decimal: the caller's mistake is named, never guessed around
 */
export function reportOptions(input: ReportOptionsInput = {}): ReportOptions {
  const { method: methodText, carryoverShort, carryoverLong, now, ...rest } = input;
  const method = (methodText ?? REPORT_DEFAULTS.method).toUpperCase() as BookingMethod;
  if (!BOOKING_METHODS.includes(method)) {
    throw new TypeError(`method must be one of ${BOOKING_METHODS.join(', ')} (any case), got "${methodText}"`);
  }
  // `jurisdiction: 'uk'`: GBP and Europe/London unless given (as `--jurisdiction uk`)
  const uk = rest.jurisdiction === 'uk';
  const currency = normalizeAsset(rest.currency ?? (uk ? 'GBP' : REPORT_DEFAULTS.currency));
  if (!isFiat(currency)) throw new TypeError(`currency must be a fiat code such as USD, got "${rest.currency}"`);
  const timezone = rest.timezone ?? (uk ? 'Europe/London' : REPORT_DEFAULTS.timezone);
  if (!isValidTimeZone(timezone)) throw new TypeError(`timezone must be an IANA zone such as America/New_York, got "${timezone}"`);
  const filingStatus = rest.filingStatus ?? REPORT_DEFAULTS.filingStatus;
  if (!FILING_STATUSES.includes(filingStatus)) throw new TypeError(`filingStatus must be one of ${FILING_STATUSES.join(', ')}, got "${filingStatus}"`);
  if (rest.stablecoinBasis !== undefined && !STABLECOIN_BASES.includes(rest.stablecoinBasis)) {
    throw new TypeError(`stablecoinBasis must be one of ${STABLECOIN_BASES.join(', ')}, got "${String(rest.stablecoinBasis)}"`);
  }
  if (uk && rest.stablecoinBasis === 'par') throw new TypeError('stablecoinBasis "par" is a US option: UK reports keep stablecoins of unknown origin at unknown cost');
  return {
    ...rest,
    method,
    methodOrigin: rest.methodOrigin ?? (methodText === undefined ? 'default' : 'library option'),
    lotScope: rest.lotScope ?? (REPORT_DEFAULTS.lotScope as LotScope),
    perWalletFrom: rest.perWalletFrom ?? REPORT_DEFAULTS.perWalletFrom,
    timezone,
    currency,
    filingStatus,
    carryoverShort: carryover(carryoverShort, 'carryoverShort'),
    carryoverLong: carryover(carryoverLong, 'carryoverLong'),
    prices: rest.prices ?? [],
    stablecoins: rest.stablecoins ?? DEFAULT_USD_STABLECOINS,
    priceWindowMs: rest.priceWindowMs ?? REPORT_DEFAULTS.priceWindowHours * 3_600_000,
    transferMatching: rest.transferMatching ?? DEFAULT_TRANSFER_MATCHING,
    importers: rest.importers ?? withRowGuards(ALL_IMPORTERS, { now: now ?? Date.now() }),
  };
}

function carryover(value: string | Dec | undefined, name: string): Dec {
  if (value === undefined) return ZERO;
  let d: Dec;
  try {
    d = typeof value === 'string' ? new Dec(value.trim()) : value;
  } catch {
    throw new TypeError(`${name} must be a decimal string such as "2000.00", got "${String(value)}"`);
  }
  if (!d.isFinite() || d.isNegative()) throw new TypeError(`${name} must be a positive amount, got "${String(value)}"`);
  return d;
}
