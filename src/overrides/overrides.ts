/**
 * The overrides file's contents once validated (src/overrides/README.md): the user's statements
 * about rows of their exports, transfers, the 2025-01-01 allocation and debts to venues. Every
 * entry keeps `where` (`rows[2]`) and `line` (its line in the overrides file) for messages.
 */
import type { Dec } from '../model/decimal.js';
import type { IncomeKind } from '../model/ledger-event.js';
import type { LocalDate } from '../model/local-date.js';
import type { LiabilityOverride } from './liability-override.js';

/** Where an entry is in the overrides file. */
export interface Place {
  /** `rows[2]`, `transfers[0].from` */
  readonly where: string;
  /** Line in the overrides file where the entry starts (1 when unknown). */
  readonly at: number;
}

/** How an override names a row: by input file and physical line, or by transaction hash / id. */
export interface RowRef {
  readonly file?: string;
  /** Physical line in the input file, as diagnostics print it. */
  readonly line?: number;
  /** Transaction hash or id, matched case-insensitively against the row's (extension). */
  readonly tx?: string;
}

export const ROW_MEANINGS = ['income', 'gift-received', 'gift-given', 'donation', 'lost', 'spend', 'not-taxable', 'transfer'] as const;
export type RowMeaning = (typeof ROW_MEANINGS)[number];

/** What a rejected row was (extension): the facts the row could not give. */
export interface StatedRow {
  readonly asset: string;
  readonly amount: Dec;
  /** Epoch ms. */
  readonly instant: number;
  /** `in`: units arrived; `out`: units left (needed for `transfer` and `not-taxable`). */
  readonly direction: 'in' | 'out';
}

export interface RowOverride extends Place {
  readonly ref: RowRef;
  readonly as?: RowMeaning;
  readonly kind?: IncomeKind;
  /** `as: transfer`: the user's other wallet. */
  readonly wallet?: string;
  readonly basis?: Dec;
  readonly acquired?: LocalDate;
  /** Market value in the report currency of what the row received (or moved). */
  readonly value?: Dec;
  /** Extension: the price of one unit in the report currency (value = price × units). */
  readonly price?: Dec;
  /** The reason the row is ignored. */
  readonly ignore?: string;
  /** A rejected row's facts (extension). */
  readonly stated?: StatedRow;
  readonly note?: string;
}

export interface TransferOverride extends Place {
  readonly from: RowRef;
  readonly to: RowRef;
}

/** A row the transfer matcher must leave alone (extension `unpair`). */
export interface UnpairEntry extends Place {
  readonly ref: RowRef;
}

export interface AllocationEntry extends Place {
  readonly wallet: string;
  readonly asset: string;
  readonly units: Dec;
  readonly basis: Dec;
  readonly acquired: LocalDate;
}

export interface Overrides {
  /** The overrides file as the user named it. */
  readonly file: string;
  readonly liabilities: readonly LiabilityOverride[];
  readonly rows: readonly RowOverride[];
  readonly transfers: readonly TransferOverride[];
  /** Rows the transfer matcher must not pair (extension `unpair`). */
  readonly unpair: readonly UnpairEntry[];
  readonly allocation: readonly AllocationEntry[];
}

export const NO_OVERRIDES: Overrides = { file: '', liabilities: [], rows: [], transfers: [], unpair: [], allocation: [] };

/** True when the file states something about rows, transfers or the allocation. */
export function hasRowOverrides(o: Overrides): boolean {
  return o.rows.length + o.transfers.length + o.unpair.length + o.allocation.length > 0;
}

/** `file:line`, `tx 0xab…`: how a reference is shown. */
export function describeRef(ref: RowRef): string {
  if (ref.file !== undefined && ref.line !== undefined) return `${ref.file}:${ref.line}`;
  if (ref.tx !== undefined) return `${ref.file ? `${ref.file} ` : ''}tx ${ref.tx}`;
  return ref.file ?? '?';
}
