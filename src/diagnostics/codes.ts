/**
 * The catalogue of every diagnostic taxlot can print: its code, default severity and a hint that
 * says what the user can do about it. Tests assert codes, not message text. The README links here.
 */
export type Severity = 'error' | 'warning' | 'note';

export interface CodeSpec {
  readonly severity: Severity;
  readonly hint: string;
}

export const CODES = {
  // ── reading and recognising files ──
  INPUT_NOT_FOUND: { severity: 'error', hint: 'check the path; folders are read recursively for *.csv files' },
  INPUT_UNREADABLE: { severity: 'error', hint: 'check the file permissions and that it is a text (CSV) file' },
  INPUT_EMPTY: { severity: 'warning', hint: 'the file has no data rows; export a date range that contains transactions' },
  FORMAT_UNKNOWN: {
    severity: 'error',
    hint: 'run `taxlot formats` for the supported exports; pass --format <id> if the file is one of them with renamed columns',
  },
  FORMAT_AMBIGUOUS: { severity: 'error', hint: 'pass --format <id> to choose the importer' },
  FORMAT_FORCED_MISMATCH: { severity: 'error', hint: 'the --format given does not match this file; drop --format to detect it' },
  CSV_MALFORMED: { severity: 'error', hint: 'the CSV structure is broken here (unclosed quote or wrong column count); re-export the file' },
  // ── rows ──
  ROW_BAD_NUMBER: { severity: 'error', hint: 'the cell must be a decimal number such as 1234.56' },
  ROW_BAD_DATE: { severity: 'error', hint: 'the cell must be a date such as 2024-03-01 12:00:00 (UTC)' },
  ROW_MISSING_VALUE: { severity: 'error', hint: 'fill the cell; the row cannot be understood without it' },
  ROW_UNKNOWN_TYPE: { severity: 'error', hint: 'the row type or label is not one taxlot knows; see the format documentation in the README' },
  ROW_INCONSISTENT: { severity: 'error', hint: 'the row contradicts itself; correct the amounts' },
  ROW_UNSUPPORTED: { severity: 'error', hint: 'this kind of row is not supported yet; it is counted as rejected so nothing is lost silently' },
  ROW_SKIPPED: { severity: 'note', hint: 'the row has no tax effect and was deliberately ignored' },
  // ── pricing ──
  PRICE_MISSING: {
    severity: 'error',
    hint: 'add the price to a price table (--prices FILE); `taxlot prices missing <inputs>` writes one to fill',
  },
  // ── engine ──
  DEPOSIT_UNMATCHED: {
    severity: 'warning',
    hint: 'import the wallet it came from so the transfer keeps its basis, or label it (income, gift...) if it is not your own funds',
  },
  WITHDRAWAL_UNMATCHED: {
    severity: 'warning',
    hint: 'import the wallet it went to; until then the units are assumed moved to an untracked wallet (no taxable event)',
  },
  MISSING_BASIS: {
    severity: 'warning',
    hint: 'import the missing purchase history (earlier years, other exchanges); these units are reported with zero basis',
  },
  BALANCE_NEGATIVE: {
    severity: 'warning',
    hint: 'history is probably missing for this wallet (an earlier export, a deposit); the report may be incomplete',
  },
  TRANSFER_MISMATCH: { severity: 'warning', hint: 'the two rows share a transaction hash but not the asset or amount; check both exports' },
  FIAT_CONVERSION: { severity: 'note', hint: 'fiat-to-fiat conversions are not crypto disposals and are not reported' },
  LOT_REALLOCATION: { severity: 'note', hint: 'see open-lots and README "Per-wallet lots from 2025" for the allocation rule' },
  // ── usage ──
  YEAR_WITHOUT_ACTIVITY: { severity: 'warning', hint: 'check --year; the inputs have no disposal or income in that year' },
} as const satisfies Record<string, CodeSpec>;

export type DiagnosticCode = keyof typeof CODES;
