/**
 * The rows that overrides name, found among the imported files: by file (path as given, or a
 * base name unique among the inputs) and physical line, or by transaction hash. Only the rows
 * named are indexed, so a million-row history with three overrides costs one pass. Holds the
 * files' events, diagnostics and accounting as they change (apply-overrides.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileImport } from '../importers/import-file.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { SourceRef } from '../model/source-ref.js';
import type { RowRef } from './overrides.js';

export interface FoundRow {
  readonly file: string;
  readonly format?: string;
  readonly ref: SourceRef;
  readonly status: 'imported' | 'rejected' | 'skipped';
  readonly events: LedgerEvent[];
  /** The errors that rejected the row. */
  readonly errors: Diagnostic[];
  /** Why the row is skipped. */
  readonly why?: string;
}

export type Found = { kind: 'one'; row: FoundRow } | { kind: 'many'; rows: SourceRef[] } | { kind: 'none'; why: string };

interface FileState {
  file: FileImport;
  events: LedgerEvent[];
  diagnostics: Diagnostic[];
  accounting: FileImport['accounting'];
}

const baseName = (f: string): string => f.split(/[\\/]/).pop() ?? f;

/** `a\\b.csv`, `./a//b.csv` → `a/b.csv` (no file system: names are compared as text). */
function normalPath(f: string): string {
  return f.replace(/\\/g, '/').split('/').filter((part, i) => part !== '.' && (part !== '' || i === 0)).join('/');
}

export class RowIndex {
  private readonly states: FileState[];

  constructor(files: readonly FileImport[]) {
    this.states = files.map((file) => ({ file, events: [...file.events], diagnostics: [...file.diagnostics], accounting: { ...file.accounting, skippedByReason: { ...file.accounting.skippedByReason } } }));
  }

  /**
   * The input files a name means: the path as given (`./a/b.csv` and `a/b.csv` alike), else the
   * files of that base name, else (a name with folders) the files whose path ends with it.
   */
  private filesNamed(name: string): FileState[] {
    const wanted = normalPath(name);
    const exact = this.states.filter((s) => normalPath(s.file.file) === wanted);
    if (exact.length > 0) return exact;
    if (!wanted.includes('/')) return this.states.filter((s) => baseName(s.file.file) === wanted);
    return this.states.filter((s) => normalPath(s.file.file).endsWith(`/${wanted}`));
  }

  find(ref: RowRef): Found {
    let states = this.states;
    if (ref.file !== undefined) {
      states = this.filesNamed(ref.file);
      if (states.length === 0) return { kind: 'none', why: `no input file is named ${ref.file}` };
      if (states.length > 1 && ref.line !== undefined) return { kind: 'many', rows: states.map((s) => ({ file: s.file.file, line: ref.line as number, format: s.file.format ?? '' })) };
    }
    if (ref.tx !== undefined) {
      const tx = ref.tx.toLowerCase();
      const hits: { state: FileState; line: number }[] = [];
      for (const state of states) {
        const lines = new Set<number>();
        for (const e of state.events) if (e.txHash?.trim().toLowerCase() === tx) lines.add(e.source.line);
        for (const line of lines) hits.push({ state, line });
      }
      if (hits.length === 0) return { kind: 'none', why: `no row has transaction hash or id ${ref.tx}` };
      if (hits.length > 1) return { kind: 'many', rows: hits.map((h) => ({ file: h.state.file.file, line: h.line, format: h.state.file.format ?? '' })) };
      const hit = hits[0] as { state: FileState; line: number };
      return this.at(hit.state, hit.line);
    }
    return this.at(states[0] as FileState, ref.line as number);
  }

  private at(state: FileState, line: number): Found {
    const file = state.file.file;
    const ref: SourceRef = { file, line, format: state.file.format ?? '' };
    const base = { file, ref, ...(state.file.format ? { format: state.file.format } : {}) };
    const events = state.events.filter((e) => e.source.line === line || e.extraSources?.some((s) => s.file === file && s.line === line));
    if (events.length > 0) return { kind: 'one', row: { ...base, status: 'imported', events, errors: [] } };
    const here = state.diagnostics.filter((d) => d.source?.line === line && d.source.file === file);
    const errors = here.filter((d) => d.severity === 'error');
    if (errors.length > 0) return { kind: 'one', row: { ...base, status: 'rejected', events: [], errors } };
    const skipped = here.find((d) => d.code === 'ROW_SKIPPED');
    if (skipped) return { kind: 'one', row: { ...base, status: 'skipped', events: [], errors: [], why: skipped.message } };
    return { kind: 'none', why: `${file} has no data row at line ${line}` };
  }

  replace(file: string, event: LedgerEvent, by: readonly LedgerEvent[]): void {
    const state = this.states.find((s) => s.file.file === file) as FileState;
    const i = state.events.indexOf(event);
    if (i >= 0) state.events.splice(i, 1, ...by);
  }

  /** The row counts as skipped; returns the codes of the diagnostics it no longer has. */
  skip(row: FoundRow, reason: string): string[] {
    const state = this.states.find((s) => s.file.file === row.file) as FileState;
    for (const e of row.events) this.replace(row.file, e, []);
    const acc = state.accounting;
    if (row.status === 'imported') acc.imported--;
    else acc.rejected--;
    acc.skipped++;
    const why = `ignored by the overrides file: ${reason}`;
    acc.skippedByReason[why] = (acc.skippedByReason[why] ?? 0) + 1;
    return this.drop(state, row.errors);
  }

  /** A rejected row becomes `event`: imported. Returns the codes of the errors it resolves. */
  admit(row: FoundRow, event: LedgerEvent): string[] {
    const state = this.states.find((s) => s.file.file === row.file) as FileState;
    state.events.push(event);
    state.accounting.rejected--;
    state.accounting.imported++;
    return this.drop(state, row.errors);
  }

  private drop(state: FileState, gone: readonly Diagnostic[]): string[] {
    const set = new Set(gone);
    state.diagnostics = state.diagnostics.filter((d) => !set.has(d));
    return [...new Set(gone.map((d) => d.code))];
  }

  files(): FileImport[] {
    return this.states.map((s) => ({ ...s.file, events: s.events, diagnostics: s.diagnostics, accounting: s.accounting }));
  }
}
