/**
 * "Files for tax software": each file of the report folder, what it is for, and what the user must
 * do with it — TurboTax's 4,000-row limit and the numbered files it led to, TaxAct's 2,000-form
 * limit, the TXF refnums and the re-categorisation the missing G–L refnums require.
 */
import { form8949Box } from '../../../jurisdictions/us/form8949-box.js';
import { TURBOTAX_GAINS_FILE } from '../../exports/turbotax-gains-csv.js';
import { OUTPUT_FILES } from '../../output-files.js';
import { drawTable } from '../draw-table.js';
import { groupThousands } from '../format-amount.js';
import { startPage } from '../page.js';
import type { PdfContext } from '../pdf-context.js';
import { fill } from '../report-template.js';

const count = (n: number): string => groupThousands(String(n));

interface Row {
  readonly file: string;
  readonly what: string;
  readonly notes: string;
}

export function renderExports(ctx: PdfContext): void {
  const e = ctx.t.exports;
  const x = ctx.exports;
  const year = ctx.data.taxYear;
  const shortBox = form8949Box(year, 'short');
  const longBox = form8949Box(year, 'long');
  const lineCount = ctx.lines.length;
  const vars = {
    shortBox,
    longBox,
    shortRefnum: x.txfRefnums[shortBox] ?? '',
    longRefnum: x.txfRefnums[longBox] ?? '',
  };
  const rows: Row[] = [];
  let adjusted = 0;
  for (const l of ctx.lines) if (l.code !== '') adjusted++;
  const present = new Set(x.files.map((f) => (x.turbotaxGainsFiles.includes(f) ? TURBOTAX_GAINS_FILE : f)));
  // the registry's files for tax software, in its order; the template gives each one's text
  for (const { name: key } of OUTPUT_FILES.filter((f) => f.onPdfExportsPage)) {
    const spec = e.files[key];
    if (!present.has(key) || spec === undefined) continue;
    const isGains = key === TURBOTAX_GAINS_FILE;
    const file = isGains ? (x.turbotaxGainsFiles[0] as string) : key;
    const notes: string[] = [];
    if (spec.notes) notes.push(fill(spec.notes, vars));
    let shown = file;
    if (isGains && x.turbotaxGainsFiles.length > 1) {
      const first = x.turbotaxGainsFiles[0] as string;
      const last = x.turbotaxGainsFiles[x.turbotaxGainsFiles.length - 1] as string;
      shown = `${first} … ${last}`;
      notes.push(fill(e.turbotaxSplit, { lines: count(lineCount), max: count(x.turbotaxMaxRows), parts: x.turbotaxGainsFiles.length, first, last }));
    }
    if (key === 'taxact-capital-gains.csv' && lineCount > x.taxactMaxRows) notes.push(fill(e.taxactLimit, { lines: count(lineCount), max: count(x.taxactMaxRows) }));
    if ((isGains || key === 'capital-gains.txf') && adjusted > 0) notes.push(fill(e.adjustedLines, { count: count(adjusted) }));
    if (key === 'capital-gains.txf') {
      if (year >= 2025) notes.push(fill(e.txfRecategorise, vars));
      if (x.txfIncomplete > 0) notes.push(fill(e.txfMissing, { count: count(x.txfIncomplete) }));
    }
    rows.push({ file: shown, what: spec.what, notes: notes.join(' ') });
  }
  const y = startPage(ctx, e.title, { intro: e.intro });
  drawTable<Row>(ctx, {
    columns: [
      { heading: e.columns.file, width: 22, align: 'left', maxLines: 3 },
      { heading: e.columns.what, width: 34, align: 'left', maxLines: 4 },
      { heading: e.columns.notes, width: 44, align: 'left', maxLines: 8 },
    ],
    items: rows,
    cells: (r) => [r.file, r.what, r.notes],
    firstY: y,
    continuePage: () => startPage(ctx, e.title, { continued: true }),
  });
}
