/**
 * One input file's text → what it was recognised as, its events, diagnostics and row accounting.
 * Pure: the CLI reads the bytes (whole or as a stream of chunks); this never touches the file
 * system.
 */
import { diagnostic, fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { ReportedRow } from './form1099da/reported-row.js';
import type { SourceRef } from '../model/source-ref.js';
import { detectFormat, SCAN_LINES, type Detection } from './detect.js';
import type { Importer } from './importer-spec.js';
import { csvRows } from './read-csv.js';
import type { DateOrderStart } from './date-order.js';
import type { DateOrder } from './parse-instant.js';
import { runImporter, type DateOrderRedone, type DateOrderRefused, type GroupReopened, type ImportResult, type RowAccounting } from './run-importer.js';
import { chunksOf, headLines, linesFrom, normalizedChunks, type TextSource } from './text-source.js';

export interface FileImport {
  readonly file: string;
  /** Importer id, or undefined when the format was not recognised. */
  readonly format?: string;
  readonly formatLabel?: string;
  readonly events: readonly LedgerEvent[];
  readonly diagnostics: readonly Diagnostic[];
  readonly accounting: RowAccounting;
  /** A Form 1099-DA file (src/importers/form1099da): the rows it reports, instead of events. */
  readonly reported?: readonly ReportedRow[];
}

export interface ImportFileOptions {
  readonly importers: readonly Importer[];
  /**
   * Shared across the files of one run to count overlapping exports once (see run-importer).
   * Only needed for files that share an importer and wallet with another file of the run.
   */
  readonly seenRows?: Map<string, SourceRef>;
  readonly forcedFormat?: string;
  readonly inputZone?: string;
  /** `--date-order`: the order of the day-month dates of every file (date-order.ts). */
  readonly dateOrder?: DateOrder;
  /** Rows after which a group's first row is mapped (tests: a small window); see runImporter. */
  readonly groupWindow?: number;
  /** The detection already made for this file (computeReport detects every file first). */
  readonly detection?: FileDetection;
  /**
   * Events handed on as they are read instead of returned (`FileImport.events` is then empty):
   * called once per pass over the file, its sink takes the pass's events; a pass that is dropped
   * (read again) gets `drop()`, and only the last pass's sink is never dropped.
   */
  readonly eventSink?: () => EventSink;
}

/** Where a pass over a file puts its events (`ImportFileOptions.eventSink`). */
export interface EventSink {
  push(event: LedgerEvent): void;
  /** The pass is dropped: forget every event it pushed. */
  drop(): void;
}

/** What the first lines of a file say: its format, or why none. */
export interface FileDetection {
  /** The file has no non-blank line in its head (and so none at all). */
  readonly blank: boolean;
  readonly detection: Detection;
  readonly head: readonly string[];
}

/**
 * Rows taken after a group's first row before the group is mapped: the rows of a group (a Kraken
 * refid, a trade's fills) sit within a few rows of each other in real exports.
 */
export const GROUP_WINDOW_ROWS = 10_000;

/**
 * The window of a file's first pass. Rows held for 10,000 rows outlive V8's young generation and
 * all die in the old one (~170 MB promoted on a 400k-row Kraken ledger); held for 256 they die
 * young. A file whose groups are further apart than this is read again with GROUP_WINDOW_ROWS,
 * and then holding every group — the same result each time, only the first pass stops early.
 */
export const FIRST_GROUP_WINDOW_ROWS = 256;

/** The file name without folders and extension: the wallet of generic-format files. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '');
}

/** Recognise a file's format from its first lines. */
export function detectFile(source: TextSource, opts: Pick<ImportFileOptions, 'importers' | 'forcedFormat'>): FileDetection {
  const head = headLines(source, SCAN_LINES);
  const blank = head.every((l) => l.trim() === '');
  return { blank, head, detection: detectFormat(head, opts.importers, opts.forcedFormat) };
}

/** The wallet a recognised file's rows belong to (for grouping files that may overlap). */
export function walletOf(file: string, importer: Importer): string {
  return importer.wallet === 'file-stem' ? fileStem(file) : importer.wallet;
}

export function importFile(file: string, source: TextSource, opts: ImportFileOptions): FileImport {
  const { blank, head, detection } = opts.detection ?? detectFile(source, opts);
  if (blank) return notRead(file, [fileDiagnostic('INPUT_EMPTY', file, 'the file is empty')]);
  if (detection.kind !== 'match') {
    // Nothing in the file can be read: its lines after the first count as rejected rows, so the
    // row accounting still says that data was there and was not used.
    const rows = Math.max(0, countNonBlankLines(source) - 1);
    return notRead(file, [detectionDiagnostic(file, detection, rows)], rows);
  }
  const { match } = detection;
  const preamble = head.slice(0, match.headerLineIndex);
  const rows = () => csvRows(linesFrom(source, match.headerLineIndex), match.delimiter, match.headerLineIndex + 1);
  let sink: EventSink | undefined;
  const pass = (groupWindow: number | undefined, dateStart: DateOrderStart | undefined): ImportResult | GroupReopened | DateOrderRedone | DateOrderRefused => {
    sink?.drop();
    sink = opts.eventSink?.();
    const onEvent = sink ? sink.push.bind(sink) : undefined;
    return runImporter(file, rows(), { preamble }, match, {
      fileStem: fileStem(file),
      fileName: file.split(/[\\/]/).pop() ?? file,
      ...(opts.seenRows ? { seenRows: opts.seenRows } : {}),
      ...(opts.inputZone ? { inputZone: opts.inputZone } : {}),
      ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
      ...(groupWindow !== undefined ? { groupWindow } : {}),
      ...(dateStart ? { dateStart } : {}),
      ...(onEvent ? { onEvent } : {}),
    });
  };
  // Groups are mapped as the file streams; a file whose groups are scattered is read again, holding
  // them. A file whose assumed date order a later row rules out is read again in the order left
  // (each re-read drops an order, so there are at most two).
  // the windows tried in turn, each after a pass that met a group it had already mapped
  const windows: (number | undefined)[] = opts.groupWindow !== undefined ? [opts.groupWindow, undefined] : [FIRST_GROUP_WINDOW_ROWS, GROUP_WINDOW_ROWS, undefined];
  let groupWindow = windows.shift();
  let dateStart: DateOrderStart | undefined;
  let result: ImportResult | undefined;
  for (let passes = 0; !result; passes++) {
    if (passes > 5) throw new Error('importFile: the passes did not settle');
    const r = pass(groupWindow, dateStart);
    if ('reopened' in r) {
      if (groupWindow === undefined) throw new Error('a pass without a group window cannot reopen a group');
      groupWindow = windows.shift();
    } else if ('dateRedo' in r) {
      dateStart = r.dateRedo;
    } else if ('dateConflict' in r) {
      sink?.drop();
      // the rows of the file all count as rejected: none of its dates can be trusted
      let count = 0;
      for (const _ of rows()) count++;
      const rejected = Math.max(0, count - 1);
      // and none of its rows may make another file's rows look like duplicates
      if (opts.seenRows) for (const [key, ref] of opts.seenRows) if (ref.file === file) opts.seenRows.delete(key);
      const { line, message } = r.dateConflict;
      const conflict = diagnostic('DATE_ORDER_CONFLICT', `${message}; ${rejected} row${rejected === 1 ? '' : 's'} not read`, { file, line, format: match.importer.id });
      // recognised, but not read: named as such by `taxlot check`
      return { ...notRead(file, [conflict], rejected), formatLabel: `${match.importer.id}: its dates are in two orders` };
    } else {
      result = r;
    }
  }
  const diagnostics = [...result.diagnostics];
  if (result.accounting.rows === 0) diagnostics.push(fileDiagnostic('INPUT_EMPTY', file, 'the file has a header but no data rows'));
  return {
    file,
    format: match.importer.id,
    formatLabel: match.importer.label,
    events: result.events,
    diagnostics,
    accounting: result.accounting,
  };
}

/** A file none of whose rows could be read (empty, unrecognised, unreadable): `rejected` rows. */
export function notRead(file: string, diagnostics: readonly Diagnostic[], rejected = 0): FileImport {
  return { file, events: [], diagnostics, accounting: { rows: rejected, imported: 0, skipped: 0, rejected, skippedByReason: {} } };
}

/** Non-blank lines of a whole source, counted as it streams (a line is never held whole). */
function countNonBlankLines(source: TextSource): number {
  let count = 0;
  let lineHasText = false; // the current line, so far, holds a non-space character
  for (const chunk of normalizedChunks(chunksOf(source))) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); ; nl = chunk.indexOf('\n', from)) {
      const piece = nl < 0 ? chunk.slice(from) : chunk.slice(from, nl);
      if (!lineHasText && piece.trim() !== '') lineHasText = true;
      if (nl < 0) break;
      if (lineHasText) count++;
      lineHasText = false;
      from = nl + 1;
    }
  }
  return lineHasText ? count + 1 : count;
}

function detectionDiagnostic(file: string, detection: Exclude<Detection, { kind: 'match' }>, rows: number): Diagnostic {
  const unread = `${rows} row${rows === 1 ? '' : 's'} not read`;
  switch (detection.kind) {
    case 'ambiguous':
      return fileDiagnostic('FORMAT_AMBIGUOUS', file, `the file matches several formats (${detection.candidates.join(', ')}); ${unread}`);
    case 'forced-mismatch':
      return fileDiagnostic(
        'FORMAT_FORCED_MISMATCH',
        file,
        `the file is not in format ${detection.id}${detection.missing.length ? ` (missing columns: ${detection.missing.join(', ')})` : ''}; ${unread}`,
      );
    case 'unknown':
      return fileDiagnostic(
        'FORMAT_UNKNOWN',
        file,
        detection.closest
          ? `unknown format; closest is ${detection.closest.id}, missing columns: ${detection.closest.missing.join(', ')}; ${unread}`
          : `unknown format: no supported export has these columns; ${unread}`,
      );
  }
}
