/**
 * The text of the input rows that diagnostics name, for report.html ("the row it concerns"):
 * read again from the sources, only the lines wanted, each cut at MAX_ROW_TEXT characters, and
 * at most MAX_ROWS of them (a file with a million bad rows shows the first ones). Pure: the
 * sources are the texts (or chunk streams) the CLI already read.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { chunksOf, normalizedChunks, type TextSource } from '../importers/text-source.js';

export const MAX_ROWS = 2000;
export const MAX_ROW_TEXT = 2000;

/** `file:line` → the physical line's text. */
export function rowTexts(inputs: readonly { file: string; text: TextSource; unreadable?: boolean }[], diagnostics: readonly Diagnostic[]): Map<string, string> {
  const wanted = new Map<string, Set<number>>();
  let count = 0;
  for (const d of diagnostics) {
    const s = d.source;
    if (!s || s.format === 'overrides' || count >= MAX_ROWS) continue;
    const lines = wanted.get(s.file) ?? new Set<number>();
    if (!lines.has(s.line)) count++;
    lines.add(s.line);
    wanted.set(s.file, lines);
  }
  const out = new Map<string, string>();
  for (const input of inputs) {
    const lines = wanted.get(input.file);
    if (!lines || input.unreadable) continue;
    const last = Math.max(...lines);
    let line = 1;
    let current = '';
    const take = (): void => {
      if (lines.has(line)) out.set(`${input.file}:${line}`, current.length > MAX_ROW_TEXT ? `${current.slice(0, MAX_ROW_TEXT)}…` : current);
    };
    outer: for (const chunk of normalizedChunks(chunksOf(input.text))) {
      let from = 0;
      for (let nl = chunk.indexOf('\n'); ; nl = chunk.indexOf('\n', from)) {
        const piece = nl < 0 ? chunk.slice(from) : chunk.slice(from, nl);
        if (lines.has(line) && current.length < MAX_ROW_TEXT) current += piece.slice(0, MAX_ROW_TEXT);
        if (nl < 0) break;
        take();
        line++;
        current = '';
        from = nl + 1;
        if (line > last) break outer;
      }
    }
    if (line <= last) take();
  }
  return out;
}
