/** Charts page: realized gain or loss by month of disposal and by asset. */
import { drawBarChart, drawColumnChart } from '../bar-chart.js';
import { gainsByAsset, gainsByMonth } from '../chart-data.js';
import { paragraph, put, startPage } from '../page.js';
import type { PdfContext } from '../pdf-context.js';
import { fill } from '../report-template.js';
import { COLOR, CONTENT_WIDTH, FONT, PAGE, SIZE } from '../theme.js';

const TOP_ASSETS = 10;

export function renderCharts(ctx: PdfContext): void {
  const c = ctx.t.charts;
  let y = startPage(ctx, c.title, { intro: c.intro });
  if (ctx.lines.length === 0) {
    paragraph(ctx, fill(c.empty, { year: ctx.data.taxYear }), PAGE.left, y, CONTENT_WIDTH);
    return;
  }
  put(ctx, c.byMonth, PAGE.left, y, { font: FONT.bold, size: SIZE.heading, color: COLOR.accent });
  const monthH = 190;
  drawColumnChart(ctx, { x: PAGE.left, y: y + 10, width: CONTENT_WIDTH, height: monthH }, gainsByMonth(ctx.lines, c.months));
  y += monthH + 24;
  put(ctx, fill(c.byAsset, { count: TOP_ASSETS }), PAGE.left, y, { font: FONT.bold, size: SIZE.heading, color: COLOR.accent });
  const bars = gainsByAsset(ctx.lines, TOP_ASSETS, (count) => fill(c.others, { count }));
  const assetH = Math.min(PAGE.bottom - y - 20, 24 + bars.length * 20);
  drawBarChart(ctx, { x: PAGE.left, y: y + 16, width: CONTENT_WIDTH, height: assetH }, bars);
}
