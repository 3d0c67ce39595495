/**
 * Where a fact came from: the input file (as the user named it), the physical line of the row
 * in that file (1-based, header and preamble lines counted, quoted newlines counted), and the
 * importer (format id) that read it. Every event, lot, disposal slice and diagnostic carries one.
 */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly format: string;
}

/** `file:line` — the clickable rendering used in diagnostics and CSV audit columns. */
export function formatSourceRef(ref: SourceRef): string {
  return `${ref.file}:${ref.line}`;
}

/** Total order on source references: file name, then line. Used as the final tie-breaker. */
export function compareSourceRefs(a: SourceRef, b: SourceRef): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}
