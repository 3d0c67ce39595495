/**
 * Every input file detected and imported (pure). Used by the pipeline and by `taxlot check`.
 */
import { detectFile, importFile, notRead, walletOf, type EventSink, type FileImport } from '../importers/import-file.js';
import type { SourceRef } from '../model/source-ref.js';
import { detectForm1099Da, readForm1099Da } from '../importers/form1099da/read-form1099da.js';
import type { InputFile, ReportOptions } from './report-data.js';

/**
 * Import every file. Formats are detected first, from each file's head, so that only files that
 * share an importer and wallet with another file of the run — the ones whose rows can overlap —
 * pay for fingerprinting their rows (duplicate rows across overlapping exports are counted once).
 */
export function importInputs(
  inputs: readonly InputFile[],
  options: Pick<ReportOptions, 'importers' | 'forcedFormat' | 'inputZone' | 'dateOrder'>,
  /** Each file's events handed on as read (`ImportFileOptions.eventSink`) instead of returned. */
  eventSink?: (fileIndex: number) => () => EventSink,
): FileImport[] {
  const detectOptions = { importers: options.importers, ...(options.forcedFormat ? { forcedFormat: options.forcedFormat } : {}) };
  // A Form 1099-DA statement is recognised first: its rows are what a broker reported, not events.
  const statements = inputs.map((f) => (f.unreadable ? undefined : detectForm1099Da(f.text)));
  const detections = inputs.map((f, i) => (f.unreadable || statements[i] ? undefined : detectFile(f.text, detectOptions)));
  const groupOf = (i: number): string | undefined => {
    const d = detections[i]?.detection;
    return d?.kind === 'match' ? `${d.match.importer.id}\u0000${walletOf(inputs[i]?.file ?? '', d.match.importer)}` : undefined;
  };
  const sizes = new Map<string, number>();
  inputs.forEach((_, i) => {
    const g = groupOf(i);
    if (g !== undefined) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  });
  const seenRows = new Map<string, SourceRef>();
  return inputs.map((f, i) => {
    const statement = statements[i];
    if (statement) {
      const read = readForm1099Da(f.file, f.text, statement);
      const imported: FileImport = { ...read.file, reported: read.rows };
      return f.readDiagnostics?.length ? { ...imported, diagnostics: [...f.readDiagnostics, ...imported.diagnostics] } : imported;
    }
    const detection = detections[i];
    if (!detection) return notRead(f.file, f.readDiagnostics ?? []);
    const g = groupOf(i);
    const imported = importFile(f.file, f.text, {
      ...detectOptions,
      detection,
      ...((sizes.get(g ?? '') ?? 0) > 1 ? { seenRows } : {}),
      ...(options.inputZone ? { inputZone: options.inputZone } : {}),
      ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
      ...(eventSink ? { eventSink: eventSink(i) } : {}),
    });
    return f.readDiagnostics?.length ? { ...imported, diagnostics: [...f.readDiagnostics, ...imported.diagnostics] } : imported;
  });
}
