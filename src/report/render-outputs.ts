/**
 * Every file of a report folder, rendered to bytes in memory (pure). The CLI writes them.
 * Same input → same bytes: no clock, no machine-dependent ordering.
 */
import { formatDiagnostic, sortDiagnostics } from '../diagnostics/format-diagnostic.js';
import type { ReportData } from '../pipeline/compute-report.js';
import { renderForm8949Csv } from './csv/form8949-csv.js';
import { renderIncomeCsv } from './csv/income-csv.js';
import { renderOpenLotsCsv } from './csv/open-lots-csv.js';

export const REPORT_FILES = ['summary.json', 'form8949.csv', 'income.csv', 'open-lots.csv', 'diagnostics.txt'] as const;

export function renderOutputs(data: ReportData): Map<string, string> {
  const files = new Map<string, string>();
  files.set('summary.json', `${JSON.stringify(data.summary, null, 2)}\n`);
  files.set('form8949.csv', renderForm8949Csv(data.taxYear, data.disposals));
  files.set('income.csv', renderIncomeCsv(data.income));
  files.set('open-lots.csv', renderOpenLotsCsv(data.yearEndLots));
  const diagnostics = sortDiagnostics(data.diagnostics).map(formatDiagnostic).join('\n');
  files.set('diagnostics.txt', diagnostics === '' ? 'no diagnostics\n' : `${diagnostics}\n`);
  return files;
}
