/**
 * Cover page: who and which year, how the numbers were computed (method and where that choice came
 * from, lot scope, time zone, filing status), the key figures, the inputs, how values were priced
 * and the data-quality status — what an accountant reads before anything else.
 */
import { formatMethodSchedule } from '../../../engine/method-schedule.js';
import { countBySeverity, countOfCode } from '../../../diagnostics/diagnostic.js';
import { reportDay } from '../../report-date.js';
import { drawTable } from '../draw-table.js';
import { formatAmount } from '../format-amount.js';
import { pdfSafe, truncate } from '../fit-text.js';
import { paragraph, put, rule } from '../page.js';
import type { PdfContext } from '../pdf-context.js';
import { fill } from '../report-template.js';
import { COLOR, CONTENT_WIDTH, FONT, PAGE, SIZE } from '../theme.js';

const LEFT_W = 340;
const RIGHT_X = PAGE.left + LEFT_W + 32;
const RIGHT_W = PAGE.right - RIGHT_X;

function heading(ctx: PdfContext, text: string, x: number, y: number, width: number): number {
  put(ctx, text, x, y, { font: FONT.bold, size: SIZE.heading, color: COLOR.accent });
  ctx.doc.moveTo(x, y + SIZE.heading + 3).lineTo(x + width, y + SIZE.heading + 3).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
  return y + SIZE.heading + 8;
}

/** Label/value rows; values wrap (left) or align right (amounts). Returns the y below. */
function pairs(
  ctx: PdfContext,
  rows: readonly (readonly [string, string, string?])[],
  x: number,
  y: number,
  width: number,
  opts: { labelWidth: number; alignValue: 'left' | 'right' },
): number {
  for (const [label, value, color] of rows) {
    put(ctx, label, x, y, { color: COLOR.muted });
    const vx = x + opts.labelWidth;
    const vw = width - opts.labelWidth;
    if (opts.alignValue === 'right') {
      put(ctx, value, vx, y, { font: FONT.bold, width: vw, align: 'right', color: color ?? COLOR.ink });
      y += SIZE.body * 1.6;
    } else {
      y = paragraph(ctx, value, vx, y, vw, { color: color ?? COLOR.ink, maxLines: 3 }) + SIZE.body * 0.3;
    }
  }
  return y;
}

/** Which rule gave USD stablecoins of unknown origin their basis (`--stablecoin-basis`), and to how many lots. */
function stablecoinRule(ctx: PdfContext): string {
  const rules = ctx.t.cover.stablecoinBasis ?? {};
  if (ctx.data.options.stablecoinBasis !== 'par') return rules['unknown'] ?? 'unknown';
  const lots = countOfCode(ctx.data.gains.diagnostics, 'STABLECOIN_PAR_BASIS');
  return fill(rules['par'] ?? 'par', { count: lots });
}

export function renderCover(ctx: PdfContext): void {
  const { doc, data, t, figures: f } = ctx;
  const c = t.cover;
  const o = data.options;
  doc.addPage();
  put(ctx, c.title, PAGE.left, PAGE.top + 6, { font: FONT.bold, size: SIZE.cover, color: COLOR.accent });
  put(ctx, fill(c.subtitle, { year: data.taxYear }), PAGE.left, PAGE.top + 40, { size: 13, color: COLOR.muted });
  doc.font(FONT.bold).fontSize(SIZE.cover);
  const room = CONTENT_WIDTH - doc.widthOfString(c.title) - 24;
  doc.fontSize(13);
  const name = truncate(pdfSafe(ctx.taxpayer), room, (x) => doc.widthOfString(x));
  if (ctx.taxpayer !== t.common.notGiven) put(ctx, name, PAGE.left, PAGE.top + 6, { font: FONT.bold, size: 13, width: CONTENT_WIDTH, align: 'right' });
  rule(ctx, PAGE.top + 62, COLOR.accent, 1.2);

  // Status banner.
  const counts = countBySeverity(data.diagnostics);
  const [statusText, statusColor] = counts.errors > 0
    ? [fill(c.status.errors, { errors: counts.errors }), COLOR.error]
    : counts.warnings > 0
      ? [fill(c.status.warnings, { warnings: counts.warnings }), COLOR.warn]
      : [c.status.complete, COLOR.ok];
  const by = PAGE.top + 72;
  doc.rect(PAGE.left, by, CONTENT_WIDTH, 24).fill('#f4f6f9');
  doc.rect(PAGE.left, by, 5, 24).fill(statusColor);
  put(ctx, `${c.statusTitle}:`, PAGE.left + 14, by + 8, { font: FONT.bold, color: COLOR.muted });
  put(ctx, statusText, PAGE.left + 60, by + 8, { font: FONT.bold, color: statusColor });

  // Left column: the report's parameters, then the inputs.
  let ly = heading(ctx, c.reportTitle, PAGE.left, by + 40, LEFT_W);
  const lotScope = fill(t.lotScopes[o.lotScope] ?? o.lotScope, { perWalletFrom: o.perWalletFrom });
  ly = pairs(ctx, [
    [c.fields.taxpayer ?? '', ctx.taxpayer],
    [c.fields.taxYear ?? '', String(data.taxYear)],
    [c.fields.jurisdiction ?? '', 'US'],
    [c.fields.currency ?? '', o.currency],
    [c.fields.method ?? '', fill(c.methodValue, { method: o.methodSchedule ? formatMethodSchedule(o.methodSchedule) : o.method, origin: o.methodOrigin })],
    [c.fields.lotScope ?? '', lotScope],
    [c.fields.timezone ?? '', o.timezone],
    [c.fields.filingStatus ?? '', t.filingStatuses[o.filingStatus] ?? o.filingStatus],
    [c.fields.stablecoinBasis ?? '', stablecoinRule(ctx)],
    [c.fields.documentDate ?? '', fill(c.documentDateValue, { date: reportDay(data.taxYear) })],
  ], PAGE.left, ly, LEFT_W, { labelWidth: 110, alignValue: 'left' });
  ly = heading(ctx, c.inputsTitle, PAGE.left, ly + 8, LEFT_W);
  const i = data.inputs;
  pairs(ctx, [
    [c.inputs.files ?? '', String(i.files)],
    [c.inputs.rows ?? '', String(i.rows)],
    [c.inputs.imported ?? '', String(i.imported)],
    [c.inputs.skipped ?? '', String(i.skipped)],
    [c.inputs.rejected ?? '', String(i.rejected), i.rejected > 0 ? COLOR.error : undefined],
  ], PAGE.left, ly, LEFT_W, { labelWidth: 250, alignValue: 'right' });

  // Right column: key figures, data quality, pricing sources.
  let ry = heading(ctx, c.keyFiguresTitle, RIGHT_X, by + 40, RIGHT_W);
  const loss = f.capitalLoss;
  const signed = (v: typeof loss.net): [string, string?] => [formatAmount(v), v.isNegative() ? COLOR.loss : undefined];
  ry = pairs(ctx, [
    [c.keyFigures.shortTerm ?? '', ...signed(loss.netShortTerm)],
    [c.keyFigures.longTerm ?? '', ...signed(loss.netLongTerm)],
    [c.keyFigures.net ?? '', ...signed(loss.net)],
    [c.keyFigures.deductible ?? '', formatAmount(loss.deductible.negated())],
    [c.keyFigures.income ?? '', formatAmount(f.incomeTotal)],
  ], RIGHT_X, ry, RIGHT_W, { labelWidth: 250, alignValue: 'right' });
  ry = heading(ctx, c.qualityTitle, RIGHT_X, ry + 8, RIGHT_W);
  const flag = (n: number, color: string): string | undefined => (n > 0 ? color : undefined);
  ry = pairs(ctx, [
    [c.quality.errors ?? '', String(counts.errors), flag(counts.errors, COLOR.error)],
    [c.quality.warnings ?? '', String(counts.warnings), flag(counts.warnings, COLOR.warn)],
    [c.quality.missingBasisDisposals ?? '', String(data.totals.missingBasisDisposals), flag(data.totals.missingBasisDisposals, COLOR.warn)],
    [c.quality.missingBasisProceeds ?? '', formatAmount(f.missingBasisProceeds), flag(f.missingBasisLines, COLOR.warn)],
    [c.quality.missingPrices ?? '', String(data.missingPrices.length), flag(data.missingPrices.length, COLOR.error)],
    ...form1099daQuality(ctx, flag),
  ], RIGHT_X, ry, RIGHT_W, { labelWidth: 250, alignValue: 'right' });
  ry = heading(ctx, c.pricingTitle, RIGHT_X, ry + 8, RIGHT_W);
  const known = Object.keys(t.priceSources);
  const sources = [...f.priceSources.keys()].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib) || (a < b ? -1 : a > b ? 1 : 0);
  });
  drawTable(ctx, {
    columns: [
      { heading: c.pricingColumns.source, width: 50, align: 'left' },
      { heading: c.pricingColumns.proceeds, width: 25, align: 'right' },
      { heading: c.pricingColumns.income, width: 25, align: 'right' },
    ],
    items: sources,
    cells: (s) => {
      const n = f.priceSources.get(s) ?? { proceeds: 0, income: 0 };
      return [t.priceSources[s] ?? s, String(n.proceeds), String(n.income)];
    },
    firstY: ry,
    x: RIGHT_X,
    width: RIGHT_W,
    continuePage: () => ry,
  });

  paragraph(ctx, c.disclaimer, PAGE.left, PAGE.bottom - 22, CONTENT_WIDTH, { font: FONT.oblique, size: SIZE.small + 1, color: COLOR.muted });
}

/** With a Form 1099-DA: its rows not in the records, and the disposals no row covers. */
function form1099daQuality(ctx: PdfContext, flag: (n: number, color: string) => string | undefined): [string, string, string | undefined][] {
  const r = ctx.data.form1099da;
  if (!r.given) return [];
  const q = ctx.t.cover.quality;
  const missing = r.match.notInRecords.length;
  const unreported = r.match.notReported.length;
  return [
    [q['daNotInRecords'] ?? '', String(missing), flag(missing, COLOR.error)],
    [q['daNotReported'] ?? '', String(unreported), flag(unreported, COLOR.warn)],
  ];
}
