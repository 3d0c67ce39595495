/**
 * overrides-applied.csv: every override of the overrides file that changed the report — where it
 * is in the overrides file, the input row(s) it changed, and what it changed from and to. Written
 * when `--overrides` is given (header only when nothing applied).
 */
import type { AppliedOverride } from '../../overrides/apply-overrides.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { renderCsv } from './write-csv.js';

export const OVERRIDES_APPLIED_FILE = 'overrides-applied.csv';

export function renderOverridesAppliedCsv(applied: readonly AppliedOverride[]): string {
  return renderCsv(
    ['override', 'overrides_file', 'rows', 'change', 'from', 'to'],
    applied.map((a) => [a.where, formatSourceRef(a.at), a.rows.map(formatSourceRef).join(' + '), a.change, a.from, a.to]),
  );
}
