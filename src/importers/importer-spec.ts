/**
 * What an importer is: a small declarative spec the shared driver (`run-importer.ts`) executes.
 *
 * A spec names its columns (which also form its header signature for detection), and maps one
 * typed row — or one group of rows that together make an event — to an outcome: events, an
 * explicit skip with a reason, or a rejection with a diagnostic. `mapRow` never sees file names or
 * line numbers; the driver attaches the source reference, the wallet and the event id.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { NumberStyle } from './parse-number.js';
import type { Column } from './columns.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as an importer states it; the driver adds `id`, `source` and (by default) `wallet`. */
export type EventDraft = DistributiveOmit<LedgerEvent, 'id' | 'source' | 'wallet' | 'extraSources'> & {
  readonly wallet?: string;
  /**
   * In a group: the indexes (into the group's rows) this event came from, first = its source.
   * Default: the whole group, first row as source.
   */
  readonly groupRows?: readonly number[];
};

export type RowOutcome =
  | { readonly kind: 'events'; readonly events: readonly EventDraft[] }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'reject'; readonly code: DiagnosticCode; readonly message: string; readonly hint?: string };

export const events = (...list: EventDraft[]): RowOutcome => ({ kind: 'events', events: list });
export const skip = (reason: string): RowOutcome => ({ kind: 'skip', reason });
export const reject = (code: DiagnosticCode, message: string, hint?: string): RowOutcome =>
  hint === undefined ? { kind: 'reject', code, message } : { kind: 'reject', code, message, hint };

export type Columns = Record<string, Column<unknown>>;
export type RowOf<C extends Columns> = { readonly [K in keyof C]: C[K] extends Column<infer T> ? T : never };

/** What a spec may know about the file as a whole (never about rows: those come typed). */
export interface FileInfo {
  /** The file name, without folders. */
  readonly name: string;
  /** Lines above the header row. */
  readonly preamble: readonly string[];
}

export interface MapContext {
  /** The wallet the driver assigns by default (exchange id, or the file name stem). */
  readonly wallet: string;
  /** The file as a whole (name, preamble): for exports that state something only there. */
  readonly file: FileInfo;
}

interface SpecBase<C extends Columns> {
  /** Stable id, used by `--format` and in source references: `koinly-universal`, `kraken-ledgers`. */
  readonly id: string;
  /** One line for `taxlot formats`. */
  readonly label: string;
  /** Where to get the export on the exchange's site (menu path), for `taxlot formats`. */
  readonly howToExport: string;
  /** Wallet of the events: a venue id such as `kraken`, or `file-stem` for generic formats. */
  readonly wallet: string | 'file-stem';
  readonly columns: C;
  /** Header names that must also be present (not parsed) or must be absent (to tell versions apart). */
  readonly signature?: { readonly also?: readonly string[]; readonly absent?: readonly string[] };
  /** Zone of wall-clock dates in this export. Default `UTC`. */
  readonly zone?: string;
  /**
   * A zone the file itself declares, outside its rows: in a preamble line (OKX
   * `Time Zone:UTC+8`) or in the file name the exchange gave it (Binance `…(UTC-6).csv`).
   * Wins over `zone`; `--input-timezone` wins over both.
   */
  zoneFrom?(file: FileInfo): string | undefined;
  readonly numberStyle?: NumberStyle;
  /**
   * Header of the last column when the export may leave its (empty) cell out entirely: a row one
   * cell short is then read with that cell empty instead of being rejected as cut short.
   */
  readonly lastCellMayBeMissing?: string;
}

export interface RowSpec<C extends Columns> extends SpecBase<C> {
  mapRow(row: RowOf<C>, ctx: MapContext): RowOutcome;
}

export interface GroupSpec<C extends Columns> extends SpecBase<C> {
  /** Rows with the same key form one group (Kraken refid, a trade id); `undefined` = alone. */
  groupKey(row: RowOf<C>): string | undefined;
  mapGroup(rows: readonly RowOf<C>[], ctx: MapContext): RowOutcome;
}

export type ImporterSpec<C extends Columns> = RowSpec<C> | GroupSpec<C>;

/** A spec with its row type erased, as the registry and driver hold it. */
export type Importer = ImporterSpec<Columns>;

/** Declare an importer with full type checking of its row mapper, and register-ready erasure. */
export function defineImporter<C extends Columns>(spec: ImporterSpec<C>): Importer {
  return spec as unknown as Importer;
}

export function isGroupSpec(spec: Importer): spec is GroupSpec<Columns> {
  return 'groupKey' in spec;
}
