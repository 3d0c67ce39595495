/**
 * The Form 1099-DA reconciliation of a tax year (pure): the rows read, matched to the year's
 * disposals (match.ts), each matched line placed and adjusted (place.ts), the diagnostics of
 * what does not match, and the `form1099da` block of summary.json.
 */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { ZERO, type Dec } from '../../../model/decimal.js';
import type { Disposal, DisposalSlice } from '../../../model/disposal.js';
import { yearOf } from '../../../model/local-date.js';
import type { ReportedRow } from '../../../importers/form1099da/reported-row.js';
import { formatMoney } from '../../../model/rounding.js';
import { FIRST_1099DA_YEAR, FORM_1099DA_BROKERS } from './brokers.js';
import { matchReported, type MatchResult } from './match.js';
import { placeGroup, type LinePlacement } from './place.js';

export interface Reconciliation {
  /** A Form 1099-DA input was given (then summary.json has the `form1099da` block). */
  readonly given: boolean;
  /** The tax year's rows, after corrections. */
  readonly rows: readonly ReportedRow[];
  readonly match: MatchResult;
  readonly lines: ReadonlyMap<DisposalSlice, LinePlacement>;
  /** Wallets of known 1099-DA brokers with disposals this year and no 1099-DA rows. */
  readonly expectedForms: readonly { readonly wallet: string; readonly broker: string; readonly disposals: number }[];
  readonly diagnostics: readonly Diagnostic[];
}

export const NO_RECONCILIATION: Reconciliation = {
  given: false,
  rows: [],
  match: { groups: [], notInRecords: [], notReported: [], reportingWallets: new Set() },
  lines: new Map(),
  expectedForms: [],
  diagnostics: [],
};

export function reconcile1099Da(input: {
  readonly taxYear: number;
  readonly disposals: readonly Disposal[];
  /** Every row read, after corrections (all years). */
  readonly rows: readonly ReportedRow[];
  readonly given: boolean;
}): Reconciliation {
  const { taxYear, disposals } = input;
  const diagnostics: Diagnostic[] = [];
  const rows = sameCaseWallets(input.rows.filter((r) => yearOf(r.sold) === taxYear), disposals);
  const otherYears = new Map<string, ReportedRow[]>();
  for (const r of input.rows) {
    if (yearOf(r.sold) === taxYear) continue;
    const list = otherYears.get(r.source.file);
    if (list) list.push(r);
    else otherYears.set(r.source.file, [r]);
  }
  for (const list of otherYears.values()) {
    const first = list[0] as ReportedRow;
    diagnostics.push(diagnostic('DA_OTHER_YEAR', `${list.length} Form 1099-DA row${list.length === 1 ? '' : 's'} of this file dated outside ${taxYear} (first: ${first.sold})`, first.source));
  }
  const match = matchReported(rows, disposals);
  const lines = new Map<DisposalSlice, LinePlacement>();
  match.groups.forEach((g, i) => placeGroup(g, i + 1, lines));
  for (const u of match.notInRecords) {
    diagnostics.push(
      diagnostic(
        'DA_NOT_IN_RECORDS',
        `Form 1099-DA reports ${u.row.units.toFixed()} ${u.row.asset} sold ${u.row.sold} for ${formatMoney(u.row.proceeds)} in ${u.row.wallet}${u.row.transactionId ? ` (transaction ${u.row.transactionId})` : ''}: ${u.reason}`,
        u.row.source,
      ),
    );
  }
  for (const d of match.notReported) {
    diagnostics.push(
      diagnostic('DA_NOT_REPORTED', `disposal of ${d.quantity.toFixed()} ${d.asset} on ${d.date} in ${d.wallet} is on no Form 1099-DA row: box I/L`, d.source),
    );
  }
  const expectedForms: { wallet: string; broker: string; disposals: number }[] = [];
  if (taxYear >= FIRST_1099DA_YEAR) {
    const counts = new Map<string, Disposal[]>();
    for (const d of disposals) {
      if (d.kind === 'derivative' || !Object.hasOwn(FORM_1099DA_BROKERS, d.wallet) || match.reportingWallets.has(d.wallet)) continue;
      const list = counts.get(d.wallet);
      if (list) list.push(d);
      else counts.set(d.wallet, [d]);
    }
    for (const [wallet, list] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const broker = FORM_1099DA_BROKERS[wallet] as string;
      expectedForms.push({ wallet, broker, disposals: list.length });
      diagnostics.push(
        diagnostic(
          'DA_FORM_EXPECTED',
          `${list.length} disposal${list.length === 1 ? '' : 's'} in ${taxYear} in wallet ${wallet}: ${broker} issues Form 1099-DA, and no 1099-DA input covers this wallet`,
          (list[0] as Disposal).source,
        ),
      );
    }
  }
  return { given: input.given, rows, match, lines, expectedForms, diagnostics };
}

/**
 * A row's wallet spelled in another case than the records' (`Coinbase` for `coinbase`) is read as
 * the records' wallet; an exact match always wins.
 */
function sameCaseWallets(rows: readonly ReportedRow[], disposals: readonly Disposal[]): ReportedRow[] {
  const wallets = new Set(disposals.map((d) => d.wallet));
  const lower = new Map<string, string>();
  for (const w of [...wallets].sort()) if (!lower.has(w.toLowerCase())) lower.set(w.toLowerCase(), w);
  return rows.map((r) => {
    if (wallets.has(r.wallet)) return r;
    const w = lower.get(r.wallet.toLowerCase());
    return w === undefined ? r : { ...r, wallet: w };
  });
}

/** summary.json `form1099da` (docs/contract.md "summary.json (schema 1)"). */
export function form1099daBlock(r: Reconciliation): Record<string, unknown> {
  const sum = (values: Iterable<Dec>): Dec => {
    let s = ZERO;
    for (const v of values) s = s.plus(v);
    return s;
  };
  const placed = [...r.lines.values()];
  return {
    transactions: r.rows.length,
    matched: r.match.groups.reduce((n, g) => n + g.rows.length, 0),
    notInRecords: r.match.notInRecords.length,
    notInRecordsProceeds: formatMoney(sum(r.match.notInRecords.map((u) => u.row.proceeds))),
    notReported: r.match.notReported.length,
    reportedProceeds: formatMoney(sum(r.rows.map((x) => x.proceeds))),
    adjustments: {
      B: formatMoney(sum(placed.map((p) => p.exact.B))),
      E: formatMoney(sum(placed.map((p) => p.exact.E))),
      O: formatMoney(sum(placed.map((p) => p.exact.O))),
    },
  };
}
