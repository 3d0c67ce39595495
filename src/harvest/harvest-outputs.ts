/**
 * Every file `taxlot harvest` writes, as producers of chunks (pure; the CLI writes them with the
 * report's atomic writer). Same input and as-of date → same bytes.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, sortDiagnostics } from '../diagnostics/format-diagnostic.js';
import { fixedOutput, type OutputProducer } from '../report/output-stream.js';
import { renderHarvestPdfChunks } from './harvest-pdf.js';
import type { HarvestResult } from './compute-harvest.js';
import { renderHarvestCsv, renderHarvestJson, renderHarvestPlanCsv } from './render-harvest.js';

export const HARVEST_FILES = ['harvest.json', 'harvest.csv', 'harvest-plan.csv', 'harvest-diagnostics.txt', 'harvest.pdf'] as const;

export function isHarvestFileName(name: string): boolean {
  return (HARVEST_FILES as readonly string[]).includes(name);
}

export function renderHarvestOutputs(
  h: HarvestResult,
  diagnostics: readonly Diagnostic[],
  options: { pdf?: boolean; label?: string } = {},
): Map<string, OutputProducer> {
  const files = new Map<string, OutputProducer>();
  files.set('harvest.json', fixedOutput(renderHarvestJson(h, diagnostics)));
  files.set('harvest.csv', () => [renderHarvestCsv(h)]);
  files.set('harvest-plan.csv', () => [renderHarvestPlanCsv(h)]);
  files.set('harvest-diagnostics.txt', () => {
    const text = sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n');
    return [text === '' ? 'no diagnostics\n' : `${text}\n`];
  });
  if (options.pdf ?? true) files.set('harvest.pdf', () => renderHarvestPdfChunks(h, options.label));
  return files;
}
