/**
 * One transaction as a broker reported it on Form 1099-DA (one row of the form's detail, or of
 * the broker's transaction download): a statement of what the IRS was told, never an event.
 * Boxes: 1b asset, 1c units, 1d date acquired, 1e date sold, 1f proceeds, 1g cost basis, 2 basis
 * reported to the IRS, 3a gross or net proceeds, 6 term, 9 noncovered.
 */
import type { AssetCode } from '../../model/asset.js';
import type { Dec } from '../../model/decimal.js';
import type { LocalDate } from '../../model/local-date.js';
import type { SourceRef } from '../../model/source-ref.js';

export type ReportedTerm = 'short' | 'long' | 'ordinary';

export interface ReportedRow {
  /** file:line of the row, and the layout that read it (`form-1099da`, `taxbit-1099da`). */
  readonly source: SourceRef;
  /** The taxlot wallet of the broker account. */
  readonly wallet: string;
  /** The payer's name as printed (free text); the wallet when the file does not say. */
  readonly broker: string;
  readonly asset: AssetCode;
  readonly units: Dec;
  /** Box 1d; absent when empty or `VARIOUS`. */
  readonly acquired?: LocalDate;
  readonly variousAcquired: boolean;
  /** Box 1e, as the broker dated it. */
  readonly sold: LocalDate;
  /** Box 1f. */
  readonly proceeds: Dec;
  /** Box 1g; absent when the form shows none. */
  readonly costBasis?: Dec;
  /** Box 2 checked. */
  readonly basisReported: boolean;
  /** Box 3a. */
  readonly proceedsType: 'gross' | 'net';
  /** Box 6; absent when not stated. */
  readonly term?: ReportedTerm;
  /** Box 9 checked. */
  readonly noncovered: boolean;
  readonly transactionId?: string;
  /** The row is marked CORRECTED: it replaces an earlier report of the same transaction. */
  readonly corrected: boolean;
}
