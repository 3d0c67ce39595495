/**
 * For each diagnostic an override can resolve: what taxlot assumed, and the override that would
 * state otherwise, with the row's file and line filled in (the hint in diagnostics.txt and the
 * snippet in report.html). Placeholders the user must fill are written `…` or `YYYY-MM-DD`. Pure.
 */
import type { Diagnostic } from './diagnostic.js';
import type { DiagnosticCode } from './codes.js';

const REJECTED: readonly DiagnosticCode[] = [
  'ROW_UNKNOWN_TYPE', 'ROW_BAD_NUMBER', 'ROW_BAD_DATE', 'ROW_MISSING_VALUE', 'ROW_INCONSISTENT', 'ROW_UNSUPPORTED', 'ROW_DATE_OUT_OF_RANGE',
  'ROW_NAME_TOO_LONG', 'ROW_ID_MANGLED', 'CSV_MALFORMED', 'CSV_LINE_TOO_LONG',
];

/** What taxlot did, for the codes where it had to assume something. */
export function assumption(code: DiagnosticCode): string | undefined {
  if (REJECTED.includes(code)) return 'the row is left out of the report (counted as rejected)';
  switch (code) {
    case 'DEPOSIT_UNMATCHED': return 'your own funds from an untracked wallet: a lot of unknown (zero) basis, acquired on arrival';
    case 'WITHDRAWAL_UNMATCHED': return 'moved to an untracked wallet of yours: no taxable event';
    case 'STABLECOIN_PAR_BASIS': return 'bought for dollars at par (--stablecoin-basis par): basis 1.00 USD per unit, acquired on arrival';
    case 'MISSING_BASIS': return 'zero basis for the uncovered units (short-term when no lot covers them)';
    case 'PRICE_MISSING': return 'the value is counted as 0';
    case 'POSSIBLE_DUPLICATE': return 'both rows are counted';
    case 'TRANSFER_MISMATCH': return 'the two rows are not paired';
    case 'LOT_REALLOCATION': return "taxlot's default allocation of lots to wallets at 2025-01-01";
    case 'BALANCE_NEGATIVE': return 'history is missing: the units sold beyond the balance have no basis';
    case 'LIABILITY_OWED': return 'the deficit is owed and included in the loss when it arose';
    case 'DERIVATIVE_BALANCE_NEGATIVE': return 'not treated as a debt';
    default: return undefined;
  }
}

/** The override (a whole overrides file's JSON) that would resolve the diagnostic, if one can. */
export function suggestOverride(d: Diagnostic, nameOf: (file: string) => string = (f) => f): Record<string, unknown> | undefined {
  const s = d.source;
  const row = s && s.format !== 'overrides' ? { file: nameOf(s.file), line: s.line } : undefined;
  if (row && REJECTED.includes(d.code)) {
    return { rows: [{ ...row, as: 'income', kind: 'other', asset: '…', amount: '…', date: 'YYYY-MM-DDTHH:MM:SSZ' }] };
  }
  switch (d.code) {
    case 'DEPOSIT_UNMATCHED':
      return row ? { rows: [{ ...row, as: 'gift-received', basis: '…', acquired: 'YYYY-MM-DD' }] } : undefined;
    case 'STABLECOIN_PAR_BASIS':
      // a deposit's own row takes its real basis or meaning (units a transfer brought: fix the source's history)
      return row && d.message.startsWith('deposit of') ? { rows: [{ ...row, basis: '…', acquired: 'YYYY-MM-DD' }] } : undefined;
    case 'WITHDRAWAL_UNMATCHED':
      return row ? { transfers: [{ from: row, to: { file: '…', line: 0 } }] } : undefined;
    case 'MISSING_BASIS':
      // sold out of a deposit of unknown basis: that deposit's row takes the basis
      return d.related
        ? { rows: [{ file: nameOf(d.related.file), line: d.related.line, basis: '…', acquired: 'YYYY-MM-DD' }] }
        : { rows: [{ file: '…', line: 0, basis: '…', acquired: 'YYYY-MM-DD' }] };
    case 'PRICE_MISSING':
      return row ? { rows: [{ ...row, value: '…' }] } : undefined;
    case 'POSSIBLE_DUPLICATE':
      return row ? { rows: [{ ...row, ignore: 'the same movement as another export' }] } : undefined;
    case 'TRANSFER_MISMATCH':
      return row ? { unpair: [row] } : undefined;
    case 'LOT_REALLOCATION':
      return { allocation: [{ wallet: '…', asset: '…', units: '…', basis: '…', acquired: 'YYYY-MM-DD' }] };
    case 'LIABILITY_OWED':
    case 'DERIVATIVE_BALANCE_NEGATIVE':
      return { liabilities: [{ venue: '…', asset: '…', date: 'YYYY-MM-DD', status: 'repaid' }] };
    default:
      return undefined;
  }
}

/** Words beside the snippet: which alternatives the same place takes. */
export function suggestionNote(code: DiagnosticCode): string {
  if (REJECTED.includes(code)) return 'state what the row was ("as" with "asset", "amount", "date"), or {"file", "line", "ignore": "reason"}';
  switch (code) {
    case 'DEPOSIT_UNMATCHED': return 'or "as": "income" with "kind", "as": "transfer" with "wallet", "as": "not-taxable", or "basis" + "acquired"';
    case 'WITHDRAWAL_UNMATCHED': return 'pair it with the deposit that received it, or rows "as": "gift-given" / "donation" / "lost" / "spend" / "transfer" with "wallet"';
    case 'STABLECOIN_PAR_BASIS': return 'or "as": "income" with "kind" (pay, interest, rewards), "as": "transfer" with "wallet", "as": "gift-received" with the donor\'s "basis" and "acquired"';
    case 'MISSING_BASIS': return 'state "basis" and "acquired" on the deposit the units came from (units no lot covers: import the history that bought them, or state the deposit that brought them)';
    default: return '';
  }
}
