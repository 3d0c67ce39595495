/**
 * Audit trail CSV: every Form 8949 line (by its box and line number, `I-12`, as printed in the
 * PDF) traced to the disposal, the lot it consumed, and the input rows (`file:line`) that created
 * the lot and that recorded the disposal — what an accountant checks first (docs/tax-rules.md §6, item 10).
 */
import { csvText, lineChunks } from '../csv/write-csv.js';
import { joinChunks } from '../output-stream.js';
import type { Form8949Line } from '../form8949-lines.js';
import type { ExportLayouts } from './export-layouts.js';
import { lineRower, mapRows } from './line-fields.js';
import { formatSourceRef } from '../../model/source-ref.js';
import type { AppliedOverride } from '../../overrides/apply-overrides.js';

export const AUDIT_TRAIL_FILE = 'audit-trail.csv';

/**
 * @example
 * renderAuditTrailCsv(lines, layout.auditTrail).split('\n')[1]
 * // → 'I-1,I,short,1 ETH,02/01/2025,06/01/2025,1800.00,2500.00,,0.00,-700.00,ETH,1,...'
 */
export function renderAuditTrailCsv(lines: readonly Form8949Line[], layout: ExportLayouts['auditTrail']): string {
  return joinChunks(auditTrailChunks(lines, layout));
}

/**
 * The same file as chunks (render-outputs.ts). With overrides applied, a last column `override`
 * says which of them changed the line's lot row or disposal row, from what to what (without, the
 * file is as it always was).
 */
export function auditTrailChunks(lines: readonly Form8949Line[], layout: ExportLayouts['auditTrail'], applied: readonly AppliedOverride[] = []): Generator<string> {
  if (applied.length === 0) return lineChunks(layout.columns.map((c) => c.header), mapRows(lines, lineRower(layout.columns)));
  const byRow = new Map<string, string[]>();
  for (const a of applied) {
    for (const r of a.rows) {
      const key = formatSourceRef(r);
      byRow.set(key, [...(byRow.get(key) ?? []), `${a.where}: ${a.from} → ${a.to}`]);
    }
  }
  const columns = [...layout.columns, { header: 'override', field: 'override' }];
  const override = (l: Form8949Line): string => {
    const rows = [l.slice.lotSource, l.disposal.source].filter((r) => r !== undefined).map((r) => formatSourceRef(r));
    return csvText([...new Set(rows.flatMap((r) => byRow.get(r) ?? []))].join('; '));
  };
  return lineChunks(columns.map((c) => c.header), mapRows(lines, lineRower(columns, { override })));
}
