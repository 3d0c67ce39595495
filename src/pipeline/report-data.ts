/**
 * What the pipeline takes (the input files and the options of a run) and what it gives (the
 * report's data: everything a report shows, for one tax year). Types only.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GainsResult, IncomeRecord, LotScope } from '../engine/gains-result.js';
import type { BookingMethod } from '../engine/booking-methods.js';
import type { MethodChange } from '../engine/method-schedule.js';
import type { TransferMatching } from '../engine/match-transfers.js';
import type { FileImport } from '../importers/import-file.js';
import type { TextSource } from '../importers/text-source.js';
import type { DateOrder } from '../importers/parse-instant.js';
import type { IncomeKind } from '../model/ledger-event.js';
import type { Importer } from '../importers/importer-spec.js';
import type { Dec } from '../model/decimal.js';
import type { Disposal } from '../model/disposal.js';
import type { LocalDate } from '../model/local-date.js';
import type { LotSnapshot } from '../model/lot.js';
import type { PricePoint } from '../pricing/price-book.js';
import type { ProgressSink } from './progress.js';
import type { SpillStore } from './spill-store.js';
import type { ParallelImport } from './parallel-import.js';
import type { StablecoinBasis } from './stablecoin-par.js';
import type { MissingPrice, PricedEvent } from '../pricing/price-events.js';
import type { YearEndValuation } from '../pricing/value-holdings.js';
import type { CapitalLoss, FilingStatus } from '../jurisdictions/us/capital-loss.js';
import type { InputCounts } from '../model/input-counts.js';
import type { Summary } from '../model/summary.js';
import type { YearTotals } from '../jurisdictions/us/year-totals.js';
import type { DerivativesResult, DerivativesYear } from '../derivatives/compute-derivatives.js';
import type { Overrides } from '../overrides/overrides.js';
import type { Reconciliation } from '../jurisdictions/us/form1099da/reconcile.js';
import type { AppliedOverride } from '../overrides/apply-overrides.js';
import type { TransferRecord } from './list-transfers.js';
import type { Valuation } from '../derivatives/position-lines.js';
import type { UkReport } from '../jurisdictions/uk/uk-summary.js';

export interface InputFile {
  /** The name shown in diagnostics and audit columns (as the user gave it). */
  readonly file: string;
  /** The decoded text: whole, or a function that streams it in chunks (see text-source.ts). */
  readonly text: TextSource;
  /** What reading the bytes found (an encoding fallback): reported with the file's diagnostics. */
  readonly readDiagnostics?: readonly Diagnostic[];
  /** The bytes are not a text file (binary, too large): only `readDiagnostics` is reported. */
  readonly unreadable?: boolean;
}

export interface ReportOptions {
  readonly year?: number;
  /** Tax year when neither --year nor any dated event gives one (all rows rejected). */
  readonly fallbackYear?: number;
  readonly method: BookingMethod;
  /**
   * `--method` with dates (`fifo,hifo:2025`): the method changes from each date forward, and
   * `method` is the first entry's. Absent for one method throughout.
   */
  readonly methodSchedule?: readonly MethodChange[];
  /** Where the method came from, for the report ("default", "--method flag", "taxlot.json"). */
  readonly methodOrigin: string;
  readonly lotScope: LotScope;
  readonly perWalletFrom: string;
  readonly timezone: string;
  readonly currency: string;
  /** `--jurisdiction uk`: HMRC rules (src/jurisdictions/uk/); absent for the US. */
  readonly jurisdiction?: 'uk';
  readonly filingStatus: FilingStatus;
  readonly carryoverShort: Dec;
  readonly carryoverLong: Dec;
  readonly prices: readonly PricePoint[];
  readonly stablecoins: readonly string[];
  /**
   * `--stablecoin-basis`: `par` gives USD stablecoins of unknown origin a basis of 1.00 USD per
   * unit (pipeline/stablecoin-par.ts); absent or `unknown`, they are lots of unknown basis (contract).
   */
  readonly stablecoinBasis?: StablecoinBasis;
  readonly priceWindowMs: number;
  readonly transferMatching: TransferMatching;
  readonly importers: readonly Importer[];
  readonly forcedFormat?: string;
  readonly inputZone?: string;
  /** `--date-order`: the order of day-month dates in every input (src/importers/date-order.ts). */
  readonly dateOrder?: DateOrder;
  /** `--overrides`: the user's statements about rows, transfers, the 2025 allocation and liabilities (src/overrides/). */
  readonly overrides?: Overrides;
  /** When derivative positions are valued: at their close (default) or when each row was booked. */
  readonly derivativeValuation?: Valuation;
  /**
   * Book only the events dated up to the end of this calendar date in `timezone` (`taxlot
   * harvest --as-of`); later events are counted in an AFTER_AS_OF note. Transfers are paired first.
   */
  readonly through?: LocalDate;
  /** `--income-as-business`: income kinds earned in a trade or business (Schedule C); presentation only. */
  readonly incomeAsBusiness?: readonly IncomeKind[];
  /** Told what the computation is doing (phases, rows, events booked); for a progress display only. */
  readonly progress?: ProgressSink;
  /**
   * Where the history's sorted runs go while it streams (`spill-store.ts`): the CLI gives
   * temporary files; absent, the history is sorted in memory. Results are the same either way.
   */
  readonly spill?: SpillStore;
  /**
   * The shell's threads (`import-elsewhere.ts`): with `spill`, one file that cannot overlap
   * another may be imported in another thread while this one imports the rest. Same results.
   */
  readonly parallelImport?: ParallelImport;
}

/** A file as the report describes it (its events are not kept twice: they are in `priced`). */
export type ImportedFile = Omit<FileImport, 'events'>;

export interface ReportData {
  readonly options: ReportOptions;
  readonly taxYear: number;
  /** Each file's recognition, accounting and diagnostics; its events are in `priced`. */
  readonly files: readonly ImportedFile[];
  /** The engine's result, its disposals narrowed to the tax year (all years' are not kept). */
  readonly gains: GainsResult;
  readonly disposals: readonly Disposal[];
  readonly income: readonly IncomeRecord[];
  readonly yearEndLots: readonly LotSnapshot[];
  /** The open lots at the end of December 31 of the tax year, at market value (informational). */
  readonly yearEnd: YearEndValuation;
  readonly totals: YearTotals;
  readonly capitalLoss: CapitalLoss;
  readonly inputs: InputCounts;
  /** Required values without a price (PRICE_MISSING errors), one per (asset, date). */
  readonly missingPrices: readonly MissingPrice[];
  /** Every event after transfer matching, with its resolved values (for exports that list events). */
  readonly priced: readonly PricedEvent[];
  /** Derivative positions (every year; their Form 8949 lines are also in `disposals`), liabilities, margin interest. */
  readonly derivatives: DerivativesResult;
  /** The tax year's derivative lines, liabilities, interest and the summary block's totals. */
  readonly derivativesYear: DerivativesYear;
  /** The Form 1099-DA reconciliation: placements of the matched lines (empty without a 1099-DA). */
  readonly form1099da: Reconciliation;
  readonly diagnostics: readonly Diagnostic[];
  /** The tax year's transfers between the user's wallets (report.html). */
  readonly transfers: readonly TransferRecord[];
  /** `file:line` → the text of the input rows diagnostics name (report.html). */
  readonly rowTexts: ReadonlyMap<string, string>;
  /** Every override of the overrides file that changed the report (overrides-applied.csv). */
  readonly overridesApplied: readonly AppliedOverride[];
  /** summary.json, its diagnostics counted from `diagnostics` (the CLI recounts with what it found outside the pipeline). */
  readonly summary: Summary;
  /** `--jurisdiction uk`: the UK year (then the US blocks above are empty). */
  readonly uk?: UkReport;
  /** True when no file could be read at all (exit code 2). */
  readonly nothingRead: boolean;
}
