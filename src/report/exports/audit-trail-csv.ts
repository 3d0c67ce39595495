/**
 * Audit trail CSV: every Form 8949 line (by its box and line number, `I-12`, as printed in the
 * PDF) traced to the disposal, the lot it consumed, and the input rows (`file:line`) that created
 * the lot and that recorded the disposal — what an accountant checks first (tax-rules §6.10).
 */
import { csvChunks } from '../csv/write-csv.js';
import { joinChunks } from '../output-stream.js';
import type { Form8949Line } from '../form8949-lines.js';
import type { ExportLayouts } from './export-layouts.js';
import { lineRower, mapRows } from './line-fields.js';

export const AUDIT_TRAIL_FILE = 'audit-trail.csv';

/**
 * @example
 * renderAuditTrailCsv(lines, layout.auditTrail).split('\n')[1]
 * // → 'I-1,I,short,1 ETH,02/01/2025,06/01/2025,1800.00,2500.00,,0.00,-700.00,ETH,1,...'
 */
export function renderAuditTrailCsv(lines: readonly Form8949Line[], layout: ExportLayouts['auditTrail']): string {
  return joinChunks(auditTrailChunks(lines, layout));
}

/** The same file as chunks (render-outputs.ts). */
export function auditTrailChunks(lines: readonly Form8949Line[], layout: ExportLayouts['auditTrail']): Generator<string> {
  return csvChunks(layout.columns.map((c) => c.header), mapRows(lines, lineRower(layout.columns)));
}
