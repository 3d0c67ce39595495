/**
 * Page furniture: a section's title block on a new page, free text, and — once every page exists
 * (pdfkit `bufferPages`) — the footer with page numbers and the rounding note on every page.
 */
import { fastText, type TextRun } from './fast-text.js';
import { fill } from './report-template.js';
import { pdfSafe, truncate, wrap } from './fit-text.js';
import type { PdfContext } from './pdf-context.js';
import { COLOR, CONTENT_WIDTH, FONT, PAGE, SIZE } from './theme.js';

/** Draw text at (x, y) without pdfkit's own wrapping or page breaking. */
export function put(
  ctx: PdfContext,
  text: string,
  x: number,
  y: number,
  opts: { font?: string; size?: number; color?: string; width?: number; align?: 'left' | 'right' | 'center' } = {},
): void {
  fastText(ctx.doc).draw([placed(ctx, text, x, y, opts)]);
}

/** The run `put` draws: the text made PDF-safe and placed by its alignment. */
export function placed(
  ctx: PdfContext,
  text: string,
  x: number,
  y: number,
  opts: { font?: string; size?: number; color?: string; width?: number; align?: 'left' | 'right' | 'center'; measured?: number } = {},
): TextRun {
  const safe = pdfSafe(text);
  const font = opts.font ?? FONT.regular;
  const size = opts.size ?? SIZE.body;
  let left = x;
  if (opts.width !== undefined && opts.align && opts.align !== 'left') {
    const w = opts.measured ?? fastText(ctx.doc).width(safe, font, size);
    left = opts.align === 'right' ? x + opts.width - w : x + (opts.width - w) / 2;
  }
  return { text: safe, x: left, y, font, size, color: opts.color ?? COLOR.ink };
}

/** Wrapped paragraph; returns the y below it. */
export function paragraph(
  ctx: PdfContext,
  text: string,
  x: number,
  y: number,
  width: number,
  opts: { font?: string; size?: number; color?: string; maxLines?: number } = {},
): number {
  const size = opts.size ?? SIZE.body;
  const lines = wrap(pdfSafe(text), width, fastText(ctx.doc).measure(opts.font ?? FONT.regular, size), opts.maxLines ?? 20);
  const lh = size * 1.3;
  lines.forEach((line, i) => put(ctx, line, x, y + i * lh, { ...opts, size }));
  return y + lines.length * lh;
}

/** A horizontal rule across the content width. */
export function rule(ctx: PdfContext, y: number, color: string = COLOR.rule, width = 0.6): void {
  ctx.doc.moveTo(PAGE.left, y).lineTo(PAGE.right, y).lineWidth(width).strokeColor(color).stroke();
}

/**
 * A new page with a section title (and "(continued)" on follow-on pages) and an optional intro.
 * @returns the y where the section's content starts
 */
export function startPage(ctx: PdfContext, title: string, opts: { continued?: boolean; intro?: string; subtitle?: string } = {}): number {
  ctx.doc.addPage();
  const heading = opts.continued ? `${title} ${ctx.t.common.continued}` : title;
  put(ctx, heading, PAGE.left, PAGE.top, { font: FONT.bold, size: SIZE.title, color: COLOR.accent });
  let y = PAGE.top + SIZE.title + 6;
  if (opts.subtitle) {
    put(ctx, opts.subtitle, PAGE.left, y, { size: SIZE.body, color: COLOR.muted });
    y += SIZE.body + 4;
  }
  rule(ctx, y, COLOR.accent, 1);
  y += 8;
  if (opts.intro && !opts.continued) y = paragraph(ctx, opts.intro, PAGE.left, y, CONTENT_WIDTH, { color: COLOR.muted }) + 6;
  ctx.y = y;
  return y;
}

/**
 * A section heading on the current page when at least `need` points remain, else on a new page.
 * @returns the y below the heading
 */
export function startBlock(ctx: PdfContext, title: string, need: number, intro?: string): number {
  if (ctx.doc.bufferedPageRange().count === 0 || ctx.y + need > PAGE.bottom) {
    return startPage(ctx, title, intro ? { intro } : {});
  }
  let y = ctx.y + 14;
  put(ctx, title, PAGE.left, y, { font: FONT.bold, size: SIZE.heading + 2, color: COLOR.accent });
  y += SIZE.heading + 8;
  if (intro) y = paragraph(ctx, intro, PAGE.left, y, CONTENT_WIDTH, { color: COLOR.muted }) + 6;
  ctx.y = y;
  return y;
}

/** Footer on every page: who and which year, the rounding policy, page X of Y. */
export function drawFooters(ctx: PdfContext): void {
  const { doc, t } = ctx;
  const range = doc.bufferedPageRange();
  const text = fastText(doc);
  const left = fill(t.footer.left, { taxpayer: ctx.taxpayer, year: ctx.data.taxYear });
  // The same on every page: laid out once.
  const noteSize = SIZE.small;
  const note = wrap(pdfSafe(t.footer.rounding), CONTENT_WIDTH, text.measure(FONT.regular, noteSize), 2);
  const lh = noteSize * 1.3;
  const muted = { size: SIZE.small + 0.5, color: COLOR.muted };
  const who = truncate(pdfSafe(left), CONTENT_WIDTH - 90, text.measure(FONT.regular, muted.size));
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const top = PAGE.bottom + 10;
    rule(ctx, top);
    const runs = note.map((line, k) => placed(ctx, line, PAGE.left, top + 4 + k * lh, { size: noteSize, color: COLOR.muted }));
    const noteBottom = top + 4 + note.length * lh;
    runs.push(placed(ctx, who, PAGE.left, noteBottom + 2, muted));
    runs.push(placed(ctx, fill(t.footer.page, { page: i + 1, pages: range.count }), PAGE.left, noteBottom + 2, { ...muted, width: CONTENT_WIDTH, align: 'right' }));
    text.draw(runs);
  }
}
