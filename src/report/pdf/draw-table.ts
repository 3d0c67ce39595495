/**
 * A paginated table: header row repeated on every page, rows that wrap (or cut) to fit their
 * column, zebra shading, and footer rows per page (page totals; the last page may add more, such
 * as box totals). Pagination is computed from measured row heights, so nothing ever runs into
 * the footer.
 */
import { truncate, wrap, wrapPath, pdfSafe, type Measure } from './fit-text.js';
import { fastText, type TextRun } from './fast-text.js';
import { placed } from './page.js';
import type { PdfContext } from './pdf-context.js';
import type { Align, Overflow } from './report-template.js';
import { COLOR, CONTENT_WIDTH, FONT, PAGE, SIZE } from './theme.js';

export interface TableColumn {
  readonly heading: string;
  /** Relative width (scaled to `width`, the content width by default). */
  readonly width: number;
  readonly align: Align;
  readonly overflow?: Overflow;
  /** Lines a wrapped cell may take (default 2). */
  readonly maxLines?: number;
}

export interface TableRow {
  readonly cells: readonly string[];
  readonly style?: 'normal' | 'total';
  /** The first cell spans this many columns (a totals label); the cells it covers are ignored. */
  readonly span?: number;
}

export interface TableSpec<T> {
  readonly columns: readonly TableColumn[];
  readonly items: readonly T[];
  readonly cells: (item: T) => readonly string[];
  /** Start a continuation page; returns the y where the table resumes. */
  readonly continuePage: () => number;
  /** y of the first page's table (already on the current page). */
  readonly firstY: number;
  /** Rows drawn under each page's rows; `isLast` on the final page. */
  readonly footer?: (pageItems: readonly T[], isLast: boolean) => readonly TableRow[];
  /** Footer rows to keep room for on every page (the most `footer` ever returns). */
  readonly footerRows?: number;
  /** Rows printed in bold (Schedule D's net lines). */
  readonly emphasize?: (item: T) => boolean;
  readonly x?: number;
  readonly width?: number;
}

const PAD_X = 4;
const PAD_Y = 3;
const LINE = SIZE.table * 1.25;
/** Smallest size a number is shrunk to before it would have to wrap. */
const MIN_NUMBER_SIZE = 5;

/** Text that `wrap` would return unchanged when it fits: single spaces between words, none around. */
const SIMPLE = /^[^\s]+(?: [^\s]+)*$/;

/** A number-like cell (amount, quantity, count): never broken across lines while it can shrink. */
const isNumber = (text: string): boolean => /^[(\-]?[\d,.]+\)?$/.test(text);

interface Laid {
  readonly lines: readonly (readonly string[])[];
  /** Font size of each cell when shrunk to fit (a long number), else undefined. */
  readonly sizes: readonly (number | undefined)[];
  /** Width of each cell laid out as one unchanged line at the row's size, else undefined. */
  readonly widths: readonly (number | undefined)[];
  /** The font `widths` were measured in. */
  readonly font: string;
  readonly height: number;
  readonly span: number;
}

/**
 * Draw the table; returns the y below its last row.
 * @example drawTable(ctx, { columns, items: lines, cells: (l) => [l.ref, ...], firstY: y, continuePage: () => startPage(ctx, title, { continued: true }) })
 */
export function drawTable<T>(ctx: PdfContext, spec: TableSpec<T>): number {
  const { doc } = ctx;
  const x0 = spec.x ?? PAGE.left;
  const total = spec.width ?? CONTENT_WIDTH;
  const sum = spec.columns.reduce((s, c) => s + c.width, 0);
  const widths = spec.columns.map((c) => (c.width / sum) * total);
  const xs = widths.map((_, i) => x0 + widths.slice(0, i).reduce((s, w) => s + w, 0));

  const text = fastText(doc);
  const measureWith = (font: string, size: number): Measure & { font: string } => Object.assign(text.measure(font, size), { font });
  const bodyMeasure = measureWith(FONT.regular, SIZE.table);
  const boldMeasure = measureWith(FONT.bold, SIZE.table);
  const cellWidth = (i: number, span: number): number =>
    i === 0 ? widths.slice(0, Math.max(1, span)).reduce((s, w) => s + w, 0) : (widths[i] as number);
  const layCells = (cells: readonly string[], measure: Measure & { font: string }, forceWrap?: number, span = 1, base: number = SIZE.table): Laid => {
    const sizes: (number | undefined)[] = [];
    const measured: (number | undefined)[] = [];
    const lines = cells.map((raw, i) => {
      const c = spec.columns[i] as TableColumn;
      if (i > 0 && i < span) return [];
      const safe = pdfSafe(raw);
      const inner = cellWidth(i, span) - 2 * PAD_X;
      const w = measure(safe);
      if (w > inner && isNumber(safe) && !(i === 0 && span > 1)) {
        // Shrink a long number (18-decimal quantity, billions) rather than break or cut it.
        const size = Math.max(MIN_NUMBER_SIZE, Math.floor(((base * inner) / w) * 10) / 10);
        if (size * (w / base) <= inner) {
          sizes[i] = size;
          return [safe];
        }
      }
      // What fits on one line and has no space to collapse is already laid out (the common case).
      if (w <= inner && SIMPLE.test(safe)) {
        measured[i] = w;
        return [safe];
      }
      if (forceWrap !== undefined) return wrap(safe, inner, measure, forceWrap);
      if (c.overflow === 'start') return (c.maxLines ?? 1) > 1 ? wrapPath(safe, inner, measure, c.maxLines ?? 1) : [truncate(safe, inner, measure, 'start')];
      if (c.overflow === 'end') return [truncate(safe, inner, measure, c.overflow)];
      return wrap(safe, inner, measure, c.maxLines ?? 2);
    });
    const n = Math.max(1, ...lines.map((l) => l.length));
    return { lines, sizes, widths: measured, font: measure.font, height: n * LINE + 2 * PAD_Y, span };
  };

  const header = layCells(spec.columns.map((c) => c.heading), measureWith(FONT.bold, SIZE.tableHeading), 4, 1, SIZE.tableHeading);
  const footerHeight = (spec.footerRows ?? 0) * (LINE + 2 * PAD_Y);

  const drawRow = (laid: Laid, y: number, kind: 'header' | 'body' | 'zebra' | 'total', bold = false): void => {
    const fillColor = kind === 'body' ? undefined : kind === 'header' ? COLOR.headerFill : kind === 'total' ? COLOR.totalFill : COLOR.zebra;
    const font = bold || kind === 'header' || kind === 'total' ? FONT.bold : FONT.regular;
    const size = kind === 'header' ? SIZE.tableHeading : SIZE.table;
    const runs: TextRun[] = [];
    laid.lines.forEach((cellLines, i) => {
      const c = spec.columns[i] as TableColumn;
      const w = cellWidth(i, laid.span) - 2 * PAD_X;
      const align = i === 0 && laid.span > 1 ? 'left' : c.align;
      cellLines.forEach((line, k) => {
        const cellSize = laid.sizes[i] ?? size;
        // A shrunk number keeps the row's baseline.
        const dy = (size - cellSize) * 0.75;
        const known = laid.font === font ? laid.widths[i] : undefined;
        const opts = { font, size: cellSize, width: w, align, color: COLOR.ink, ...(known !== undefined ? { measured: known } : {}) };
        runs.push(placed(ctx, line, (xs[i] as number) + PAD_X, y + PAD_Y + k * LINE + 0.5 + dy, opts));
      });
    });
    text.draw(runs, fillColor === undefined ? undefined : { x: x0, y, width: total, height: laid.height, color: fillColor });
    if (kind === 'header' || kind === 'total') {
      doc.moveTo(x0, y).lineTo(x0 + total, y).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
      doc.moveTo(x0, y + laid.height).lineTo(x0 + total, y + laid.height).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
    }
  };

  const drawFooter = (pageItems: readonly T[], isLast: boolean, y: number): number => {
    for (const row of spec.footer?.(pageItems, isLast) ?? []) {
      const laid = layCells(row.cells, boldMeasure, 1, row.span);
      drawRow(laid, y, row.style === 'normal' ? 'body' : 'total');
      y += laid.height;
    }
    return y;
  };

  let y = spec.firstY;
  drawRow(header, y, 'header');
  y += header.height;
  let pageItems: T[] = [];
  spec.items.forEach((item, index) => {
    const bold = spec.emphasize?.(item) ?? false;
    const laid = layCells(spec.cells(item), bold ? boldMeasure : bodyMeasure);
    if (y + laid.height + footerHeight > PAGE.bottom && pageItems.length > 0) {
      drawFooter(pageItems, false, y);
      pageItems = [];
      y = spec.continuePage();
      drawRow(header, y, 'header');
      y += header.height;
    }
    drawRow(laid, y, index % 2 === 1 ? 'zebra' : 'body', bold);
    y += laid.height;
    pageItems.push(item);
  });
  y = drawFooter(pageItems, true, y);
  ctx.y = y;
  return y;
}
