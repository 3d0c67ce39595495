/**
 * harvest.pdf: a short planning document — the year to date before and after the plan, the plan's
 * sales (specific identification against the lot method), the rules in words, and every open
 * position ordered by unrealised result (largest loss first; lots without a price last).
 * Deterministic: the document dates are the as-of date (UTC midnight), nothing else varies.
 */
import PDFDocument from 'pdfkit';
import type { HarvestResult } from './compute-harvest.js';
import { harvestNotes } from './notes.js';
import type { Picture } from './plan.js';
import type { HarvestLot } from './value-lots.js';
import { loadTemplates } from '../report/templates.js';
import { drawTable, type TableColumn } from '../report/pdf/draw-table.js';
import { formatAmount, formatQuantity } from '../report/pdf/format-amount.js';
import { drawFooters, paragraph, startBlock, startPage } from '../report/pdf/page.js';
import type { PdfContext } from '../report/pdf/pdf-context.js';
import { computeFigures } from '../report/pdf/pdf-figures.js';
import { COLOR, CONTENT_WIDTH, PAGE } from '../report/pdf/theme.js';

const col = (heading: string, width: number, align: 'left' | 'right' = 'left'): TableColumn => ({ heading, width, align });

export function* renderHarvestPdfChunks(h: HarvestResult, label?: string): Generator<Buffer> {
  const date = new Date(`${h.asOf}T00:00:00Z`);
  const taxpayer = label ?? 'not given';
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.top, bottom: 16, left: PAGE.left, right: PAGE.width - PAGE.right },
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    info: {
      Title: `Tax-loss harvesting plan as of ${h.asOf} — ${taxpayer}`,
      Subject: 'Open lots, year to date and a tax-loss harvesting plan (US rules)',
      Author: 'taxlot',
      Creator: 'taxlot',
      Producer: 'taxlot (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const t = loadTemplates('us');
  const ctx: PdfContext = {
    doc,
    data: h.report,
    t: {
      ...t.report,
      footer: {
        left: `taxlot · {taxpayer} · harvest plan as of ${h.asOf}`,
        page: t.report.footer.page,
        rounding: 'Every amount is its exact figure rounded to the cent once (half-even). A planning aid from your records, not a tax return and not tax advice.',
      },
    },
    form: t.form8949,
    lines: [],
    taxpayer,
    summaryThreshold: t.form8949.summary.threshold,
    exports: { files: [], turbotaxGainsFiles: [], turbotaxMaxRows: 0, taxactMaxRows: 0, txfRefnums: {}, txfIncomplete: 0 },
    figures: computeFigures(h.report, []),
    y: PAGE.top,
  };
  drawPlanPage(ctx, h);
  drawPositions(ctx, h);
  drawFooters(ctx);
  doc.end();
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) yield chunk;
}

function drawPlanPage(ctx: PdfContext, h: HarvestResult): void {
  const p = h.plan;
  const title = 'Tax-loss harvesting plan';
  const scope = h.universal ? 'universal lots' : 'per-wallet lots';
  let y = startPage(ctx, title, { subtitle: `${ctx.taxpayer} · as of ${h.asOf} · ${h.method}, ${scope} · ${h.currency}` });
  const pictures: [string, Picture][] = [
    ['Year to date (January 1 - as-of date)', p.before],
    ['After the plan, loss lots identified', p.afterSpecificId],
    [`After the plan, sold under ${h.method}`, p.afterLotMethod],
  ];
  y = drawTable(ctx, {
    columns: [col('', 3), col('Short-term', 1.2, 'right'), col('Long-term', 1.2, 'right'), col('Net', 1.2, 'right'), col('Deductible', 1.2, 'right'),
      col('Carryforward ST', 1.3, 'right'), col('Carryforward LT', 1.3, 'right')],
    items: pictures,
    cells: ([name, pic]) => [name, formatAmount(pic.shortTerm), formatAmount(pic.longTerm), formatAmount(pic.net), formatAmount(pic.capitalLoss.deductible),
      formatAmount(pic.capitalLoss.carryforwardShortTerm), formatAmount(pic.capitalLoss.carryforwardLongTerm)],
    firstY: y,
    continuePage: () => startPage(ctx, title, { continued: true }),
  });
  ctx.y = y;
  const intro = p.lossWanted.isZero()
    ? `No sale helps this year: the year's net, with carryovers, is already a loss at or beyond the ${formatAmount(p.limit)} limit.`
    : p.sales.length === 0
      ? `No priced lot is at a loss. A loss of ${formatAmount(p.lossWanted)} would help (the year's net gain with carryovers, plus the ${formatAmount(p.limit)} limit).`
      : `Loss wanted: ${formatAmount(p.lossWanted)} (the year's net gain with carryovers, plus the ${formatAmount(p.limit)} ordinary-income limit). Each sale is on the as-of date at its price.`;
  y = startBlock(ctx, 'Proposed sales', 90, intro);
  if (p.sales.length > 0) {
    y = drawTable(ctx, {
      columns: [col('Why', 1.3), col('Wallet', 1.2), col('Asset', 0.7), col('Lot', 0.6), col('Acquired', 0.9), col('Units', 1.1, 'right'), col('Price', 1, 'right'),
        col('Proceeds', 1.1, 'right'), col('Identified lot', 1.1, 'right'), col('Term', 0.5), col(`Under ${h.method}`, 1.1, 'right'), col(`${h.method} sells`, 1.6)],
      items: p.sales,
      cells: (s) => [
        s.step + (s.lot.possibleSecurity ? ' (possible security)' : ''), s.lot.lot.wallet, s.lot.lot.asset, s.lot.lot.id, s.lot.lot.acquiredDate,
        formatQuantity(s.units), formatQuantity(s.price), formatAmount(s.proceeds), formatAmount(s.specificId.realized), s.specificId.term,
        formatAmount(s.lotMethod.realized), s.lotMethod.pieces.map((x) => `${x.lotId} ${x.units.toFixed()} (${x.term})`).join(', '),
      ],
      firstY: y,
      continuePage: () => startPage(ctx, title, { continued: true }),
    });
    ctx.y = y;
  }
  y = startBlock(ctx, 'What the plan assumes', 120);
  for (const note of harvestNotes(h.method, h.universal)) y = paragraph(ctx, note, PAGE.left, y, CONTENT_WIDTH, { color: COLOR.ink }) + 4;
  ctx.y = y;
}

function drawPositions(ctx: PdfContext, h: HarvestResult): void {
  const title = 'Open positions by unrealized result';
  const lots = [...h.lots].sort(byResult);
  const y = startPage(ctx, title, {
    intro: `Every open lot at the end of ${h.asOf}, largest loss first. Term: if sold on ${h.asOf}; long-term from: the first date a sale is long-term (held more than one year). "Sold alone": what selling the lot's units in its wallet realises under ${h.method} unless the lot is identified before the sale. Lots without a price are listed last at their basis.`,
  });
  drawTable(ctx, {
    columns: [col('Wallet', 1.3), col('Asset', 0.7), col('Lot', 0.6), col('Acquired', 0.9), col('Units', 1.2, 'right'), col('Basis', 1.1, 'right'), col('Price', 1, 'right'),
      col('Value', 1.1, 'right'), col('Unrealized', 1.1, 'right'), col('Term', 0.5), col('Long-term from', 0.9), col(`Sold alone, ${h.method}`, 1.1, 'right'), col('Note', 1)],
    items: lots,
    cells: (l) => [
      l.lot.wallet, l.lot.asset, l.lot.id, l.lot.acquiredDate, formatQuantity(l.lot.quantity), formatAmount(l.lot.basis),
      l.price ? formatQuantity(l.price) : 'no price', l.value ? formatAmount(l.value) : '', l.unrealized ? formatAmount(l.unrealized) : '',
      l.term, l.longTermFrom, formatSoldAlone(h, l), [l.lot.basisKnown ? '' : 'unknown basis', l.possibleSecurity ? 'possible security' : ''].filter(Boolean).join('; '),
    ],
    firstY: y,
    continuePage: () => startPage(ctx, title, { continued: true }),
  });
}

/** What selling all of the lot's units alone realises under the method (empty without a price). */
function formatSoldAlone(h: HarvestResult, l: HarvestLot): string {
  const alone = h.soldAlone.get(l.lot);
  return alone ? formatAmount(alone.realized) : '';
}

/** Largest loss first, unpriced lots last; ties in the listing's order. */
function byResult(a: HarvestLot, b: HarvestLot): number {
  if (!a.unrealized || !b.unrealized) return (a.unrealized ? 0 : 1) - (b.unrealized ? 0 : 1);
  return a.unrealized.comparedTo(b.unrealized);
}
