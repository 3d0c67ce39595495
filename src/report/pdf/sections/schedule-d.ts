/**
 * Schedule D summary: the Form 8949 box totals on their Schedule D lines (1b/2/3, 8b/9/10), the
 * carryovers (6, 14), the nets (7, 15, 16) and line 21, then the capital loss limitation with
 * the carryforward by character. Line wording and order come from the template; every amount is
 * summed from the printed Form 8949 lines.
 */
import { ZERO, type Dec } from '../../../model/decimal.js';
import type { LineTotals } from '../../form8949-lines.js';
import { drawTable, type TableRow } from '../draw-table.js';
import { formatAmount } from '../format-amount.js';
import { paragraph, put, startPage } from '../page.js';
import type { PdfContext } from '../pdf-context.js';
import { fill, type ScheduleDLineTemplate } from '../report-template.js';
import { COLOR, CONTENT_WIDTH, FONT, PAGE, SIZE } from '../theme.js';

const EMPTY: LineTotals = { proceeds: ZERO, costBasis: ZERO, adjustment: ZERO, gain: ZERO, count: 0 };

/** Boxes of the form revision used for `year`. */
export function boxesOfYear(ctx: PdfContext, year: number): readonly string[] {
  return ctx.form.boxesByYear.find((b) => b.from <= year)?.boxes ?? [];
}

interface Row {
  readonly spec: ScheduleDLineTemplate;
  readonly text: string;
  readonly totals?: LineTotals;
  readonly gainOnly?: Dec;
}

export function renderScheduleD(ctx: PdfContext): void {
  const { t, figures: f, data } = ctx;
  const s = t.scheduleD;
  const valid = boxesOfYear(ctx, data.taxYear);
  const loss = f.capitalLoss;
  const values: Record<NonNullable<ScheduleDLineTemplate['value']>, Dec> = {
    carryoverShort: f.carryoverShort.negated(),
    carryoverLong: f.carryoverLong.negated(),
    netShortTerm: loss.netShortTerm,
    netLongTerm: loss.netLongTerm,
    net: loss.net,
    limitedLoss: loss.deductible.negated(),
  };
  const rows: Row[] = s.lines.map((spec) => {
    if (spec.boxes) {
      const boxes = spec.boxes.filter((b) => valid.includes(b));
      const totals = boxes.reduce<LineTotals>((acc, b) => {
        const x = f.byBox.get(b) ?? EMPTY;
        return {
          proceeds: acc.proceeds.plus(x.proceeds),
          costBasis: acc.costBasis.plus(x.costBasis),
          adjustment: acc.adjustment.plus(x.adjustment),
          gain: acc.gain.plus(x.gain),
          count: acc.count + x.count,
        };
      }, EMPTY);
      return { spec, text: fill(spec.text, { boxes: boxes.map((b) => `Box ${b}`).join(s.boxJoiner) }), totals };
    }
    const text = fill(spec.text, { limit: formatAmount(loss.limit) });
    return { spec, text, gainOnly: spec.value ? values[spec.value] : ZERO };
  });
  let y = startPage(ctx, s.title, { intro: s.intro, subtitle: fill(t.subject, { year: data.taxYear }) });
  y = drawTable<Row>(ctx, {
    columns: [
      { heading: s.columns.line, width: 6, align: 'left' },
      { heading: s.columns.text, width: 46, align: 'left' },
      { heading: s.columns.proceeds, width: 12, align: 'right' },
      { heading: s.columns.costBasis, width: 12, align: 'right' },
      { heading: s.columns.adjustment, width: 11, align: 'right' },
      { heading: s.columns.gain, width: 13, align: 'right' },
    ],
    items: rows,
    cells: (r) =>
      r.totals
        ? [r.spec.line, r.text, formatAmount(r.totals.proceeds), formatAmount(r.totals.costBasis), formatAmount(r.totals.adjustment), formatAmount(r.totals.gain)]
        : [r.spec.line, r.text, '', '', '', formatAmount(r.gainOnly ?? ZERO)],
    emphasize: (r) => r.spec.emphasis === true,
    firstY: y,
    continuePage: () => startPage(ctx, s.title, { continued: true }),
  });

  // The loss limitation, as label/amount pairs.
  y += 22;
  if (y + 150 > PAGE.bottom) y = startPage(ctx, s.title, { continued: true });
  put(ctx, s.lossTitle, PAGE.left, y, { font: FONT.bold, size: SIZE.heading + 1, color: COLOR.accent });
  y += SIZE.heading + 8;
  const items: TableRow[] = [
    { cells: [s.loss.carryoverShort ?? '', formatAmount(f.carryoverShort)] },
    { cells: [s.loss.carryoverLong ?? '', formatAmount(f.carryoverLong)] },
    { cells: [s.loss.net ?? '', formatAmount(loss.net)] },
    { cells: [fill(s.loss.limit ?? '', { filingStatus: t.filingStatuses[data.options.filingStatus] ?? data.options.filingStatus }), formatAmount(loss.limit)] },
    { cells: [s.loss.deductible ?? '', formatAmount(loss.deductible)], style: 'total' },
    { cells: [s.loss.carryforwardShortTerm ?? '', formatAmount(loss.carryforwardShortTerm)], style: 'total' },
    { cells: [s.loss.carryforwardLongTerm ?? '', formatAmount(loss.carryforwardLongTerm)], style: 'total' },
  ];
  y = drawTable<TableRow>(ctx, {
    columns: [
      { heading: s.columns.item, width: 70, align: 'left' },
      { heading: s.columns.amount, width: 30, align: 'right' },
    ],
    items: items.filter((r) => r.style !== 'total'),
    cells: (r) => r.cells,
    footer: (_p, isLast) => (isLast ? items.filter((r) => r.style === 'total') : []),
    footerRows: 3,
    firstY: y,
    width: CONTENT_WIDTH * 0.62,
    continuePage: () => startPage(ctx, s.title, { continued: true }),
  });
  paragraph(ctx, s.lossNote, PAGE.left, y + 8, CONTENT_WIDTH * 0.62, { size: SIZE.small + 1, color: COLOR.muted });
}
