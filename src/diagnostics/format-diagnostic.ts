/**
 * Renders diagnostics as `file:line: severity CODE: message` with an indented hint line, the
 * format editors and terminals make clickable.
 */
import type { Diagnostic } from './diagnostic.js';
import { compareSourceRefs } from '../model/source-ref.js';
import { escapeInvisible } from '../model/visible-text.js';
import { suggestionNote, suggestOverride } from './suggest-override.js';

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.source ? `${printable(d.source.file)}:${d.source.line}: ` : d.file ? `${printable(d.file)}: ` : '';
  const head = `${where}${d.severity} ${d.code}: ${printable(d.message)}`;
  return d.hint ? `${head}\n  hint: ${printable(d.hint)}` : head;
}

/**
 * As `formatDiagnostic`, with a third line naming the override that would resolve it, the row's
 * file and line filled in (README "Overrides file"): diagnostics.txt and the terminal.
 */
export function formatDiagnosticWithOverride(d: Diagnostic): string {
  const text = formatDiagnostic(d);
  const snippet = suggestOverride(d);
  if (!snippet) return text;
  const note = suggestionNote(d.code);
  return `${text}\n  override: ${printable(JSON.stringify(snippet))}${note ? ` — ${note}` : ''}`;
}

/** Longest text of one diagnostic printed in full; a megabyte cell quoted in a message is cut. */
export const MAX_PRINTED_TEXT = 1000;

/**
 * Text from the inputs (cells, file names, option values) made safe to print on one terminal line:
 * control characters (a newline that would forge a second diagnostic, ANSI escape sequences,
 * bells), DEL, C1 controls, bidirectional controls and every character that prints as nothing
 * (zero-width space, soft hyphen, BOM inside text, variation selectors, tags: `model/visible-text.ts`)
 * are shown as `\xNN` / `\u{NNNN}` escapes — `B\u{200b}TC` cannot pose as `BTC` — and text beyond
 * MAX_PRINTED_TEXT characters is cut with a count of what was left out.
 * @example printable('a\u001b[31mb') === 'a\\x1b[31mb'
 */
export function printable(text: string): string {
  const cut = text.length > MAX_PRINTED_TEXT ? `${text.slice(0, MAX_PRINTED_TEXT)}… (${text.length - MAX_PRINTED_TEXT} more characters)` : text;
  return escapeInvisible(cut);
}

const SEVERITY_RANK = { error: 0, warning: 1, note: 2 } as const;

/** Stable order for printing: by file, line, then severity and code. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => {
    const fa = a.source?.file ?? a.file ?? '';
    const fb = b.source?.file ?? b.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    if (a.source && b.source) {
      const c = compareSourceRefs(a.source, b.source);
      if (c !== 0) return c;
    } else if (a.source || b.source) {
      return a.source ? 1 : -1;
    }
    const s = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
    if (s !== 0) return s;
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}

/**
 * Format a list for a terminal: notes are left out unless asked for, and the output is capped so
 * a wrong-format file stays readable.
 */
export function formatDiagnostics(list: readonly Diagnostic[], opts: { max: number; includeNotes: boolean }): string {
  const shown = sortDiagnostics(list).filter((d) => opts.includeNotes || d.severity !== 'note');
  const lines = shown.slice(0, opts.max).map(formatDiagnosticWithOverride);
  if (shown.length > opts.max) lines.push(`… and ${shown.length - opts.max} more (all of them are in diagnostics.txt)`);
  return lines.join('\n');
}
