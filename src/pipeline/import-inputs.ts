/**
 * Every input file detected and imported (pure). Used by the pipeline and by `taxlot check`.
 */
import { detectFile, importFile, notRead, walletOf, type EventSink, type FileImport } from '../importers/import-file.js';
import type { SourceRef } from '../model/source-ref.js';
import { detectForm1099Da, readForm1099Da } from '../importers/form1099da/read-form1099da.js';
import type { FileEventsText } from './file-events.js';
import type { ParallelImport } from './parallel-import.js';
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
  /**
   * With `eventSink`: a file that cannot overlap another may be imported in another thread
   * meanwhile (import-elsewhere.ts); its events are handed to `adopt` instead of the sink.
   */
  elsewhere?: { readonly parallel: ParallelImport; adopt(fileIndex: number, events: FileEventsText): void },
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
  const away = elsewhere && eventSink ? sendAway(inputs, options, elsewhere.parallel, (i) => !statements[i] && detections[i]?.detection.kind === 'match' && sizes.get(groupOf(i) ?? '') === 1) : undefined;
  const withRead = (f: InputFile, imported: FileImport): FileImport =>
    f.readDiagnostics?.length ? { ...imported, diagnostics: [...f.readDiagnostics, ...imported.diagnostics] } : imported;
  /** File `i` imported in this thread. */
  const importHere = (f: InputFile, i: number): FileImport => {
    const statement = statements[i];
    if (statement) {
      const read = readForm1099Da(f.file, f.text, statement);
      return withRead(f, { ...read.file, reported: read.rows });
    }
    const detection = detections[i];
    if (!detection) return notRead(f.file, f.readDiagnostics ?? []);
    const g = groupOf(i);
    return withRead(f, importFile(f.file, f.text, {
      ...detectOptions,
      detection,
      ...((sizes.get(g ?? '') ?? 0) > 1 ? { seenRows } : {}),
      ...zoneAndOrder(options),
      ...(eventSink ? { eventSink: eventSink(i) } : {}),
    }));
  };
  const imported = inputs.map((f, i) => (i === away?.index ? notRead(f.file, []) : importHere(f, i)));
  if (away && elsewhere) {
    const done = away.handle.wait();
    const f = inputs[away.index] as InputFile;
    if (done) {
      imported[away.index] = withRead(f, done.file);
      elsewhere.adopt(away.index, done.events);
    } else {
      // the other thread failed: the file is imported here, as it would have been
      imported[away.index] = importHere(f, away.index);
    }
  }
  return imported;
}

function zoneAndOrder(options: Pick<ReportOptions, 'inputZone' | 'dateOrder'>): { inputZone?: string; dateOrder?: NonNullable<ReportOptions['dateOrder']> } {
  return { ...(options.inputZone ? { inputZone: options.inputZone } : {}), ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}) };
}

/** The file the shell sends to another thread, started; undefined when none is. */
function sendAway(
  inputs: readonly InputFile[],
  options: Pick<ReportOptions, 'forcedFormat' | 'inputZone' | 'dateOrder'>,
  parallel: ParallelImport,
  alone: (i: number) => boolean,
): { index: number; handle: ReturnType<ParallelImport['start']> } | undefined {
  const candidates = inputs.flatMap((f, i) => (!f.unreadable && alone(i) ? [i] : []));
  const index = candidates.length > 0 ? parallel.choose(candidates) : undefined;
  if (index === undefined || !candidates.includes(index)) return undefined;
  const handle = parallel.start({ index, ...(options.forcedFormat ? { forcedFormat: options.forcedFormat } : {}), ...zoneAndOrder(options) });
  return { index, handle };
}
