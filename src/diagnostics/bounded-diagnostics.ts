/**
 * A file's row diagnostics, bounded whatever the number of bad rows (issue #17).
 *
 * Diagnostics of one file with the same code and message shape (the message with its quoted
 * values and numbers blanked: `cannot read "…" as a number in column "…"`) are kept in full up to
 * KEEP_IN_FULL; the rest of them are counted, with the first and last line, and given as one
 * summary diagnostic of the same code and severity whose `count` says how many it stands for
 * (`countBySeverity` counts it that many times, so error and warning totals do not change). Past
 * MAX_SHAPES shapes in one file, further shapes share one summary per code. Messages are kept at
 * most MAX_PRINTED_TEXT characters long (they quote cells of up to 64 KiB). 6M bad rows thus
 * hold and print a few dozen diagnostics instead of 6M (a 72 MB file had crashed at 4 GB).
 * The engine bounds its diagnostics about valid rows (unmatched deposits, missing basis, ...) the
 * same way, per file (`byFile`).
 */
import type { SourceRef } from '../model/source-ref.js';
import type { Diagnostic } from './diagnostic.js';
import { MAX_PRINTED_TEXT } from './format-diagnostic.js';

/** Diagnostics of one shape kept in full, per file. */
export const KEEP_IN_FULL = 20;
/** Distinct shapes tracked per file before further shapes share one summary per code. */
export const MAX_SHAPES = 200;

interface Group {
  readonly sample: Diagnostic;
  kept: number;
  extra: number;
  first?: SourceRef;
  last?: SourceRef;
  /** The first message not kept in full, as an example. */
  example?: string;
}

/**
 * The shape of a message: quoted values and numbers blanked.
 * @example messageShape('cannot read "12x0" as a number in column "Amount"') === 'cannot read "…" as a number in column "…"'
 */
export function messageShape(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/\d+(?:[.,]\d+)*/g, '#');
}

/** A message cut to what is printed anyway, so a quoted megabyte cell is not held. */
function cut(message: string): string {
  if (message.length <= MAX_PRINTED_TEXT) return message;
  const keep = MAX_PRINTED_TEXT - 40;
  return `${message.slice(0, keep)}… (${message.length - keep} more characters)`;
}

export class BoundedDiagnostics {
  private readonly kept: Diagnostic[] = [];
  private readonly groups = new Map<string, Group>();

  /**
   * @param opts.byFile group by file as well (the engine's diagnostics, one collector for every
   *   file: each file's are bounded as an importer bounds its own)
   */
  constructor(private readonly opts: { readonly byFile?: boolean } = {}) {}

  push(...list: Diagnostic[]): void {
    for (const d of list) this.add(d);
  }

  /** The diagnostics kept in full, in the order they came, then one summary per shape over the limit. */
  finish(): Diagnostic[] {
    const out = [...this.kept];
    for (const g of this.groups.values()) if (g.extra > 0) out.push(summary(g));
    return out;
  }

  private add(d: Diagnostic): void {
    const shape = messageShape(d.message);
    const file = this.opts.byFile ? `${d.file ?? ''}\u0000` : '';
    let key = `${file}${d.code}\u0000${shape}`;
    let group = this.groups.get(key);
    if (!group && this.groups.size >= MAX_SHAPES) {
      key = `${file}${d.code}\u0000*`;
      group = this.groups.get(key);
    }
    if (!group) {
      group = { sample: d, kept: 0, extra: 0 };
      this.groups.set(key, group);
    }
    if (group.kept < KEEP_IN_FULL && !key.endsWith('\u0000*')) {
      group.kept++;
      this.kept.push(d.message.length > MAX_PRINTED_TEXT ? { ...d, message: cut(d.message) } : d);
      return;
    }
    group.extra += d.count ?? 1;
    group.example ??= cut(d.message);
    if (d.source) {
      group.first ??= d.source;
      group.last = d.source;
    }
  }
}

function summary(g: Group): Diagnostic {
  const d = g.sample;
  const lines = g.first && g.last ? (g.first.line === g.last.line ? ` (line ${g.first.line})` : ` (lines ${g.first.line} to ${g.last.line})`) : '';
  const like = g.kept > 0 ? `like the ${g.kept} above` : `of this code`;
  return {
    severity: d.severity,
    code: d.code,
    message: `and ${g.extra} more ${like}${lines}, not listed one by one; the first of them: ${g.example ?? ''}`,
    ...(g.first ? { source: g.first, file: g.first.file } : d.file !== undefined ? { file: d.file } : {}),
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
    count: g.extra,
  };
}
