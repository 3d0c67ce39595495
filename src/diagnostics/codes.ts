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
  CSV_ROW_QUOTED: {
    severity: 'note',
    hint: 'a spreadsheet re-saved the file with each row as one quoted cell; the rows were read from inside the quotes — re-export from the exchange to be sure',
  },
  CSV_LINE_TOO_LONG: {
    severity: 'error',
    hint: 'a cell over 64 KiB or a row over 1 MiB is not an export row (an unclosed quote, or a file that is not CSV); the line is rejected and reading goes on',
  },
  CSV_HEADER_CHANGED: {
    severity: 'warning',
    hint: 'two exports were joined into one file and the second has its columns in another order; its rows are read by its own header: check that both parts belong together',
  },
  CSV_HEADER_MISMATCH: {
    severity: 'error',
    hint: 'a header line further down the file has columns this format cannot read (another export pasted in): split the file at that line and give each part as its own input',
  },
  INPUT_BINARY: { severity: 'error', hint: 'the file is not text (a spreadsheet .xlsx, a zip, an image): export or save it as CSV' },
  INPUT_ENCODING: {
    severity: 'warning',
    hint: 'the file is not valid UTF-8 and was read as Windows-1252 (Latin-1): check names and symbols, or re-save it as UTF-8',
  },
  DATE_ORDER_CONFLICT: {
    severity: 'error',
    hint: 'the file\'s dates are not all in the order it was read in (day-first, month-first), so none of them can be trusted and the file is not read; check the line named, then run again with --date-order dmy|mdy|ymd, or correct the rows written in the other order',
  },
  DATE_ORDER_ASSUMED: {
    severity: 'warning',
    hint: 'no date in the file has a day above 12, so its order was assumed: check a few rows against the exchange\'s site and pass --date-order dmy|mdy|ymd to state it',
  },
  INPUT_TOO_LARGE: { severity: 'error', hint: 'the file is larger than --max-input-size; split the export by date range, or raise the limit' },
  // ── rows ──
  ROW_BAD_NUMBER: { severity: 'error', hint: 'the cell must be a decimal number such as 1234.56' },
  ROW_BAD_DATE: { severity: 'error', hint: 'the cell must be a date such as 2024-03-01 12:00:00 (UTC)' },
  ROW_MISSING_VALUE: { severity: 'error', hint: 'fill the cell; the row cannot be understood without it' },
  ROW_UNKNOWN_TYPE: { severity: 'error', hint: 'the row type or label is not one taxlot knows; see the format documentation in the README' },
  ROW_INCONSISTENT: { severity: 'error', hint: 'the row contradicts itself; correct the amounts' },
  ROW_UNSUPPORTED: { severity: 'error', hint: 'this kind of row is not supported yet; it is counted as rejected so nothing is lost silently' },
  ROW_SKIPPED: { severity: 'note', hint: 'the row has no tax effect and was deliberately ignored' },
  ROW_DATE_OUT_OF_RANGE: {
    severity: 'error',
    hint: 'crypto rows are dated from 2009-01-03 (the first Bitcoin block) up to today; correct the date (or the export\'s date format) and run again',
  },
  ROW_NAME_TOO_LONG: {
    severity: 'error',
    hint: 'an asset code, contract or wallet name of over 100 characters is not one an export writes: check the columns of this row',
  },
  ROW_NAME_INVISIBLE: {
    severity: 'error',
    hint: 'an asset code or name holds an invisible or control character (shown as \\u{200b}): it could pose as another asset; retype the cell',
  },
  ROW_ID_MANGLED: {
    severity: 'error',
    hint: 'a spreadsheet re-saved the file and turned a long id into scientific notation (1,55444E+13): its digits are lost; use the exchange\'s original export',
  },
  DUPLICATE_ROWS: {
    severity: 'warning',
    hint: 'two exports of the same account overlap (or a file was given twice); each row is counted once',
  },
  POSSIBLE_DUPLICATE: {
    severity: 'warning',
    hint: 'two different exports describe the same movement (e.g. a ledger and a trade history of one account); import only one of them',
  },
  // ── pricing ──
  PRICE_MISSING: {
    severity: 'error',
    hint: 'add the price to a price table (--prices FILE); `taxlot prices missing <inputs>` writes one to fill',
  },
  PRICE_MISSING_YEAR_END: {
    severity: 'note',
    hint: 'informational only (no tax effect): add a price for December 31 to the price table to value the holdings',
  },
  PRICE_PROVIDER_UNKNOWN_COIN: {
    severity: 'warning',
    hint: 'map the ticker to its CoinGecko id in a --price-coin-map file, or add the price to a price table',
  },
  PRICE_PROVIDER_NO_PRICE: { severity: 'warning', hint: 'add the price to a price table (--prices FILE)' },
  PRICE_PROVIDER_FAILED: {
    severity: 'warning',
    hint: 'run again later (answers already received are cached), raise --price-timeout or --price-deadline, or add the price to a price table',
  },
  PRICE_PROVIDER_BAD_RESPONSE: {
    severity: 'warning',
    hint: 'check --price-api-url points at a CoinGecko-compatible API; or add the price to a price table',
  },
  PRICE_CACHE_INVALID: {
    severity: 'warning',
    hint: 'the entries named were written by an older taxlot, damaged or edited; they are fetched again and rewritten (delete the cache folder to start afresh)',
  },
  PRICE_TABLE_CONFLICT: {
    severity: 'error',
    hint: 'the price table gives two different prices for one asset, currency and date (or instant): keep the right one and delete the other line',
  },
  PRICE_TABLE_BAD_CODE: {
    severity: 'error',
    hint: 'write the asset or currency code as the exports name it (BTC, USD); spaces, control and invisible characters are not part of a code',
  },
  PRICE_TABLE_DUPLICATE: { severity: 'note', hint: 'the same price is given twice in the price table; one line is enough' },
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
  TRANSFER_OVERDRAFT: {
    severity: 'warning',
    hint: 'the source wallet sent more than its history shows it held: import its missing purchases or deposits; until then the extra units are a lot of unknown basis in the destination',
  },
  STABLECOIN_PAR_BASIS: {
    severity: 'note',
    hint: '--stablecoin-basis par gave these USD stablecoins of unknown origin a basis of 1.00 USD per unit, acquired the day they arrived: right only if they were bought for dollars at par; if they were income, a payment or the proceeds of a swap, say so in --overrides (README "Stablecoins of unknown origin")',
  },
  TRANSFER_MISMATCH: { severity: 'warning', hint: 'the two rows share a transaction hash but not the asset or amount; check both exports' },
  FIAT_CONVERSION: { severity: 'note', hint: 'fiat-to-fiat conversions are not crypto disposals and are not reported' },
  LOT_REALLOCATION: { severity: 'note', hint: 'see open-lots and README "Per-wallet lots from 2025" for the allocation rule' },
  // ── United Kingdom (--jurisdiction uk, src/jurisdictions/uk/README.md) ──
  UK_DERIVATIVES_NOT_COUNTED: {
    severity: 'warning',
    hint: 'derivative positions (perpetuals, futures, margin PnL) are not in the UK capital gains figures: work them out separately; only the settlement units move in the pools',
  },
  // ── derivatives and liabilities (src/derivatives/README.md) ──
  DERIVATIVE_FORM_8949: {
    severity: 'note',
    hint: 'offshore perpetuals/futures are reported per position on Form 8949; regulated futures (section 1256, Form 6781, 60/40) are not supported: report those separately',
  },
  DERIVATIVE_POSITION_OPEN: {
    severity: 'warning',
    hint: 'the position (or its commissions/funding) is not closed in the inputs; it is reported when it closes: import the later history',
  },
  DERIVATIVE_CLOSE_BEYOND_OPEN: {
    severity: 'warning',
    hint: 'the close is larger than the position opened in the inputs: history is missing at the start; the whole pending cost is realised here',
  },
  DERIVATIVE_BALANCE_NEGATIVE: {
    severity: 'warning',
    hint: 'the venue shows a balance below zero without a liquidation row; not treated as a debt. Check the export, or state the liability in --overrides',
  },
  LIABILITY_OWED: {
    severity: 'warning',
    hint: 'the deficit is included in the position loss when it arose (status owed); state repaid, forgiven, absorbed or disputed in --overrides (README "Liabilities")',
  },
  LIABILITY_ABSORBED: { severity: 'note', hint: 'the deficit was covered by the venue (insurance fund); it is not part of the loss' },
  LIABILITY_FORGIVEN: {
    severity: 'warning',
    hint: 'possible cancellation-of-debt income (Schedule 1 line 8c; exclusions on Form 982) in the year of forgiveness: for the tax preparer to decide',
  },
  LIABILITY_DISPUTED: {
    severity: 'warning',
    hint: 'a disputed deficit stays in the loss as reported by the venue; review its treatment with the tax preparer',
  },
  OVERRIDES_INVALID: { severity: 'error', hint: 'fix the overrides file (README "Overrides file"); amounts are decimal strings such as "1223.56"' },
  OVERRIDE_UNMATCHED: {
    severity: 'warning',
    hint: 'the override names no row (check "file" and "line" against the diagnostics, or the transaction hash) or no liability (venue, asset and date of the deficit as in liabilities.csv)',
  },
  OVERRIDE_APPLIED: {
    severity: 'note',
    hint: 'an override from the overrides file changed the report; every one is listed in overrides-applied.csv',
  },
  // ── Form 1099-DA (src/jurisdictions/us/form1099da/README.md) ──
  DA_NOT_IN_RECORDS: {
    severity: 'error',
    hint: 'the broker reported this sale to the IRS but no disposal in the inputs matches it (wallet, asset, date sold ±1 day, units): the IRS sees proceeds with no basis; import the missing history of that wallet',
  },
  DA_NOT_REPORTED: {
    severity: 'warning',
    hint: 'the wallet has Form 1099-DA rows this year but none covers this disposal: it goes in box I/L; check that the whole form (and any corrected form) was imported',
  },
  DA_FORM_EXPECTED: {
    severity: 'warning',
    hint: 'this broker issues Form 1099-DA to US customers from tax year 2025: import the form (README "Form 1099-DA") so each sale goes in box G/H/J/K as the IRS expects; until then the sales are in box I/L',
  },
  DA_REPLACED: { severity: 'note', hint: 'a corrected or later Form 1099-DA replaces an earlier report of the same transaction' },
  DA_OTHER_YEAR: { severity: 'note', hint: 'the Form 1099-DA row is dated outside the tax year reported; it is not reconciled in this report' },
  // ── usage ──
  YEAR_WITHOUT_ACTIVITY: { severity: 'warning', hint: 'check --year; the inputs have no disposal or income in that year' },
  // ── planning (taxlot harvest) ──
  AFTER_AS_OF: { severity: 'note', hint: 'taxlot harvest books the history up to the end of --as-of; later events are left out of the plan' },
} as const satisfies Record<string, CodeSpec>;

export type DiagnosticCode = keyof typeof CODES;
