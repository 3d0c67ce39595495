/**
 * Corrected forms replace earlier ones. A broker that corrects a Form 1099-DA files the
 * transaction again with the CORRECTED box checked; a user may also be given a new file for the
 * same account. Rows are the same transaction when they share wallet and `Transaction ID`, or —
 * without an ID — wallet, asset, date sold and units.
 *
 * - A row marked corrected replaces every unmarked row of its transaction.
 * - Without a mark, a transaction ID found again in a later input file (inputs in the order the
 *   run reads them) replaces the earlier file's rows of that ID.
 * - The same row given twice (same values, another file) counts once.
 * Each replaced row is a note naming the row that replaced it.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatSourceRef } from '../../model/source-ref.js';
import type { ReportedRow } from './reported-row.js';

function keyOf(r: ReportedRow): string {
  return r.transactionId !== undefined
    ? `${r.wallet}\u0000id\u0000${r.transactionId}`
    : `${r.wallet}\u0000${r.asset}\u0000${r.sold}\u0000${r.units.toFixed()}`;
}

function sameValues(a: ReportedRow, b: ReportedRow): boolean {
  return (
    a.asset === b.asset && a.units.equals(b.units) && a.sold === b.sold && a.proceeds.equals(b.proceeds) &&
    (a.costBasis?.toFixed() ?? '') === (b.costBasis?.toFixed() ?? '') && a.basisReported === b.basisReported &&
    a.proceedsType === b.proceedsType && a.term === b.term && a.acquired === b.acquired
  );
}

/**
 * @param files the input files in the order the run reads them, each with its rows in file order.
 */
export function applyCorrections(files: readonly (readonly ReportedRow[])[]): { rows: ReportedRow[]; diagnostics: Diagnostic[] } {
  const byKey = new Map<string, { row: ReportedRow; fileIndex: number }[]>();
  files.forEach((rows, fileIndex) => {
    for (const row of rows) {
      const k = keyOf(row);
      const list = byKey.get(k);
      if (list) list.push({ row, fileIndex });
      else byKey.set(k, [{ row, fileIndex }]);
    }
  });
  const dropped = new Map<ReportedRow, { by: ReportedRow; why: string }>();
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const corrected = list.filter((x) => x.row.corrected);
    if (corrected.length > 0) {
      const by = (corrected[corrected.length - 1] as { row: ReportedRow }).row;
      for (const x of list) if (!x.row.corrected) dropped.set(x.row, { by, why: 'replaced by the corrected report' });
      continue;
    }
    const lastFile = Math.max(...list.map((x) => x.fileIndex));
    const latest = list.filter((x) => x.fileIndex === lastFile);
    const by = (latest[0] as { row: ReportedRow }).row;
    for (const x of list) {
      if (x.fileIndex === lastFile) continue;
      if (list.length > 1 && x.row.transactionId === undefined && !latest.some((l) => sameValues(l.row, x.row))) continue;
      dropped.set(x.row, { by, why: sameValues(x.row, by) ? 'the same report given twice' : 'replaced by the later file' });
    }
  }
  const diagnostics: Diagnostic[] = [];
  const rows: ReportedRow[] = [];
  for (const list of files) {
    for (const row of list) {
      const d = dropped.get(row);
      if (!d) rows.push(row);
      else diagnostics.push(diagnostic('DA_REPLACED', `Form 1099-DA row ${d.why} at ${formatSourceRef(d.by.source)}`, row.source));
    }
  }
  return { rows, diagnostics };
}
