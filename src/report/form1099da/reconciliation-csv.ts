/**
 * `form-1099-da-reconciliation.csv`: every reported row and every disposal of a reporting wallet,
 * side by side. Rows of one match group share its number: first the `reported` rows as the form
 * states them, then the `records` side, one row per Form 8949 line with its box, codes,
 * adjustment and the reason of each difference (transaction costs, lot choice, term, a day off).
 * Then the rows no disposal matches (`not_in_records`) and the disposals no row covers
 * (`not_reported`). Amounts in cents, as the lines print them.
 */
import { formatSourceRef } from '../../model/source-ref.js';
import type { DisposalSlice } from '../../model/disposal.js';
import type { ReportedRow } from '../../importers/form1099da/reported-row.js';
import { csvChunks, num, type Cell } from '../csv/write-csv.js';
import type { Form8949Line } from '../form8949-lines.js';
import { formatMoney } from '../../model/rounding.js';
import type { Reconciliation } from '../../jurisdictions/us/form1099da/reconcile.js';

export const RECONCILIATION_FILE = 'form-1099-da-reconciliation.csv';

export const RECONCILIATION_HEADER = [
  'group', 'side', 'status', 'wallet', 'broker', 'asset', 'units', 'date_acquired', 'date_sold',
  'reported_proceeds', 'reported_basis', 'proceeds_type', 'basis_reported', 'reported_term',
  'taxlot_proceeds', 'transaction_costs', 'taxlot_basis', 'taxlot_term',
  'box', 'line', 'column_d', 'column_e', 'code', 'adjustment', 'gain', 'reason', 'source', 'transaction_id',
] as const;

function reportedCells(group: string, status: string, r: ReportedRow, reason: string): Cell[] {
  return [
    group, 'reported', status, r.wallet, r.broker, r.asset, num(r.units.toFixed()), r.acquired ?? (r.variousAcquired ? 'VARIOUS' : ''), r.sold,
    num(formatMoney(r.proceeds)), r.costBasis ? num(formatMoney(r.costBasis)) : '', r.proceedsType, r.basisReported ? 'yes' : 'no', r.term ?? '',
    '', '', '', '', '', '', '', '', '', '', '', reason, formatSourceRef(r.source), r.transactionId ?? '',
  ];
}

function recordCells(group: string, status: string, l: Form8949Line, reason: string): Cell[] {
  const p = l.reported;
  const d = l.disposal;
  return [
    group, 'records', status, d.wallet, p?.rows[0]?.broker ?? '', d.asset, num(l.shown.quantity), l.acquired ?? '', l.sold,
    p ? num(formatMoney(p.reportedProceeds)) : '', p?.reportedBasis ? num(formatMoney(p.reportedBasis)) : '', '', '', '',
    num(p ? formatMoney(p.own.proceeds) : l.shown.proceeds), num(p ? formatMoney(p.own.costs) : '0.00'),
    num(p ? formatMoney(p.own.basis) : l.shown.costBasis), l.term,
    l.box, l.ref, num(l.shown.proceeds), num(l.shown.costBasis), l.code, num(l.shown.adjustment), num(l.shown.gain), reason,
    formatSourceRef(d.source), '',
  ];
}

export function* reconciliationCsvChunks(r: Reconciliation, lines: readonly Form8949Line[]): Generator<string> {
  const bySlice = new Map<DisposalSlice, Form8949Line>(lines.map((l) => [l.slice, l]));
  function* rows(): Generator<Cell[]> {
    for (const [i, g] of r.match.groups.entries()) {
      const group = String(i + 1);
      const status = g.shift === 0 ? 'matched' : 'matched_day_off';
      for (const row of g.rows) yield reportedCells(group, status, row, g.rows.length > 1 || g.disposals.length > 1 ? `${g.rows.length} reported row(s) matched to ${g.disposals.length} disposal(s), ${g.units.toFixed()} units in all` : '');
      for (const d of g.disposals) {
        for (const s of d.slices) {
          const l = bySlice.get(s);
          if (l) yield recordCells(group, status, l, l.reported?.reasons.join('; ') || 'as reported');
        }
      }
    }
    for (const u of r.match.notInRecords) yield reportedCells('', 'not_in_records', u.row, `not in records: ${u.reason}`);
    for (const d of r.match.notReported) {
      for (const s of d.slices) {
        const l = bySlice.get(s);
        if (l) yield recordCells('', 'not_reported', l, 'not reported: no Form 1099-DA row covers this disposal (box I/L)');
      }
    }
  }
  yield* csvChunks(RECONCILIATION_HEADER, rows());
}
