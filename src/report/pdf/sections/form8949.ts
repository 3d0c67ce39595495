/**
 * Form 8949 pages: one box per page (Part I short-term boxes, then Part II long-term), the
 * template's columns (a)–(h) plus the line number used by the audit appendix, totals for each
 * page and, on the box's last page, the box totals carried to Schedule D.
 *
 * Exception 2 (Form 8949 instructions): when a box has more lines than the threshold, the form
 * carries a single summary line (code M in column (f), (b) and (c) blank) and the lines follow as
 * an attached statement with the same columns and totals.
 */
import { ZERO, type Dec } from '../../../model/decimal.js';
import { groupByBox, type Form8949Line, type LineTotals, type ShownLine } from '../../form8949-lines.js';
import { roundMoney } from '../../../model/rounding.js';
import { drawTable, type TableRow } from '../draw-table.js';
import { formatAmount, formatAmountText } from '../format-amount.js';
import { paragraph, put, startPage } from '../page.js';
import type { PdfContext } from '../pdf-context.js';
import { fill } from '../report-template.js';
import { COLOR, CONTENT_WIDTH, FONT, PAGE, SIZE } from '../theme.js';

/** A printed row of the form: a line, or the code-M summary line. */
interface Printable {
  readonly number: string;
  readonly description: string;
  readonly dateAcquired: string;
  readonly dateSold: string;
  readonly proceeds: Dec;
  readonly costBasis: Dec;
  readonly code: string;
  readonly adjustment: Dec;
  readonly gain: Dec;
  /** The line's amounts as formatted once (`Form8949Line.shown`); absent on the summary line. */
  readonly shown?: ShownLine;
}

function printable(ctx: PdfContext, l: Form8949Line): Printable {
  return {
    number: String(l.number),
    description: l.description,
    dateAcquired: l.acquired ? l.shown.acquired : ctx.form.unknownDate,
    dateSold: l.shown.sold,
    proceeds: l.proceeds,
    costBasis: l.costBasis,
    code: l.code,
    adjustment: l.adjustment,
    gain: l.gain,
    shown: l.shown,
  };
}

function cellsOf(ctx: PdfContext, p: Printable): string[] {
  const s = p.shown;
  const byField: Record<string, string> = {
    description: p.description,
    dateAcquired: p.dateAcquired,
    dateSold: p.dateSold,
    proceeds: s ? formatAmountText(s.proceeds) : formatAmount(p.proceeds),
    costBasis: s ? formatAmountText(s.costBasis) : formatAmount(p.costBasis),
    code: p.code,
    adjustment: p.adjustment.isZero() && p.code === '' ? '' : s ? formatAmountText(s.adjustment) : formatAmount(p.adjustment),
    gain: s ? formatAmountText(s.gain) : formatAmount(p.gain),
  };
  return [p.number, ...ctx.form.columns.map((c) => byField[c.field] ?? '')];
}

function totalsRow(ctx: PdfContext, label: string, t: Pick<LineTotals, 'proceeds' | 'costBasis' | 'adjustment' | 'gain'>): TableRow {
  const byField: Record<string, string> = {
    proceeds: formatAmount(t.proceeds),
    costBasis: formatAmount(t.costBasis),
    adjustment: formatAmount(t.adjustment),
    gain: formatAmount(t.gain),
  };
  const spanned = 1 + ctx.form.columns.findIndex((c) => c.field in byField);
  return { cells: [label, ...ctx.form.columns.map((c) => byField[c.field] ?? '')], style: 'total', span: spanned };
}

function sumPrintables(items: readonly Printable[]): Pick<LineTotals, 'proceeds' | 'costBasis' | 'adjustment' | 'gain'> {
  return items.reduce(
    (a, p) => ({ proceeds: a.proceeds.plus(p.proceeds), costBasis: a.costBasis.plus(p.costBasis), adjustment: a.adjustment.plus(p.adjustment), gain: a.gain.plus(p.gain) }),
    { proceeds: ZERO, costBasis: ZERO, adjustment: ZERO, gain: ZERO },
  );
}

/** The form's page header: part, checked box; returns the y where the table starts. */
function formHeader(ctx: PdfContext, box: string, term: 'short' | 'long', continued: boolean): number {
  const { form, data } = ctx;
  let y = startPage(ctx, `${form.form} — ${form.title}`, {
    continued,
    subtitle: fill(ctx.t.form8949.subtitle, { year: data.taxYear, taxpayer: ctx.taxpayer }),
  });
  const part = form.parts[term];
  put(ctx, part.title, PAGE.left, y, { font: FONT.bold, size: SIZE.heading, color: COLOR.ink });
  put(ctx, part.text, PAGE.left + 150, y + 1.5, { size: SIZE.body - 0.5, color: COLOR.muted });
  y += SIZE.heading + 6;
  const { doc } = ctx;
  doc.rect(PAGE.left, y - 1, 10, 10).lineWidth(0.8).strokeColor(COLOR.ink).stroke();
  doc.moveTo(PAGE.left + 2, y + 1).lineTo(PAGE.left + 8, y + 7).moveTo(PAGE.left + 8, y + 1).lineTo(PAGE.left + 2, y + 7).lineWidth(1).stroke();
  put(ctx, fill(form.boxLabel, { box }), PAGE.left + 16, y, { font: FONT.bold });
  put(ctx, form.boxes[box] ?? box, PAGE.left + 90, y, { size: SIZE.body, color: COLOR.ink });
  ctx.y = y + 16;
  const expected = data.form1099da.expectedForms;
  if ((box === 'I' || box === 'L') && expected.length > 0 && !continued) {
    const text = fill(ctx.t.form1099da.expectedForm, { brokers: expected.map((x) => x.broker).join(', '), wallets: expected.map((x) => x.wallet).join(', ') });
    ctx.y = paragraph(ctx, text, PAGE.left, ctx.y, CONTENT_WIDTH, { size: SIZE.body - 0.5, color: COLOR.error }) + 4;
  }
  return ctx.y;
}

/**
 * The box's exact totals, each rounded once — the figures summary.json holds. Shown under the
 * line-rounded box totals only when rounding line by line moved them by a cent or more, so a
 * reader can tie the PDF both to its own lines and to summary.json.
 */
function exactTotals(lines: readonly Form8949Line[]): Pick<LineTotals, 'proceeds' | 'costBasis' | 'adjustment' | 'gain'> {
  let proceeds = ZERO;
  let costBasis = ZERO;
  let adjustment = ZERO;
  for (const l of lines) {
    // a line matched to a Form 1099-DA row: its exact (d), (e), (g) (form1099da/place.ts)
    const exact = l.reported?.exact;
    proceeds = proceeds.plus(exact ? exact.proceeds : l.slice.proceeds);
    costBasis = costBasis.plus(exact ? exact.costBasis : l.slice.basis);
    adjustment = adjustment.plus(exact ? exact.adjustment : l.adjustment);
  }
  const gain = proceeds.minus(costBasis).plus(adjustment);
  return { proceeds: roundMoney(proceeds), costBasis: roundMoney(costBasis), adjustment: roundMoney(adjustment), gain: roundMoney(gain) };
}

const sameTotals = (a: Pick<LineTotals, 'proceeds' | 'costBasis' | 'gain'>, b: Pick<LineTotals, 'proceeds' | 'costBasis' | 'gain'>): boolean =>
  a.proceeds.equals(b.proceeds) && a.costBasis.equals(b.costBasis) && a.gain.equals(b.gain);

function lineTable(ctx: PdfContext, items: readonly Printable[], box: string, startY: number, newPage: () => number, lines: readonly Form8949Line[]): void {
  const { form } = ctx;
  const boxTotals = sumPrintables(items);
  const exact = exactTotals(lines);
  const showExact = !sameTotals(boxTotals, exact);
  const boxLabel = fill(form.boxTotal, { box, line: form.scheduleDLine[box] ?? '' });
  drawTable<Printable>(ctx, {
    columns: [{ heading: form.lineNumberHeading, width: 4, align: 'right' }, ...form.columns],
    items,
    cells: (p) => cellsOf(ctx, p),
    footer: (page, isLast) => {
      const rows = [totalsRow(ctx, form.pageTotal, sumPrintables(page))];
      if (isLast) rows.push(totalsRow(ctx, boxLabel, boxTotals));
      if (isLast && showExact) rows.push(totalsRow(ctx, fill(form.exactTotal, { box }), exact));
      return rows;
    },
    footerRows: showExact ? 3 : 2,
    firstY: startY,
    continuePage: newPage,
  });
}

export function renderForm8949(ctx: PdfContext): void {
  const { form, data } = ctx;
  const groups = groupByBox(ctx.lines);
  if (groups.size === 0) {
    const y = startPage(ctx, `${form.form} — ${form.title}`, { subtitle: fill(ctx.t.form8949.subtitle, { year: data.taxYear, taxpayer: ctx.taxpayer }) });
    paragraph(ctx, fill(ctx.t.form8949.none, { year: data.taxYear }), PAGE.left, y, CONTENT_WIDTH);
    return;
  }
  for (const [box, group] of groups) {
    const term = (group[0] as Form8949Line).term;
    const items = group.map((l) => printable(ctx, l));
    if (group.length <= ctx.summaryThreshold) {
      lineTable(ctx, items, box, formHeader(ctx, box, term, false), () => formHeader(ctx, box, term, true), group);
      continue;
    }
    const s = form.summary;
    const totals = sumPrintables(items);
    const summary: Printable = {
      number: '1',
      description: fill(s.description, { count: group.length, box }),
      dateAcquired: '',
      dateSold: '',
      ...totals,
      // the summary line carries M and every other code of its lines, alphabetically (BEM)
      code: [...new Set([...group.flatMap((l) => [...l.code]), ...s.code])].sort().join(''),
    };
    let y = formHeader(ctx, box, term, false);
    y = paragraph(ctx, fill(s.note, { threshold: ctx.summaryThreshold, box }), PAGE.left, y, CONTENT_WIDTH, { size: SIZE.body - 0.5, color: COLOR.muted }) + 4;
    lineTable(ctx, [summary], box, y, () => formHeader(ctx, box, term, true), group);
    const title = fill(s.statementTitle, { box });
    const intro = fill(s.statementText, { box, taxpayer: ctx.taxpayer, year: data.taxYear });
    lineTable(ctx, items, box, startPage(ctx, title, { intro }), () => startPage(ctx, title, { continued: true }), group);
  }
}
