/**
 * Reading a Form 1099-DA file: recognise one of the layouts by its header (detect.ts, the same
 * detector as the exports), then read each row into a `ReportedRow` or reject it with a
 * diagnostic naming the row and the column. Pure: the text comes in, rows and accounting go out.
 *
 * A 1099-DA file counts in the run's `inputs` like any other file: each row read is `imported`
 * (as a statement of what was reported, not an event), each row that cannot be read `rejected`.
 */
import { diagnostic, fileDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import { normalizeAsset } from '../../model/asset.js';
import type { SourceRef } from '../../model/source-ref.js';
import { detectFormat, SCAN_LINES, type FormatMatch } from '../detect.js';
import { fileStem, type FileImport } from '../import-file.js';
import { csvRows } from '../read-csv.js';
import { headLines, linesFrom, type TextSource } from '../text-source.js';
import { detectionSpec, FORM_1099DA_LAYOUTS, type Field, type Form1099DaLayout } from './layouts.js';
import { parseAmount, parseBox, parseFormDate } from './parse-cells.js';
import type { ReportedRow, ReportedTerm } from './reported-row.js';

const SPECS = FORM_1099DA_LAYOUTS.map((layout) => ({ layout, spec: detectionSpec(layout) }));

export interface Form1099DaDetection {
  readonly layout: Form1099DaLayout;
  readonly match: FormatMatch;
}

/** The 1099-DA layout of a file, from its first lines; undefined when it is not one. */
export function detectForm1099Da(source: TextSource): Form1099DaDetection | undefined {
  const head = headLines(source, SCAN_LINES);
  const found = detectFormat(head, SPECS.map((s) => s.spec));
  if (found.kind !== 'match') return undefined;
  const layout = SPECS.find((s) => s.spec === found.match.importer)?.layout as Form1099DaLayout;
  return { layout, match: found.match };
}

export interface Form1099DaImport {
  /** The file as the report lists it (no events). */
  readonly file: FileImport;
  readonly rows: readonly ReportedRow[];
}

type Problem = { readonly code: DiagnosticCode; readonly message: string };

export function readForm1099Da(file: string, source: TextSource, found: Form1099DaDetection): Form1099DaImport {
  const { layout, match } = found;
  const rows: ReportedRow[] = [];
  const diagnostics: Diagnostic[] = [];
  let read = 0;
  let rejected = 0;
  let first = true;
  for (const row of csvRows(linesFrom(source, match.headerLineIndex), match.delimiter, match.headerLineIndex + 1)) {
    if (first) {
      first = false;
      continue; // the header row
    }
    read++;
    const ref: SourceRef = { file, line: row.line, format: layout.id };
    if (row.problem) {
      rejected++;
      diagnostics.push(diagnostic(row.problem.code, row.problem.message, ref));
      continue;
    }
    const cell = (field: Field): string => {
      const b = match.bindings.get(field);
      return b ? (row.cells[b.index] ?? '').trim() : '';
    };
    const header = (field: Field): string => match.bindings.get(field)?.header ?? field;
    const parsed = readRow(layout, cell, header, ref, fileStem(file));
    if ('code' in parsed) {
      rejected++;
      diagnostics.push(diagnostic(parsed.code, parsed.message, ref));
    } else rows.push(parsed);
  }
  if (read === 0) diagnostics.push(fileDiagnostic('INPUT_EMPTY', file, 'the Form 1099-DA file has a header but no data rows'));
  return {
    file: {
      file,
      format: layout.id,
      formatLabel: layout.label,
      events: [],
      diagnostics,
      accounting: { rows: read, imported: read - rejected, skipped: 0, rejected, skippedByReason: {} },
    },
    rows,
  };
}

function readRow(
  layout: Form1099DaLayout,
  cell: (f: Field) => string,
  header: (f: Field) => string,
  source: SourceRef,
  stem: string,
): ReportedRow | Problem {
  const missing = (f: Field): Problem => ({ code: 'ROW_MISSING_VALUE', message: `column "${header(f)}" is empty` });
  const bad = (f: Field, what: string, code: DiagnosticCode = 'ROW_BAD_NUMBER'): Problem => ({
    code,
    message: `cannot read "${cell(f)}" in column "${header(f)}": ${what}`,
  });
  const wallet = layout.wallet === 'column' ? cell('wallet') : stem;
  if (wallet === '') return missing('wallet');
  if (cell('asset') === '') return missing('asset');
  if (cell('units') === '') return missing('units');
  const units = parseAmount(cell('units'));
  if (!units || units.isZero()) return bad('units', 'expected a positive number of units');
  if (cell('sold') === '') return missing('sold');
  const sold = parseFormDate(cell('sold'));
  if (!sold) return bad('sold', 'expected YYYY-MM-DD or MM/DD/YYYY', 'ROW_BAD_DATE');
  const acquiredText = cell('acquired');
  const variousAcquired = acquiredText.toUpperCase() === 'VARIOUS';
  const acquired = acquiredText === '' || variousAcquired ? undefined : parseFormDate(acquiredText);
  if (acquiredText !== '' && !variousAcquired && !acquired) return bad('acquired', 'expected YYYY-MM-DD, MM/DD/YYYY or VARIOUS', 'ROW_BAD_DATE');
  if (cell('proceeds') === '') return missing('proceeds');
  const proceeds = parseAmount(cell('proceeds'));
  if (!proceeds) return bad('proceeds', 'expected an amount in USD such as 1234.56');
  const costBasis = cell('costBasis') === '' ? undefined : parseAmount(cell('costBasis'));
  if (cell('costBasis') !== '' && !costBasis) return bad('costBasis', 'expected an amount in USD such as 1234.56');
  const noncovered = parseBox(cell('noncovered'));
  if (noncovered === undefined) return bad('noncovered', 'expected yes or no', 'ROW_UNKNOWN_TYPE');
  let basisReported = parseBox(cell('basisReported'));
  if (basisReported === undefined) return bad('basisReported', 'expected yes or no', 'ROW_UNKNOWN_TYPE');
  if (!layout.columns.basisReported && layout.basisReportedWhenAbsent === 'covered-with-basis') basisReported = !noncovered && costBasis !== undefined;
  const proceedsType = readProceedsType(cell('proceedsType'));
  if (!proceedsType) return bad('proceedsType', 'expected gross or net', 'ROW_UNKNOWN_TYPE');
  const term = readTerm(cell('term'));
  if (term === null) return bad('term', 'expected short, long, ordinary or empty', 'ROW_UNKNOWN_TYPE');
  const corrected = parseBox(cell('corrected'));
  if (corrected === undefined) return bad('corrected', 'expected yes or no (or CORRECTED)', 'ROW_UNKNOWN_TYPE');
  const transactionId = cell('transactionId');
  return {
    source,
    wallet,
    broker: cell('broker') || wallet,
    asset: normalizeAsset(cell('asset')),
    units,
    ...(acquired ? { acquired } : {}),
    variousAcquired,
    sold,
    proceeds,
    ...(costBasis ? { costBasis } : {}),
    basisReported,
    proceedsType,
    ...(term ? { term } : {}),
    noncovered,
    ...(transactionId ? { transactionId } : {}),
    corrected,
  };
}

function readProceedsType(cell: string): 'gross' | 'net' | undefined {
  const t = cell.toLowerCase().replace(/\s+proceeds$/, '');
  if (t === '' || t === 'gross') return 'gross';
  if (t === 'net') return 'net';
  return undefined;
}

const TERMS: Readonly<Record<string, ReportedTerm>> = {
  short: 'short', 'short-term': 'short', 'short term': 'short', s: 'short', st: 'short',
  long: 'long', 'long-term': 'long', 'long term': 'long', l: 'long', lt: 'long',
  ordinary: 'ordinary', o: 'ordinary',
};

/** Box 6: a term, undefined when not stated, null when unreadable. */
function readTerm(cell: string): ReportedTerm | undefined | null {
  const t = cell.toLowerCase();
  if (t === '') return undefined;
  return Object.hasOwn(TERMS, t) ? (TERMS[t] as ReportedTerm) : null;
}
