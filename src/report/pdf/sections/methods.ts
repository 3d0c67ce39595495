/**
 * The method comparison page (`report --compare-methods`): FIFO, LIFO and HIFO side by side, with
 * the standing-order note. Appended after the template's sections when a comparison was made.
 */
import { STANDING_ORDER_NOTE, type MethodComparison } from '../../../pipeline/compare-methods.js';
import { drawTable, type TableColumn } from '../draw-table.js';
import { formatAmount } from '../format-amount.js';
import { paragraph, startPage } from '../page.js';
import type { PdfContext } from '../pdf-context.js';
import { COLOR, CONTENT_WIDTH, PAGE } from '../theme.js';

const col = (heading: string, width: number, align: 'left' | 'right' = 'right'): TableColumn => ({ heading, width, align });

export function renderMethods(ctx: PdfContext, comparison: MethodComparison): void {
  const title = 'Lot methods compared';
  const y = startPage(ctx, title, {
    intro: `Tax year ${ctx.data.taxYear} computed under each lot method, everything else unchanged (each row is what "taxlot report --method X" gives alone; exact totals rounded once).`,
  });
  const end = drawTable(ctx, {
    columns: [col('Method', 1, 'left'), col('Short-term', 1.3), col('Long-term', 1.3), col('Net', 1.3), col('Deductible', 1.3), col('Carryforward ST', 1.3), col('Carryforward LT', 1.3)],
    items: comparison,
    cells: (m) => [m.method, formatAmount(m.shortTerm), formatAmount(m.longTerm), formatAmount(m.net), formatAmount(m.deductible),
      formatAmount(m.carryforwardShortTerm), formatAmount(m.carryforwardLongTerm)],
    emphasize: (m) => m.method === (ctx.data.options.methodSchedule ? undefined : ctx.data.options.method),
    firstY: y,
    continuePage: () => startPage(ctx, title, { continued: true }),
  });
  ctx.y = paragraph(ctx, STANDING_ORDER_NOTE, PAGE.left, end + 10, CONTENT_WIDTH, { color: COLOR.ink });
}
