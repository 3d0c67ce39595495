/**
 * A table schedule (income, missing basis, open lots, derivatives, liabilities, audit appendix):
 * title, intro, the template's columns filled from the schedule's source, a totals row.
 */
import { drawTable, type TableRow } from '../draw-table.js';
import { fastText } from '../fast-text.js';
import { pdfSafe, wrap } from '../fit-text.js';
import { paragraph, startBlock, startPage } from '../page.js';
import type { PdfContext } from '../pdf-context.js';
import { fill, type ScheduleTemplate } from '../report-template.js';
import { SCHEDULE_SOURCES } from '../schedule-sources.js';
import { CONTENT_WIDTH, FONT, PAGE, SIZE } from '../theme.js';

/**
 * @throws Error when the template names a schedule no source fills (a template bug).
 */
export function renderSchedule(ctx: PdfContext, id: string, template: ScheduleTemplate): void {
  const source = SCHEDULE_SOURCES[id];
  if (!source) throw new Error(`report template: no data source for schedule "${id}"`);
  const data = source(ctx, template);
  if (!data) return;
  if (data.rows.length === 0 && template.empty === '') return;
  const vars = { year: ctx.data.taxYear, currency: ctx.data.options.currency, ...data.vars };
  const title = fill(template.title, vars);
  const texts = [data.intro ?? template.intro, data.note].filter((x): x is string => typeof x === 'string' && x !== '');
  const intro = texts.length > 0 ? texts.map((x) => fill(x, vars)).join(' ') : undefined;
  const opts = intro ? { intro } : {};
  const y = template.continueOnPage ? startBlock(ctx, title, 120, intro) : startPage(ctx, title, opts);
  if (data.rows.length === 0) {
    ctx.y = paragraph(ctx, fill(template.empty, vars), PAGE.left, y, CONTENT_WIDTH);
    drawNotes(ctx, title, data.notes ?? []);
    return;
  }
  const columns = (data.columns ?? template.columns).map((c) => ({ ...c, heading: fill(c.heading, vars) }));
  let totalRow: TableRow | undefined;
  if (data.total) {
    const first = columns.findIndex((c) => c.field in (data.total as object));
    totalRow = {
      cells: [data.totalLabel ?? template.total ?? '', ...columns.slice(1).map((c) => (data.total as Record<string, string>)[c.field] ?? '')],
      style: 'total',
      span: Math.max(1, first),
    };
  }
  drawTable<Readonly<Record<string, string>>>(ctx, {
    columns,
    items: data.rows,
    cells: (row) => columns.map((c) => row[c.field] ?? ''),
    footer: (_page, isLast) => (isLast && totalRow ? [totalRow] : []),
    footerRows: totalRow ? 1 : 0,
    firstY: y,
    width: CONTENT_WIDTH * (template.tableWidth ?? 1),
    continuePage: () => startPage(ctx, title, { continued: true }),
  });
  drawNotes(ctx, title, data.notes ?? []);
}

/** Paragraphs under a schedule's table, each moved to a continuation page when it would not fit. */
function drawNotes(ctx: PdfContext, title: string, notes: readonly string[]): void {
  const lineHeight = SIZE.body * 1.3;
  for (const note of notes) {
    const lines = wrap(pdfSafe(note), CONTENT_WIDTH, fastText(ctx.doc).measure(FONT.regular, SIZE.body), 40).length;
    let y = ctx.y + 6;
    if (y + lines * lineHeight > PAGE.bottom) y = startPage(ctx, title, { continued: true });
    ctx.y = paragraph(ctx, note, PAGE.left, y, CONTENT_WIDTH, { maxLines: 40 });
  }
}
