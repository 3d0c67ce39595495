/**
 * The shared importer driver: CSV text + detected format → events, diagnostics and row accounting.
 *
 * Every data row ends in exactly one bucket — imported (became ≥ 1 event), skipped (an explicit
 * reason) or rejected (an error diagnostic naming file, line and value) — so that
 * `rows = imported + skipped + rejected` holds for every file. A bad row never stops the file.
 */
import { BoundedDiagnostics } from '../diagnostics/bounded-diagnostics.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { SourceRef } from '../model/source-ref.js';
import { DateOrderConflict, DateOrderRedo, FileDateOrder, type DateOrderStart } from './date-order.js';
import type { DateOrder } from './parse-instant.js';
import { normalizeHeader, type FormatMatch } from './detect.js';
import { HeaderLines, type HeaderVerdict } from './header-lines.js';
import { isGroupSpec, type Columns, type EventDraft, type RowOutcome, type RowSpec } from './importer-spec.js';
import { finishEvent, numberStyleOf } from './finish-event.js';
import { compileColumns, parseRow, type ParsedRow } from './parse-row.js';
import { PendingGroups } from './pending-groups.js';
import type { CsvRow } from './read-csv.js';
import type { NumberStyle } from './parse-number.js';
import { prepareCells, unwrapWholeRow } from './whole-row-quotes.js';

export interface RowAccounting {
  rows: number;
  imported: number;
  skipped: number;
  rejected: number;
  /** Skip reasons with their counts, for `taxlot check`. */
  skippedByReason: Record<string, number>;
}

export interface ImportResult {
  readonly events: LedgerEvent[];
  readonly diagnostics: Diagnostic[];
  readonly accounting: RowAccounting;
}

export interface ImportOptions {
  /** Wallet for `file-stem` importers: the file name without folder and extension. */
  readonly fileStem: string;
  /** The file name without folders (for `zoneFrom`). */
  readonly fileName: string;
  /** Zone for wall-clock dates, overriding the importer's own default. */
  readonly inputZone?: string;
  /**
   * Rows already read from other files of the same run, by fingerprint (importer, wallet,
   * cells). A row seen in another file is an overlapping export: skipped, counted once.
   */
  readonly seenRows?: Map<string, SourceRef>;
  /**
   * Importers that group rows: map a group once this many rows have been taken after its first
   * row, instead of holding every group to the end of the file. Absent: hold them all.
   */
  readonly groupWindow?: number;
  /** `--date-order`: the order of every day-month date of the file. */
  readonly dateOrder?: DateOrder;
  /** A re-read after a pass found the date order it assumed ruled out (`DateOrderRedo`). */
  readonly dateStart?: DateOrderStart;
  /**
   * Each event as it is made, instead of in the result's `events` (then empty): a caller that
   * lets the history flow on (the report pipeline) never holds a file's events. A pass that is
   * dropped (a group reopened, a date order redone) has already given some: the caller drops them.
   */
  readonly onEvent?: (event: LedgerEvent) => void;
}

/** A pass whose assumed date order a later row ruled out: read the file again from `start`. */
export interface DateOrderRedone {
  readonly dateRedo: DateOrderStart;
}

/** The file's dates are not all in one order: the whole file is refused. */
export interface DateOrderRefused {
  readonly dateConflict: { readonly line: number; readonly message: string };
}

/**
 * A pass with a `groupWindow` that met a row of a group it had already mapped: its result would
 * differ from holding every group, so it is dropped and the file read again without a window.
 */
export interface GroupReopened {
  readonly reopened: SourceRef;
}


/** The file around the rows: for zones and facts stated outside them. */
export interface FileHead {
  /** The lines above the header row (OKX, Coinbase and Bybit write a preamble). */
  readonly preamble: readonly string[];
}

/**
 * Run a matched importer over the rows of one file, as they stream in. `rows` starts with the
 * header row. Rows are mapped as they arrive, except for importers that group rows (a Kraken
 * refid, a Binance second): a group is mapped at the end of the file or, with `groupWindow`,
 * once that many rows have been taken after its first — the rows of a group sit together in
 * real exports, and holding a million parsed rows to the end cost ~350 MB. Groups are mapped in
 * the order of their first row either way and their diagnostics follow the rows', so the result
 * is the same; if a row of an already mapped group turns up, the pass stops (`GroupReopened`).
 */
export function runImporter(
  file: string,
  rows: Iterable<CsvRow>,
  head: FileHead,
  match: FormatMatch,
  opts: ImportOptions,
): ImportResult | GroupReopened | DateOrderRedone | DateOrderRefused {
  const dates = new FileDateOrder(opts.dateOrder, match.delimiter, opts.dateStart);
  try {
    return readRows(file, rows, head, match, opts, dates);
  } catch (e) {
    if (e instanceof DateOrderRedo) return { dateRedo: e.start };
    if (e instanceof DateOrderConflict) return { dateConflict: { line: e.line, message: e.message } };
    throw e;
  }
}

function readRows(
  file: string,
  rows: Iterable<CsvRow>,
  head: FileHead,
  match: FormatMatch,
  opts: ImportOptions,
  dates: FileDateOrder,
): ImportResult | GroupReopened {
  const importer = match.importer;
  // bounded whatever the number of bad rows: repeated ones are kept in full up to a limit, then counted
  const diagnostics = new BoundedDiagnostics();
  // a group's skip or rejection follows the diagnostics of the rows (a row's: in line with them)
  const mapDiagnostics = isGroupSpec(importer) ? new BoundedDiagnostics() : diagnostics;
  const accounting: RowAccounting = { rows: 0, imported: 0, skipped: 0, rejected: 0, skippedByReason: {} };
  const events: LedgerEvent[] = [];
  const emit = opts.onEvent ?? ((e: LedgerEvent): void => void events.push(e));
  const wallet = importer.wallet === 'file-stem' ? opts.fileStem : importer.wallet;
  const zone = opts.inputZone ?? importer.zoneFrom?.({ name: opts.fileName, preamble: head.preamble }) ?? importer.zone ?? 'UTC';
  const ctx = { wallet, file: { name: opts.fileName, preamble: head.preamble } };
  let reasons = 0;
  const skip = (stated: string, count = 1): void => {
    accounting.skipped += count;
    // a reason may quote a cell (a status): bounded like the diagnostics, whatever the file holds
    let reason = stated;
    if (accounting.skippedByReason[reason] === undefined && reasons >= MAX_SKIP_REASONS) reason = OTHER_SKIP_REASONS;
    if (accounting.skippedByReason[reason] === undefined) reasons++;
    accounting.skippedByReason[reason] = (accounting.skippedByReason[reason] ?? 0) + count;
  };
  // rows repeating another file's: counted, with the first and the files repeated (not every ref)
  const duplicates = { count: 0, first: undefined as SourceRef | undefined, of: new Set<string>() };
  let cellParsers = compileColumns(importer, match.bindings);

  const apply = (group: readonly ParsedRow[], outcome: RowOutcome): void => {
    const first = group[0];
    if (!first) return;
    switch (outcome.kind) {
      case 'events': {
        const drafts = outcome.events;
        if (drafts.length === 0) throw new Error(`importer ${importer.id} returned no events; use skip() instead`);
        accounting.imported += group.length;
        for (let i = 0; i < drafts.length; i++) {
          const draft = drafts[i] as EventDraft;
          const index = drafts.length > 1 ? i + 1 : 0;
          const own = draft.groupRows?.map((k) => group[k]?.ref).filter((r): r is SourceRef => r !== undefined);
          if (own && own.length > 0) {
            emit(finishEvent(draft, own[0] as SourceRef, own.slice(1), wallet, index));
            continue;
          }
          // the whole group, first row as source: the other rows' refs without an array of all
          const extra: SourceRef[] = group.length > 1 ? [] : NO_REFS;
          for (let k = 1; k < group.length; k++) extra.push((group[k] as ParsedRow).ref);
          emit(finishEvent(draft, first.ref, extra, wallet, index));
        }
        return;
      }
      case 'skip':
        skip(outcome.reason, group.length);
        for (const r of group) mapDiagnostics.push(diagnostic('ROW_SKIPPED', outcome.reason, r.ref));
        return;
      case 'reject':
        accounting.rejected += group.length;
        for (const r of group) mapDiagnostics.push(diagnostic(outcome.code, outcome.message, r.ref, outcome.hint));
        return;
    }
  };

  const grouping = isGroupSpec(importer) ? importer : undefined;
  const pending = grouping
    ? new PendingGroups<ParsedRow>(opts.groupWindow, (group) => apply(group, grouping.mapGroup(group.map((r) => r.values), ctx)))
    : undefined;
  let reopened: SourceRef | undefined;
  // a row alone is handed to `apply` in this one array (apply keeps nothing of it)
  const single: ParsedRow[] = [];
  const take = (row: ParsedRow): void => {
    if (!grouping || !pending) {
      single[0] = row;
      return apply(single, (importer as RowSpec<Columns>).mapRow(row.values, ctx));
    }
    if (!pending.add(grouping.groupKey(row.values), row)) reopened ??= row.ref;
  };

  // the header the rows are read by; a header line further down (exports joined) may change it
  let headers: HeaderLines | undefined;
  /** Set while the rows sit below a header line this importer cannot read: its line. */
  let foreignHeader: number | undefined;
  let numberStyle: NumberStyle | undefined = importer.numberStyle ?? (match.delimiter === ';' ? undefined : {});
  // a `;` file's number style is read off its first rows, so those wait until it is known
  const waiting: CsvRow[] = [];
  let quotedRows: SourceRef | undefined;
  let quotedCount = 0;
  const omittableLast = importer.lastCellMayBeMissing && normalizeHeader(importer.lastCellMayBeMissing);
  // the file's context for the cells: one object while the number style stays the same
  let cellContext = { header: '', numberStyle: {} as NumberStyle, zone, dates };
  const readRow = (raw: CsvRow, lines: HeaderLines, style: NumberStyle): void => {
    accounting.rows++;
    const ref: SourceRef = { file, line: raw.line, format: importer.id };
    // prepareCells changes nothing of a row of several cells when no last cell may be missing
    let cells = raw.cells;
    if (!raw.problem && (cells.length === 1 || omittableLast)) {
      const prepared = prepareCells(cells, lines.current, match.delimiter, omittableLast);
      if ('broken' in prepared) {
        accounting.rejected++;
        diagnostics.push(diagnostic('CSV_MALFORMED', 'the row is wrapped whole in quotes (a spreadsheet re-save) and the text inside is not valid CSV: its quotes are unbalanced', ref));
        return;
      }
      if (prepared.quoted) {
        quotedRows ??= ref;
        quotedCount++;
      }
      cells = prepared.cells;
    }
    const row = cells === raw.cells ? raw : { ...raw, cells };
    if (opts.seenRows) {
      const fingerprint = [importer.id, wallet, ...row.cells.map((c) => c.trim())].join('\u0001');
      const first = opts.seenRows.get(fingerprint);
      if (first && first.file !== file) {
        duplicates.count++;
        duplicates.first ??= ref;
        duplicates.of.add(first.file);
        skip('duplicate of a row in another file (overlapping export)');
        diagnostics.push(diagnostic('ROW_SKIPPED', `duplicate of ${first.file}:${first.line}`, ref));
        return;
      }
      if (!first) opts.seenRows.set(fingerprint, ref);
    }
    if (row.problem) {
      accounting.rejected++;
      diagnostics.push(diagnostic(row.problem.code, row.problem.message, ref));
      return;
    }
    const verdict = lines.judge(row.cells);
    if (verdict.kind !== 'data') {
      headerLine(verdict, ref);
      return;
    }
    if (foreignHeader !== undefined) {
      accounting.rejected++;
      diagnostics.push(diagnostic('CSV_HEADER_MISMATCH', `the row is below the header line ${foreignHeader}, whose columns this format cannot read`, ref));
      return;
    }
    const header = lines.current;
    if (row.cells.length > header.length && row.cells.slice(header.length).some((c) => c.trim() !== '')) {
      accounting.rejected++;
      diagnostics.push(
        diagnostic(
          'CSV_MALFORMED',
          `the row has ${row.cells.length} cells but the header has ${header.length}; a value containing "${match.delimiter}" is probably not quoted, so the columns cannot be trusted`,
          ref,
        ),
      );
      return;
    }
    if (row.cells.length < header.length && row.cells.length > 1) {
      // A row cut short (a truncated download, a line broken by hand): the cells it lacks would
      // read as empty and a half value ("5,SO" for "5,SOL") would pass for a whole one.
      accounting.rejected++;
      diagnostics.push(
        diagnostic(
          'CSV_MALFORMED',
          `the row has ${row.cells.length} cells but the header has ${header.length}: the line is cut short (a truncated export?), so its last value cannot be trusted`,
          ref,
        ),
      );
      return;
    }
    dates.line = row.line;
    if (cellContext.numberStyle !== style) cellContext = { header: '', numberStyle: style, zone, dates };
    const result = parseRow(cellParsers, row.cells, cellContext, ref);
    if ('problems' in result) {
      accounting.rejected++;
      diagnostics.push(...result.problems);
      return;
    }
    take(result);
  };

  /** A header line below the first: skipped, and the columns switched to it (or refused). */
  const headerLine = (verdict: Exclude<HeaderVerdict, { kind: 'data' }>, ref: SourceRef): void => {
    switch (verdict.kind) {
      case 'same': {
        // two exports joined into one file: the second header is not a data row
        const reason = 'repeated header line (exports joined into one file)';
        skip(reason);
        diagnostics.push(diagnostic('ROW_SKIPPED', reason, ref));
        if (foreignHeader !== undefined) cellParsers = compileColumns(importer, match.bindings);
        foreignHeader = undefined;
        return;
      }
      case 'switched':
        cellParsers = compileColumns(importer, verdict.bindings);
        foreignHeader = undefined;
        skip('header line with the columns in another order (exports joined into one file)');
        diagnostics.push(
          diagnostic(
            'CSV_HEADER_CHANGED',
            `the header is repeated here with its columns in another order (${verdict.moved.map((h) => `"${h}"`).slice(0, 6).join(', ')} moved): the rows after it are read by this header's column names`,
            ref,
          ),
        );
        return;
      case 'foreign':
        accounting.rejected++;
        foreignHeader = ref.line;
        diagnostics.push(
          diagnostic(
            'CSV_HEADER_MISMATCH',
            `a header line with other columns (lacking ${verdict.missing.map((h) => `"${h}"`).join(', ')}): the rows after it cannot be read as ${importer.id} and are rejected, up to a header line this format can read`,
            ref,
          ),
        );
        return;
    }
  };

  for (const row of rows) {
    if (reopened) return { reopened };
    if (!headers) {
      const inner = unwrapWholeRow(row.cells, match.delimiter);
      headers = new HeaderLines(importer, inner && 'cells' in inner ? inner.cells : row.cells);
      continue;
    }
    if (numberStyle) {
      readRow(row, headers, numberStyle);
      continue;
    }
    waiting.push(row);
    if (waiting.length < NUMBER_STYLE_ROWS) continue;
    numberStyle = numberStyleOf(match.delimiter, waiting);
    for (const w of waiting.splice(0)) readRow(w, headers, numberStyle);
  }
  if (headers && waiting.length > 0) {
    const style = numberStyle ?? numberStyleOf(match.delimiter, waiting);
    for (const w of waiting.splice(0)) readRow(w, headers, style);
  }

  if (quotedRows) {
    diagnostics.push(diagnostic('CSV_ROW_QUOTED', `${quotedCount} rows are wrapped whole in quotes (a spreadsheet re-save); they were read from inside the quotes`, quotedRows));
  }
  if (duplicates.count > 0) {
    const others = [...duplicates.of].join(', ');
    diagnostics.push(
      diagnostic('DUPLICATE_ROWS', `${duplicates.count} of ${accounting.rows} rows repeat rows of ${others}; each is counted once`, duplicates.first),
    );
  }
  if (reopened) return { reopened };
  pending?.finish();
  diagnostics.push(...dates.finish(file));
  return { events, diagnostics: mapDiagnostics === diagnostics ? diagnostics.finish() : [...diagnostics.finish(), ...mapDiagnostics.finish()], accounting };
}

const NO_REFS: SourceRef[] = [];

/** Distinct skip reasons counted per file; the rest are counted together. */
const MAX_SKIP_REASONS = 100;
const OTHER_SKIP_REASONS = `other reasons (beyond ${MAX_SKIP_REASONS} distinct ones; see the ROW_SKIPPED notes)`;

/** Rows a `;` file's number style is judged on (numberStyleOf). */
const NUMBER_STYLE_ROWS = 200;

export { numberStyleOf };
