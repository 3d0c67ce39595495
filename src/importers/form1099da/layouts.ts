/**
 * The Form 1099-DA layouts taxlot reads, each recognised by its header row like an export
 * (src/importers/form1099da/README.md documents each with its public source):
 *
 * - `form-1099da`: taxlot's own template, one row per reported transaction, columns named after
 *   the form's boxes; the wallet is a column.
 * - `taxbit-1099da`: the "1099-DA Form Data" CSV ingestion template of TaxBit, an issuer that
 *   files Forms 1099-DA for brokers; the wallet is the file's name (it names no taxlot wallet).
 *
 * Header names are matched case-insensitively; columns not listed are ignored.
 */
import { ifPresent, text } from '../columns.js';
import { defineImporter, skip, type Importer } from '../importer-spec.js';

export type Field =
  | 'wallet' | 'broker' | 'asset' | 'units' | 'acquired' | 'sold' | 'proceeds' | 'costBasis'
  | 'basisReported' | 'proceedsType' | 'term' | 'noncovered' | 'transactionId' | 'corrected';

export interface Form1099DaLayout {
  readonly id: string;
  readonly label: string;
  /** Where the wallet comes from: a column, or the file name without extension. */
  readonly wallet: 'column' | 'file-stem';
  /** Header aliases per field; `required` fields must all be in the header row. */
  readonly columns: Readonly<Partial<Record<Field, { readonly headers: readonly string[]; readonly required?: boolean }>>>;
  /**
   * Box 2 when the layout has no column for it: TaxBit's template states box 9 (noncovered) and
   * box 1g but not box 2, so basis counts as reported for a covered row that shows a basis.
   */
  readonly basisReportedWhenAbsent?: 'covered-with-basis';
}

export const TAXLOT_1099DA: Form1099DaLayout = {
  id: 'form-1099da',
  label: 'taxlot Form 1099-DA template (one row per reported transaction)',
  wallet: 'column',
  columns: {
    wallet: { headers: ['Wallet'], required: true },
    broker: { headers: ['Broker'] },
    asset: { headers: ['Asset'], required: true },
    units: { headers: ['Units'], required: true },
    acquired: { headers: ['Date Acquired'] },
    sold: { headers: ['Date Sold'], required: true },
    proceeds: { headers: ['Proceeds'], required: true },
    costBasis: { headers: ['Cost Basis'] },
    basisReported: { headers: ['Basis Reported'] },
    proceedsType: { headers: ['Proceeds Type'] },
    term: { headers: ['Term'] },
    noncovered: { headers: ['Noncovered'] },
    transactionId: { headers: ['Transaction ID'] },
    corrected: { headers: ['Corrected'] },
  },
};

export const TAXBIT_1099DA: Form1099DaLayout = {
  id: 'taxbit-1099da',
  label: 'TaxBit 1099-DA Form Data CSV template (issuer side; wallet = file name)',
  wallet: 'file-stem',
  columns: {
    broker: { headers: ['account_id'], required: true },
    asset: { headers: ['asset_symbol'], required: true },
    units: { headers: ['asset_quantity'], required: true },
    acquired: { headers: ['acquired_date'] },
    sold: { headers: ['disposed_date'], required: true },
    proceeds: { headers: ['proceeds'], required: true },
    costBasis: { headers: ['cost_basis'] },
    proceedsType: { headers: ['proceeds_type'] },
    term: { headers: ['gain_loss_classification'] },
    noncovered: { headers: ['is_noncovered_security'] },
    transactionId: { headers: ['transaction_id', 'form_id'] },
    corrected: { headers: ['is_corrected', 'corrected'] },
  },
  basisReportedWhenAbsent: 'covered-with-basis',
};

export const FORM_1099DA_LAYOUTS: readonly Form1099DaLayout[] = [TAXLOT_1099DA, TAXBIT_1099DA];

/**
 * The layout as a header signature for the shared detector (detect.ts): its columns, nothing
 * else. It maps no rows (the 1099-DA reader does).
 */
export function detectionSpec(layout: Form1099DaLayout): Importer {
  const columns = Object.fromEntries(
    Object.entries(layout.columns).map(([field, c]) => [field, c.required ? text([...c.headers]) : ifPresent(text([...c.headers]))]),
  );
  return defineImporter({
    id: layout.id,
    label: layout.label,
    howToExport: 'src/importers/form1099da/README.md',
    wallet: layout.wallet === 'column' ? 'file-stem' : 'file-stem',
    columns,
    mapRow: () => skip('a Form 1099-DA row is read by the 1099-DA reader'),
  });
}
