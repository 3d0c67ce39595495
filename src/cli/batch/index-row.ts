/**
 * One client's line in `<out>/index.csv` and `index.pdf`, and how it is derived from a client's
 * outcome. Money values are copied verbatim from the client's summary (the figures its
 * `summary.json` states: exact totals rounded once, as strings), so the index always ties out
 * with the client's report.
 *
 * Status (docs/contract.md): `ok` no diagnostic above a note; `warnings`; `errors` the report was written
 * but the data has errors; `failed` no report (nothing readable, bad options, a crash).
 */
import type { Summary } from '../../model/summary.js';

export type ClientStatus = 'ok' | 'warnings' | 'errors' | 'failed';

/** What running one client produced: plain data, so it crosses a worker boundary unchanged. */
export interface ClientOutcome {
  readonly status: ClientStatus;
  /** Empty for `ok`; the codes seen for `warnings`/`errors`; the cause for `failed`. */
  readonly reason: string;
  readonly errors: number;
  readonly warnings: number;
  /** The most frequent error (or warning) in words (top-problem.ts); the reason for `failed`. */
  readonly topProblem?: string;
  /** The client's summary (what its `summary.json` says), when a report was written. */
  readonly summary?: Summary;
  /** Report files written in the client's output folder (a multi-year client: `2024/summary.json`, …). */
  readonly written: readonly string[];
  /** A multi-year client (`"year": "2019-2025"`): the outcome of each year, in year order; `written` of each is its year folder's. */
  readonly years?: readonly (ClientOutcome & { readonly taxYear: number })[];
}

export interface IndexRow {
  /** The client's output folder name (safe; see `safe-client-names.ts`). */
  readonly client: string;
  readonly status: ClientStatus;
  /** `summary.json` `taxYear` (a UK year by the year it ends in) and `jurisdiction` (`US`, `UK`); empty when no report. */
  readonly taxYear: string;
  readonly jurisdiction: string;
  /** The report currency (`summary.json` `currency`); empty when no report. */
  readonly currency: string;
  readonly net: string;
  readonly shortTerm: string;
  readonly longTerm: string;
  readonly income: string;
  /** Empty until taxlot reports derivatives (the summary omits the block). */
  readonly derivativesNet: string;
  readonly missingBasisAtRisk: string;
  readonly deductibleLoss: string;
  readonly errors: number | undefined;
  readonly warnings: number | undefined;
  /** Errors + warnings (notes not counted); empty when there is no report. */
  readonly diagnostics: number | undefined;
  /** `<client>/diagnostics.txt`, relative to the output folder; empty when no report. */
  readonly diagnosticsFile: string;
  /** `<client>/`, relative to the output folder; empty when no report. */
  readonly report: string;
  readonly reason: string;
  /** The client's top problem in words (empty when it has none). */
  readonly topProblem: string;
  /** The client folder's name as on disk, control and format characters shown as `\uXXXX`. */
  readonly folder: string;
}

/** The columns of `index.csv` (docs/contract.md), in order. */
export const INDEX_COLUMNS = [
  'client', 'status', 'tax_year', 'jurisdiction', 'currency', 'net', 'short_term', 'long_term', 'income', 'derivatives_net', 'missing_basis_at_risk',
  'deductible_loss', 'errors', 'warnings', 'diagnostics', 'diagnostics_file', 'report', 'top_problem', 'reason', 'folder',
] as const;

/** Show a folder name printably: control and format characters become `\uXXXX`. */
export function printableName(name: string): string {
  return name.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/**
 * The index line of one client.
 * @param folder the folder's name on disk
 * @param client its output folder name
 * @param outcome what running it produced
 * @param notes batch-level remarks (links not followed); they turn an `ok` into `warnings`
 * @example indexRow('alice', 'alice', { status: 'ok', reason: '', errors: 0, warnings: 0, summary, written }, []).net // '480.00'
 */
export function indexRow(folder: string, client: string, outcome: ClientOutcome, notes: readonly string[], at: string = client): IndexRow {
  const status: ClientStatus = outcome.status === 'ok' && notes.length > 0 ? 'warnings' : outcome.status;
  const s = outcome.summary;
  // the US figures a UK summary has no counterpart of stay empty
  const us = s?.jurisdiction === 'US' ? s : undefined;
  const hasReport = outcome.written.length > 0;
  return {
    client,
    status,
    taxYear: s ? String(s.taxYear) : '',
    jurisdiction: s?.jurisdiction ?? '',
    currency: s?.currency ?? '',
    net: s?.capitalGains.net ?? '',
    shortTerm: us?.capitalGains.shortTerm.gain ?? '',
    longTerm: us?.capitalGains.longTerm.gain ?? '',
    income: s?.income.total ?? '',
    derivativesNet: us?.derivatives?.net ?? '',
    missingBasisAtRisk: s?.missingBasis.proceeds ?? '',
    deductibleLoss: us?.capitalLoss.deductible ?? '',
    errors: status === 'failed' ? undefined : outcome.errors,
    warnings: status === 'failed' ? undefined : outcome.warnings,
    diagnostics: status === 'failed' ? undefined : outcome.errors + outcome.warnings,
    diagnosticsFile: hasReport && outcome.written.includes('diagnostics.txt') ? `${at}/diagnostics.txt` : '',
    report: hasReport ? `${at}/` : '',
    reason: [outcome.reason, ...notes].filter((r) => r !== '').join('; '),
    topProblem: outcome.topProblem || (status === 'failed' ? outcome.reason : notes[0] ?? ''),
    folder: printableName(folder),
  };
}

/**
 * The index lines of one client: one, or for a multi-year client one per year, each pointing at
 * the year's folder (`alice/2024/`).
 */
export function indexRows(folder: string, client: string, outcome: ClientOutcome, notes: readonly string[]): IndexRow[] {
  if (!outcome.years || outcome.years.length === 0) return [indexRow(folder, client, outcome, notes)];
  return outcome.years.map((y) => indexRow(folder, client, y, notes, `${client}/${y.taxYear}`));
}
