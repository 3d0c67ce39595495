/**
 * The shared importer driver: CSV text + detected format → events, diagnostics and row accounting.
 *
 * Every data row ends in exactly one bucket — imported (became ≥ 1 event), skipped (an explicit
 * reason) or rejected (an error diagnostic naming file, line and value) — so that
 * `rows = imported + skipped + rejected` holds for every file. A bad row never stops the file.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { SourceRef } from '../model/source-ref.js';
import type { CellContext } from './columns.js';
import { normalizeHeader, type FormatMatch } from './detect.js';
import { isGroupSpec, type EventDraft, type Importer, type RowOutcome } from './importer-spec.js';
import { readCsv, type CsvRow } from './read-csv.js';
import type { NumberStyle } from './parse-number.js';

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
}

interface ParsedRow {
  readonly ref: SourceRef;
  readonly values: Record<string, unknown>;
}

/** Run a matched importer over the normalised text of one file. */
export function runImporter(file: string, text: string, match: FormatMatch, opts: ImportOptions): ImportResult {
  const importer = match.importer;
  const diagnostics: Diagnostic[] = [];
  const accounting: RowAccounting = { rows: 0, imported: 0, skipped: 0, rejected: 0, skippedByReason: {} };
  const events: LedgerEvent[] = [];
  const wallet = importer.wallet === 'file-stem' ? opts.fileStem : importer.wallet;

  const lines = text.split('\n');
  const body = lines.slice(match.headerLineIndex).join('\n');
  const zone =
    opts.inputZone ?? importer.zoneFrom?.({ name: opts.fileName, preamble: lines.slice(0, match.headerLineIndex) }) ?? importer.zone ?? 'UTC';
  const csv = readCsv(body, match.delimiter);
  const lineOffset = match.headerLineIndex;
  const numberStyle = importer.numberStyle ?? numberStyleOf(match.delimiter, csv.rows.slice(1));
  const brokenLines = new Map<number, string>();
  for (const p of csv.problems) brokenLines.set(p.line + lineOffset, p.message);

  const headerCells = (csv.rows[0]?.cells ?? []).map(normalizeHeader);
  const parsed: ParsedRow[] = [];
  const duplicates: { ref: SourceRef; of: SourceRef }[] = [];
  for (const row of csv.rows.slice(1)) {
    accounting.rows++;
    const ref: SourceRef = { file, line: row.line + lineOffset, format: importer.id };
    if (opts.seenRows) {
      const fingerprint = [importer.id, wallet, ...row.cells.map((c) => c.trim())].join('\u0001');
      const first = opts.seenRows.get(fingerprint);
      if (first && first.file !== file) {
        duplicates.push({ ref, of: first });
        accounting.skipped++;
        const reason = 'duplicate of a row in another file (overlapping export)';
        accounting.skippedByReason[reason] = (accounting.skippedByReason[reason] ?? 0) + 1;
        diagnostics.push(diagnostic('ROW_SKIPPED', `duplicate of ${first.file}:${first.line}`, ref));
        continue;
      }
      if (!first) opts.seenRows.set(fingerprint, ref);
    }
    const broken = brokenLines.get(ref.line);
    if (broken) {
      accounting.rejected++;
      diagnostics.push(diagnostic('CSV_MALFORMED', broken, ref));
      continue;
    }
    if (row.cells.length === headerCells.length && row.cells.every((c, i) => normalizeHeader(c) === headerCells[i])) {
      // two exports joined into one file: the second header is not a data row
      accounting.skipped++;
      const reason = 'repeated header line (exports joined into one file)';
      accounting.skippedByReason[reason] = (accounting.skippedByReason[reason] ?? 0) + 1;
      diagnostics.push(diagnostic('ROW_SKIPPED', reason, ref));
      continue;
    }
    if (row.cells.length > headerCells.length && row.cells.slice(headerCells.length).some((c) => c.trim() !== '')) {
      accounting.rejected++;
      diagnostics.push(
        diagnostic(
          'CSV_MALFORMED',
          `the row has ${row.cells.length} cells but the header has ${headerCells.length}; a value containing "${match.delimiter}" is probably not quoted, so the columns cannot be trusted`,
          ref,
        ),
      );
      continue;
    }
    const result = parseRow(importer, match, row.cells, zone, numberStyle, ref);
    if ('problems' in result) {
      accounting.rejected++;
      diagnostics.push(...result.problems);
      continue;
    }
    parsed.push(result);
  }

  const apply = (rows: readonly ParsedRow[], outcome: RowOutcome): void => {
    const first = rows[0];
    if (!first) return;
    switch (outcome.kind) {
      case 'events': {
        if (outcome.events.length === 0) throw new Error(`importer ${importer.id} returned no events; use skip() instead`);
        accounting.imported += rows.length;
        outcome.events.forEach((draft, i) => {
          const own = draft.groupRows?.map((k) => rows[k]?.ref).filter((r): r is SourceRef => r !== undefined);
          const refs = own && own.length > 0 ? own : rows.map((r) => r.ref);
          events.push(finishEvent(draft, refs[0] as SourceRef, refs.slice(1), wallet, outcome.events.length > 1 ? i + 1 : 0));
        });
        return;
      }
      case 'skip':
        accounting.skipped += rows.length;
        accounting.skippedByReason[outcome.reason] = (accounting.skippedByReason[outcome.reason] ?? 0) + rows.length;
        for (const r of rows) diagnostics.push(diagnostic('ROW_SKIPPED', outcome.reason, r.ref));
        return;
      case 'reject':
        accounting.rejected += rows.length;
        for (const r of rows) diagnostics.push(diagnostic(outcome.code, outcome.message, r.ref, outcome.hint));
        return;
    }
  };

  if (duplicates.length > 0) {
    const others = [...new Set(duplicates.map((d) => d.of.file))].join(', ');
    diagnostics.push(
      diagnostic(
        'DUPLICATE_ROWS',
        `${duplicates.length} of ${accounting.rows} rows repeat rows of ${others}; each is counted once`,
        duplicates[0]?.ref,
      ),
    );
  }

  const ctx = { wallet, file: { name: opts.fileName, preamble: lines.slice(0, match.headerLineIndex) } };
  if (isGroupSpec(importer)) {
    const groups = new Map<string, ParsedRow[]>();
    const order: (string | ParsedRow)[] = [];
    for (const row of parsed) {
      const key = importer.groupKey(row.values);
      if (key === undefined) {
        order.push(row);
        continue;
      }
      const group = groups.get(key);
      if (group) group.push(row);
      else {
        groups.set(key, [row]);
        order.push(key);
      }
    }
    for (const item of order) {
      const rows = typeof item === 'string' ? (groups.get(item) ?? []) : [item];
      apply(rows, importer.mapGroup(rows.map((r) => r.values), ctx));
    }
  } else {
    for (const row of parsed) apply([row], importer.mapRow(row.values, ctx));
  }
  return { events, diagnostics, accounting };
}

function parseRow(
  importer: Importer,
  match: FormatMatch,
  cells: readonly string[],
  zone: string,
  numberStyle: NumberStyle,
  ref: SourceRef,
): ParsedRow | { problems: Diagnostic[] } {
  const values: Record<string, unknown> = {};
  const problems: Diagnostic[] = [];
  for (const [key, column] of Object.entries(importer.columns)) {
    const binding = match.bindings.get(key);
    if (!binding) {
      values[key] = undefined;
      continue;
    }
    const ctx: CellContext = { header: binding.header, numberStyle, zone };
    const result = column.parse(cells[binding.index], ctx);
    if (result.ok) values[key] = result.value;
    else problems.push(diagnostic(result.problem.code, result.problem.message, ref));
  }
  return problems.length > 0 ? { problems } : { ref, values };
}

function finishEvent(fullDraft: EventDraft, ref: SourceRef, extra: readonly SourceRef[], wallet: string, index: number): LedgerEvent {
  const { groupRows: _rows, ...draft } = fullDraft;
  const id = `${ref.file}:${ref.line}${index > 0 ? `#${index}` : ''}`;
  return {
    ...draft,
    wallet: draft.wallet ?? wallet,
    id,
    source: ref,
    ...(extra.length > 0 ? { extraSources: extra } : {}),
  } as LedgerEvent;
}

/**
 * The number style of a file the importer did not pin: a `;`-separated file is what a European
 * spreadsheet writes when it re-saves an export, with decimal commas (`0,6057`, `1.234,56`).
 * It is read that way when its cells show decimal commas and no decimal points; `,`-separated
 * files keep `.` (formats.md §4: Excel round-tripping is a real input source).
 */
export function numberStyleOf(delimiter: string, rows: readonly CsvRow[]): NumberStyle {
  if (delimiter !== ';') return {};
  let commas = 0;
  let points = 0;
  for (const row of rows.slice(0, 200)) {
    for (const cell of row.cells) {
      const t = cell.trim();
      if (/^-?\d{1,3}(\.\d{3})+,\d+$|^-?\d+,\d+$/.test(t)) commas++;
      else if (/^-?\d+\.\d+$/.test(t) && !/^-?\d{1,3}\.\d{3}$/.test(t)) points++;
    }
  }
  return commas > 0 && points === 0 ? { decimalSeparator: ',' } : {};
}
