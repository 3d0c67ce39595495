/**
 * One input file's text → what it was recognised as, its events, diagnostics and row accounting.
 * Pure: the CLI reads the bytes; this never touches the file system.
 */
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { SourceRef } from '../model/source-ref.js';
import { detectFormat } from './detect.js';
import type { Importer } from './importer-spec.js';
import { normalizeText } from './read-csv.js';
import { runImporter, type RowAccounting } from './run-importer.js';

export interface FileImport {
  readonly file: string;
  /** Importer id, or undefined when the format was not recognised. */
  readonly format?: string;
  readonly formatLabel?: string;
  readonly events: readonly LedgerEvent[];
  readonly diagnostics: readonly Diagnostic[];
  readonly accounting: RowAccounting;
}

export interface ImportFileOptions {
  readonly importers: readonly Importer[];
  /** Shared across the files of one run to count overlapping exports once (see run-importer). */
  readonly seenRows?: Map<string, SourceRef>;
  readonly forcedFormat?: string;
  readonly inputZone?: string;
}

/** The file name without folders and extension: the wallet of generic-format files. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '');
}

export function importFile(file: string, rawText: string, opts: ImportFileOptions): FileImport {
  const text = normalizeText(rawText);
  const nonBlank = text.split('\n').filter((l) => l.trim() !== '').length;
  if (nonBlank === 0) {
    return {
      file,
      events: [],
      diagnostics: [fileDiagnostic('INPUT_EMPTY', file, 'the file is empty')],
      accounting: { rows: 0, imported: 0, skipped: 0, rejected: 0, skippedByReason: {} },
    };
  }
  const detection = detectFormat(text, opts.importers, opts.forcedFormat);
  if (detection.kind !== 'match') {
    // Nothing in the file can be read: its lines after the first count as rejected rows, so the
    // row accounting still says that data was there and was not used.
    const rows = Math.max(0, nonBlank - 1);
    return {
      file,
      events: [],
      diagnostics: [detectionDiagnostic(file, detection, rows)],
      accounting: { rows, imported: 0, skipped: 0, rejected: rows, skippedByReason: {} },
    };
  }
  const result = runImporter(file, text, detection.match, {
    fileStem: fileStem(file),
    fileName: file.split(/[\\/]/).pop() ?? file,
    ...(opts.seenRows ? { seenRows: opts.seenRows } : {}),
    ...(opts.inputZone ? { inputZone: opts.inputZone } : {}),
  });
  const diagnostics = [...result.diagnostics];
  if (result.accounting.rows === 0) diagnostics.push(fileDiagnostic('INPUT_EMPTY', file, 'the file has a header but no data rows'));
  return {
    file,
    format: detection.match.importer.id,
    formatLabel: detection.match.importer.label,
    events: result.events,
    diagnostics,
    accounting: result.accounting,
  };
}

function detectionDiagnostic(file: string, detection: Exclude<ReturnType<typeof detectFormat>, { kind: 'match' }>, rows: number): Diagnostic {
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
