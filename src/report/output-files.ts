/**
 * The one list of the files a report folder holds: each file's name, when it is written, what
 * renders it and what it holds. Read by the writer (`REPORT_FILES` in render-outputs.ts: the names
 * a run may write and a re-run may replace), by the PDF's "Files for tax software" page (the files
 * it lists, in this order; the template gives their text), and by README "Outputs" (the table is
 * generated from this list by `npm run docs:tables`; test/docs-tables.test.ts checks it).
 * A new output is one entry here plus its renderer.
 */

/** When a file is in the folder. */
export type OutputWhen =
  | 'always'
  | 'us'
  | 'uk'
  | 'pdf'
  | 'derivatives'
  | 'form1099da'
  | 'compare-methods'
  | 'overrides'
  | 'removals'
  | 'allocation';

export interface OutputFile {
  readonly name: string;
  readonly when: OutputWhen;
  /** The module that renders it (under src/). */
  readonly renderer: string;
  /** One line for README "Outputs". */
  readonly description: string;
  /** Listed on the PDF's "Files for tax software" page (text in templates/us/report.json `exports.files`). */
  readonly onPdfExportsPage?: true;
}

/** What README "Outputs" says for each `when`. */
export const WHEN_TEXT: Readonly<Record<OutputWhen, string>> = {
  always: 'always',
  us: 'US reports',
  uk: '`--jurisdiction uk`',
  pdf: 'unless `--no-pdf`',
  derivatives: 'when the inputs hold margin or futures rows',
  form1099da: 'when a Form 1099-DA is given',
  'compare-methods': 'with `--compare-methods`',
  overrides: 'with `--overrides`',
  removals: 'when the tax year has gifts, donations or lost coins',
  allocation: 'reports of 2025 and later with lots open at 2025-01-01',
};

export const OUTPUT_FILES: readonly OutputFile[] = [
  {
    name: 'summary.json', when: 'always', renderer: 'report/summary-json.ts', onPdfExportsPage: true,
    description: 'the machine-readable totals, exactly as [docs/contract.md](docs/contract.md) defines them (US and UK shapes: `src/model/summary.ts`)',
  },
  {
    name: 'form8949.csv', when: 'us', renderer: 'report/csv/form8949-csv.ts', onPdfExportsPage: true,
    description: 'one row per disposal slice (one lot consumed by one disposal): box, term, description, dates, proceeds, cost basis, adjustment code and amount, gain, wallet, how proceeds were valued, the lot and the source `file:line` of both, and the Form 1099-DA row it is matched to ([Form 1099-DA](#form-1099-da))',
  },
  {
    name: 'turbotax-gains.csv', when: 'us', renderer: 'report/exports/turbotax-gains-csv.ts', onPdfExportsPage: true,
    description: 'TurboTax gains import (`Currency Name,Purchase Date,Cost Basis,Date Sold,Proceeds`), split into numbered files (`turbotax-gains-1.csv` …) above 4,000 lines',
  },
  {
    name: 'turbotax-transactions.csv', when: 'us', renderer: 'report/exports/turbotax-transactions-csv.ts', onPdfExportsPage: true,
    description: 'TurboTax universal transactions (the whole history)',
  },
  { name: 'taxact-capital-gains.csv', when: 'us', renderer: 'report/exports/taxact-csv.ts', onPdfExportsPage: true, description: 'TaxAct Stock Assistant' },
  { name: 'capital-gains.txf', when: 'us', renderer: 'report/exports/txf.ts', onPdfExportsPage: true, description: 'TXF v042 (TurboTax / H&R Block desktop)' },
  { name: 'audit-trail.csv', when: 'us', renderer: 'report/exports/audit-trail-csv.ts', onPdfExportsPage: true, description: 'every Form 8949 line → lot → source rows' },
  {
    name: 'income.csv', when: 'always', renderer: 'report/csv/income-csv.ts', onPdfExportsPage: true,
    description: "every income receipt: date, kind, asset, quantity, value (= the new lot's basis), where the value came from",
  },
  {
    name: 'open-lots.csv', when: 'us', renderer: 'report/csv/open-lots-csv.ts', onPdfExportsPage: true,
    description: 'lots at the end of the tax year, with basis and — when a year-end price is known — market value and unrealized gain',
  },
  { name: 'holdings.csv', when: 'us', renderer: 'report/csv/holdings-csv.ts', onPdfExportsPage: true, description: 'holdings at the end of the tax year by asset and wallet, valued as open-lots.csv' },
  { name: 'derivatives.csv', when: 'derivatives', renderer: 'report/csv/derivatives-csv.ts', onPdfExportsPage: true, description: 'one line per closed position (a Form 8949 line each)' },
  {
    name: 'derivatives-reconciliation.csv', when: 'derivatives', renderer: 'report/csv/derivatives-reconciliation-csv.ts', onPdfExportsPage: true,
    description: "the reconciliation from the venue's PnL to the taxed figures",
  },
  { name: 'liabilities.csv', when: 'derivatives', renderer: 'report/csv/liabilities-csv.ts', onPdfExportsPage: true, description: 'debts to venues (negative balances after liquidations)' },
  { name: 'margin-interest.csv', when: 'derivatives', renderer: 'report/csv/margin-interest-csv.ts', onPdfExportsPage: true, description: 'margin and borrowing interest (Form 4952)' },
  {
    name: 'diagnostics.txt', when: 'always', renderer: 'report/render-outputs.ts', onPdfExportsPage: true,
    description: 'every diagnostic, including notes (skipped rows with their reason, lot reallocations, each override applied); a diagnostic an override can resolve names that override with its file and line',
  },
  {
    name: 'form-1099-da-reconciliation.csv', when: 'form1099da', renderer: 'report/form1099da/reconciliation-csv.ts', onPdfExportsPage: true,
    description: 'every reported row → its Form 8949 lines, each difference and its reason; rows not in the records; disposals not reported',
  },
  {
    name: 'gifts-donations-losses.csv', when: 'removals', renderer: 'report/csv/removals-csv.ts',
    description: 'gifts given, donations and lost or stolen coins, one row per lot they came from — date, units, acquisition date, holding period, basis, market value (for Form 709, Form 8283, Form 4684)',
  },
  {
    name: 'lot-allocation-2025.csv', when: 'allocation', renderer: 'report/csv/allocation-csv.ts',
    description: 'every lot open at the 2025-01-01 switch to per-wallet lots, the wallet it was assigned to and the wallet it was moved from (the Rev. Proc. 2024-28 record)',
  },
  {
    name: 'methods.csv', when: 'compare-methods', renderer: 'report/csv/methods-csv.ts',
    description: "the year's short-term, long-term, net, deduction and carryforwards under FIFO, LIFO and HIFO",
  },
  { name: 'report.html', when: 'us', renderer: 'report/html/report-html.ts', description: 'one self-contained page for fixing your data: see [report.html](#reporthtml)' },
  {
    name: 'overrides-applied.csv', when: 'overrides', renderer: 'report/csv/overrides-applied-csv.ts',
    description: 'every override that changed the report — its place in the overrides file, the row(s), what it changed from and to (also a PDF page)',
  },
  {
    name: 'report.pdf', when: 'pdf', renderer: 'report/pdf/render-pdf.ts (UK: report/pdf/uk-pdf.ts)',
    description: 'the filing attachment: cover (method and where it came from, lot scope, zone, price sources, data quality), Schedule D summary with the loss limitation, Form 8949 pages one box per page (G/H/J/K for sales on a Form 1099-DA, I/L for other sales from 2025, C/F before and for derivative positions; code M summary plus attached statement above `--summary-threshold` lines), income (Schedule 1 line 8v), missing basis, gifts / donations / lost coins with the Form 709, Form 8283 and casualty-loss notes, open lots, the 2025-01-01 lot allocation with the rule and the records to keep, derivatives and liabilities when present, notes for the preparer (transfers larger than the holdings, standing orders for LIFO/HIFO, investment interest, business income), charts by month and asset, and an audit appendix tracing each line to its lot and source rows (the first 2,000 lines; `audit-trail.csv` has all)',
  },
  { name: 'uk-disposals.csv', when: 'uk', renderer: 'report/uk/uk-csv.ts', description: 'each disposal day of an asset, matched same-day, bed-and-breakfast and from the pool ([United Kingdom](#united-kingdom---jurisdiction-uk))' },
  { name: 'uk-pools.csv', when: 'uk', renderer: 'report/uk/uk-csv.ts', description: 'each section 104 pool at the end of the tax year' },
  { name: 'uk-sa108.csv', when: 'uk', renderer: 'report/uk/uk-csv.ts', description: 'the SA108 capital gains summary figures for cryptoassets' },
  {
    name: '.taxlot-manifest.json', when: 'always', renderer: 'cli/report-folder.ts',
    description: "every file this run wrote, with its size and SHA-256 (see below): what lets the next run tell taxlot's files from yours",
  },
];

/** The manifest is written by the folder writer (the shell), after the report's own files. */
export const MANIFEST_NAME = '.taxlot-manifest.json';

/** README "Outputs": one row per file, generated (`npm run docs:tables`). */
export function outputsTable(files: readonly OutputFile[] = OUTPUT_FILES): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  return [
    '| file | written | content |',
    '|---|---|---|',
    ...files.map((f) => `| \`${f.name}\` | ${cell(WHEN_TEXT[f.when])} | ${cell(f.description)} |`),
  ].join('\n');
}
