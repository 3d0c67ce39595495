/**
 * A rejected row given its meaning by an override, without the user restating its facts: the row
 * is read again by its file's importer with one cell emptied at a time — the cell that held the
 * type or label taxlot did not know (`ROW_UNKNOWN_TYPE`). A variant that reads as events, with
 * nothing rejected, gives the row's units, date and stated value; the override then says what
 * the row is (apply-overrides.ts). A row rejected for another reason (a bad number or date) reads
 * as nothing here, and the override must state the facts. Pure: the sources are the texts the
 * CLI read.
 */
import type { LedgerEvent } from '../model/ledger-event.js';
import { detectFile, importFile } from '../importers/import-file.js';
import { csvRows } from '../importers/read-csv.js';
import type { Importer } from '../importers/importer-spec.js';
import type { TextSource } from '../importers/text-source.js';
import { rowTexts } from './row-texts.js';

/** Movement types most exports spell one of these ways: a deposit or a withdrawal, no more. */
const PLAIN_TYPES = ['deposit', 'Deposit', 'DEPOSIT', 'withdrawal', 'Withdrawal', 'WITHDRAWAL', 'receive', 'Receive', 'send', 'Send'];

/** Cells of one row: this many at most are tried (a wider row is not an export row). */
const MAX_CELLS = 64;

/** `messages`: the errors that rejected the row; a cell they quote is emptied first (the unknown label). */
export type RowReader = (file: string, line: number, messages?: readonly string[]) => LedgerEvent[][];

export function rowReader(
  inputs: readonly { file: string; text: TextSource; unreadable?: boolean }[],
  options: { importers: readonly Importer[]; inputZone?: string },
): RowReader {
  return (file, line, messages = []) => {
    const input = inputs.find((f) => f.file === file);
    if (!input || input.unreadable) return [];
    const { detection, head } = detectFile(input.text, { importers: options.importers });
    if (detection.kind !== 'match') return [];
    const { headerLineIndex, delimiter } = detection.match;
    if (line <= headerLineIndex + 1) return [];
    const text = rowTexts([input], [{ severity: 'error', code: 'ROW_UNKNOWN_TYPE', message: '', source: { file, line, format: '' } }]).get(`${file}:${line}`);
    if (text === undefined) return [];
    const cells = [...csvRows([text], delimiter)][0]?.cells ?? [];
    const preamble = head.slice(0, headerLineIndex + 1).join('\n');
    const synthetic = headerLineIndex + 2; // the row's line in the text built below
    const out: LedgerEvent[][] = [];
    const quoted = (c: string): boolean => messages.some((m) => m.includes(`"${c}"`));
    const order = cells.map((_, i) => i).slice(0, MAX_CELLS).filter((i) => (cells[i] ?? '').trim() !== '')
      .sort((a, b) => Number(quoted(cells[b] as string)) - Number(quoted(cells[a] as string)) || a - b);
    // the cell the error quotes (the unknown type) is emptied, then given the plain movement
    // types exports use; any other cell is only emptied (a label column beside a type column)
    const variants: string[][] = [];
    for (const i of order) {
      const words = quoted(cells[i] as string) ? ['', ...PLAIN_TYPES] : [''];
      for (const w of words) variants.push(cells.map((c, j) => (j === i ? w : c)));
    }
    for (const variant of variants) {
      const row = variant.map((c) => `"${c.replace(/"/g, '""')}"`).join(delimiter);
      const read = importFile(file, `${preamble}\n${row}\n`, { importers: options.importers, ...(options.inputZone ? { inputZone: options.inputZone } : {}) });
      if (read.events.length === 0 || read.accounting.rejected > 0 || read.format !== detection.match.importer.id) continue;
      out.push(read.events.map((e) => relined(e, file, synthetic, line)));
    }
    return out;
  };
}

/** The event as if read at its real line. */
function relined(e: LedgerEvent, file: string, from: number, to: number): LedgerEvent {
  const id = e.id.startsWith(`${file}:${from}`) ? `${file}:${to}${e.id.slice(`${file}:${from}`.length)}` : e.id;
  return { ...e, id, source: { ...e.source, line: to } } as LedgerEvent;
}
