/** One row's cells → its typed values, or the problems of its cells (each a diagnostic). */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../model/source-ref.js';
import { CellFailure, readerOf, type CellContext, type CellReader, type Column } from './columns.js';
import type { ColumnBinding } from './detect.js';
import type { Importer } from './importer-spec.js';

export interface ParsedRow {
  readonly ref: SourceRef;
  readonly values: Record<string, unknown>;
}

export interface CellParser {
  readonly key: string;
  readonly index: number;
  readonly header: string;
  readonly column: Column<unknown>;
  /** The column's reader, when it has one (`readerOf`): `parse` without a result object per cell. */
  readonly read?: CellReader<unknown> | undefined;
  /** The context last handed to `column` (rebuilt only when the file's context changes). */
  context?: CellContext;
}

/** Each declared column with where it sits under the header (absent optional columns: index -1). */
export function compileColumns(importer: Importer, bindings: ReadonlyMap<string, ColumnBinding>): CellParser[] {
  return Object.entries(importer.columns).map(([key, column]) => {
    const binding = bindings.get(key);
    const c = column as Column<unknown>;
    return { key, index: binding ? binding.index : -1, header: binding ? binding.header : '', column: c, read: readerOf(c) };
  });
}

/** Per list of parsers, an object holding their keys, in their order, each undefined. */
const templates = new WeakMap<readonly CellParser[], Record<string, unknown>>();

export function parseRow(
  parsers: readonly CellParser[],
  cells: readonly string[],
  fileCtx: CellContext,
  ref: SourceRef,
): ParsedRow | { problems: Diagnostic[] } {
  // a copy of an object with every key already there: one allocation of its final size, where
  // adding a dozen keys to `{}` grows its property store four times (~30% of a row's garbage)
  let template = templates.get(parsers);
  if (template === undefined) {
    template = {};
    for (const p of parsers) template[p.key] = undefined;
    templates.set(parsers, template);
  }
  const values: Record<string, unknown> = { ...template };
  let problems: Diagnostic[] | undefined;
  for (const p of parsers) {
    if (p.index < 0) continue; // an absent optional column: undefined, as in the template
    let ctx = p.context;
    if (ctx === undefined || ctx.numberStyle !== fileCtx.numberStyle || ctx.zone !== fileCtx.zone || ctx.dates !== fileCtx.dates) {
      // one object per column while the file's context stays the same, not one per cell
      ctx = { header: p.header, numberStyle: fileCtx.numberStyle, zone: fileCtx.zone, ...(fileCtx.dates ? { dates: fileCtx.dates } : {}) };
      p.context = ctx;
    }
    if (p.read) {
      const value = p.read(cells[p.index], ctx);
      if (!(value instanceof CellFailure)) values[p.key] = value;
      else (problems ??= []).push(diagnostic(value.problem.code, value.problem.message, ref, value.problem.hint));
      continue;
    }
    const result = p.column.parse(cells[p.index], ctx);
    if (result.ok) values[p.key] = result.value;
    else (problems ??= []).push(diagnostic(result.problem.code, result.problem.message, ref, result.problem.hint));
  }
  return problems ? { problems } : { ref, values };
}

