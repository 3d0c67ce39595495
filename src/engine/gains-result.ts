/**
 * What the engine takes and gives: the booking policy, and the result of matching (disposals,
 * income, removals, open lots). Types only; `compute-gains.ts` produces them.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AssetCode } from '../model/asset.js';
import type { Dec } from '../model/decimal.js';
import type { Disposal } from '../model/disposal.js';
import type { IncomeKind, RemovalKind } from '../model/ledger-event.js';
import type { LocalDate } from '../model/local-date.js';
import type { LotSnapshot } from '../model/lot.js';
import type { Money, PriceSource } from '../model/money.js';
import type { SourceRef } from '../model/source-ref.js';
import type { BookingMethod } from './booking-methods.js';
import type { BookingRules } from './booking-rules.js';
import type { Reallocation } from './inventory.js';
import type { MethodChange } from './method-schedule.js';

export type LotScope = 'auto' | 'universal' | 'per-wallet';

/** Calendar years `from` through `to`, both included. */
export interface KeptYearRange {
  readonly from: number;
  readonly to: number;
}

export interface BookingPolicy {
  readonly method: BookingMethod;
  /**
   * A method that changes from a date forward (method-schedule.ts); when given it decides, for
   * each event's date, the order in which lots are taken, and `method` is not used.
   */
  readonly methodSchedule?: readonly MethodChange[];
  /** `auto`: universal before `perWalletFrom`, per wallet from then on. */
  readonly lotScope: LotScope;
  readonly perWalletFrom: LocalDate;
  /** IANA zone of the taxpayer: calendar dates for holding periods and tax years. */
  readonly timezone: string;
  /** The jurisdiction's rules the engine books with (US: `US_BOOKING`, src/jurisdictions/us/). */
  readonly rules: BookingRules;
  /**
   * Also keep the open lots at the end of every calendar year the events span (year-end holdings),
   * from the first year whose disposals `keepDisposals` keeps (`latest-year`: the latest disposal's).
   */
  readonly yearEndSnapshots?: boolean;
  /**
   * Which disposals the result keeps (every disposal is still matched against lots): `all`
   * (default); one calendar year; or `latest-year` — the year of the last disposal, which is the
   * report's default tax year; or a range of calendar years `{ from, to }` (both included: a
   * multi-year report, `--year 2019-2025`), whose year-end lots are listed from `from` on.
   * Events are processed in time order, so disposal years never go back and a long history holds
   * the asked years' disposals in memory, not all of them.
   */
  readonly keepDisposals?: 'all' | 'latest-year' | number | KeptYearRange;
  /** Told how many events are booked, every few thousand and at the end (a progress display); never required. */
  readonly onBooked?: (done: number, total: number) => void;
  /** The taxpayer's own allocation at `perWalletFrom` (overrides file), replacing the default rule. */
  readonly allocation?: StatedAllocation;
  /**
   * `--stablecoin-basis par`: units of a USD stablecoin that would arrive as a lot of unknown basis
   * (a deposit with no source, units a transfer brings beyond what the source held, units a
   * conversion creates) get par basis instead. Absent: the contract's rule, unknown basis.
   */
  readonly stablecoinPar?: StablecoinPar;
}

/** Par basis for USD stablecoins of unknown origin (engine README "Stablecoins of unknown origin"). */
export interface StablecoinPar {
  /** The basis of `units` of `asset` arriving at `instant` (1.00 USD each, in the report currency), or undefined: not a listed stablecoin, or no USD rate. */
  basisOf(asset: AssetCode, units: Dec, instant: number): Dec | undefined;
  /** The report currency, for the note. */
  readonly currency: string;
}

/** One lot of the taxpayer's allocation (Rev. Proc. 2024-28 section 5.02). */
export interface AllocatedLot {
  readonly wallet: string;
  readonly asset: string;
  readonly units: Dec;
  readonly basis: Dec;
  readonly acquired: LocalDate;
  /** Its place in the overrides file. */
  readonly source: SourceRef;
  readonly where: string;
}

export interface StatedAllocation {
  readonly lots: readonly AllocatedLot[];
}

export interface IncomeRecord {
  readonly id: string;
  readonly kind: IncomeKind;
  readonly wallet: string;
  readonly asset: AssetCode;
  readonly quantity: Dec;
  readonly value: Dec;
  readonly valueSource: PriceSource;
  readonly instant: number;
  readonly date: LocalDate;
  readonly source: SourceRef;
}

/**
 * Units that left without a taxable event: gifts, donations, losses, unmatched withdrawals, and
 * derivative losses/fees paid in a stablecoin counted at 1.00 (cash-like settlement).
 */
export interface RemovalRecord {
  readonly id: string;
  readonly kind: RemovalKind | 'unmatched-withdrawal' | 'settlement';
  readonly wallet: string;
  readonly asset: AssetCode;
  readonly quantity: Dec;
  readonly basis: Dec;
  /** Units no lot covered. */
  readonly uncovered: Dec;
  /** Units taken from lots of unknown basis. */
  readonly unknownBasis: Dec;
  /** Market value of the units removed (stated by the export or priced), when known. */
  readonly value?: Money;
  /** The lots the units came from (acquisition dates, basis); `uncovered` units have none. */
  readonly pieces: readonly RemovedPiece[];
  readonly instant: number;
  readonly date: LocalDate;
  readonly source: SourceRef;
}

/**
 * A transfer of more units than the source wallet held (history missing there): the extra units
 * arrived in the destination as a lot of unknown basis (README "Transfers larger than the holdings").
 */
export interface Overdraft {
  readonly asset: AssetCode;
  readonly from: string;
  readonly to: string;
  /** Units sent beyond the source's balance: the units the overdraft created. */
  readonly quantity: Dec;
  /** What the source wallet held just before (never below zero). */
  readonly held: Dec;
  readonly instant: number;
  readonly date: LocalDate;
  readonly source: SourceRef;
}

/** Units of one lot that left with a removal. */
export interface RemovedPiece {
  readonly lotId: string;
  readonly quantity: Dec;
  readonly basis: Dec;
  readonly acquiredDate: LocalDate;
  readonly basisKnown: boolean;
  readonly lotSource: SourceRef;
}

/**
 * The 2025-01-01 allocation of lots to wallets (Rev. Proc. 2024-28): every open lot as it stood
 * right after, and the moves that made it (README "Per-wallet lots from 2025").
 */
export interface Allocation {
  readonly date: LocalDate;
  readonly lots: readonly LotSnapshot[];
  readonly moves: readonly Reallocation[];
}

export interface GainsResult {
  readonly disposals: readonly Disposal[];
  readonly income: readonly IncomeRecord[];
  readonly removals: readonly RemovalRecord[];
  readonly openLots: readonly LotSnapshot[];
  /**
   * Open lots at the end of each year up to the last event's, when asked for: from the first
   * event's year, or from the first year of kept disposals when `keepDisposals` is set.
   */
  readonly yearEndLots?: ReadonlyMap<number, readonly LotSnapshot[]>;
  readonly reallocations: readonly Reallocation[];
  /** The 2025-01-01 allocation, when the run crossed it under `--lot-scope auto`. */
  readonly allocation?: Allocation;
  /** Transfers larger than the source's holdings, in booking order. */
  readonly overdrafts: readonly Overdraft[];
  readonly diagnostics: readonly Diagnostic[];
  /** With a stated allocation: whether it replaced the default rule (false: refused, or no 2025 event). */
  readonly allocationApplied?: boolean;
}
