/**
 * report.pdf for `--jurisdiction uk`: the SA108 figures for cryptoassets, the year's gains by
 * matching rule and either side of the 30 October 2024 rate change, each disposal with the
 * acquisitions or pool share it was matched to, the section 104 pools at 5 April, income, and the
 * inputs (audit trail). Deterministic: the document dates are 5 April of the tax year.
 */
import PDFDocument from 'pdfkit';
import { describeMatch } from '../uk/uk-csv.js';
import { ukTaxYearLabel, ukTaxYearRange } from '../../jurisdictions/uk/tax-year.js';
import type { UkReport } from '../../jurisdictions/uk/uk-summary.js';
import { ZERO, share } from '../../model/decimal.js';
import type { ReportData } from '../../pipeline/compute-report.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { loadTemplates } from '../templates.js';
import { drawTable, type TableColumn } from './draw-table.js';
import { formatAmount, formatQuantity } from './format-amount.js';
import { drawFooters, paragraph, startBlock, startPage } from './page.js';
import type { PdfContext } from './pdf-context.js';
import { computeFigures } from './pdf-figures.js';
import { COLOR, CONTENT_WIDTH, PAGE } from './theme.js';

const col = (heading: string, width: number, align: 'left' | 'right' = 'left'): TableColumn => ({ heading, width, align });
/** The first day of the 18 % / 24 % rates (Autumn Budget 2024). */
const RATE_CHANGE = '2024-10-30';

export function* renderUkPdfChunks(data: ReportData, uk: UkReport, label?: string): Generator<Buffer> {
  const { end } = ukTaxYearRange(uk.year.taxYear);
  const date = new Date(`${end}T00:00:00Z`);
  const taxpayer = label?.trim() || 'not given';
  const yearName = ukTaxYearLabel(uk.year.taxYear);
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.top, bottom: 16, left: PAGE.left, right: PAGE.width - PAGE.right },
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    info: {
      Title: `UK capital gains ${yearName} — ${taxpayer}`,
      Subject: `Cryptoasset gains for the SA108 capital gains pages, tax year ${yearName} (HMRC share pooling)`,
      Author: 'taxlot', Creator: 'taxlot', Producer: 'taxlot (PDFKit)', CreationDate: date, ModDate: date,
    },
  });
  const t = loadTemplates('us');
  const ctx: PdfContext = {
    doc,
    data,
    t: {
      ...t.report,
      footer: {
        left: `taxlot · {taxpayer} · UK tax year ${yearName}`,
        page: t.report.footer.page,
        rounding: 'Every total is its exact figure rounded to the penny once (half-even); lines are rounded each. Gains from your records, not a tax return and not tax advice.',
      },
    },
    form: t.form8949,
    lines: [],
    taxpayer,
    summaryThreshold: t.form8949.summary.threshold,
    exports: { files: [], turbotaxGainsFiles: [], turbotaxMaxRows: 0, taxactMaxRows: 0, txfRefnums: {}, txfIncomplete: 0 },
    figures: computeFigures(data, []),
    y: PAGE.top,
  };
  drawSummary(ctx, data, uk, yearName);
  drawDisposals(ctx, uk);
  drawPoolsAndIncome(ctx, data, uk);
  drawFooters(ctx);
  doc.end();
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) yield chunk;
}

function drawSummary(ctx: PdfContext, data: ReportData, uk: UkReport, yearName: string): void {
  const { start, end } = ukTaxYearRange(uk.year.taxYear);
  const title = `UK capital gains on cryptoassets, ${yearName}`;
  const s = uk.totals;
  let y = startPage(ctx, title, { subtitle: `${ctx.taxpayer} · ${start} to ${end} · ${data.options.currency} · same day, 30 days, section 104 pool · dates in ${data.options.timezone}` });
  const figures: [string, string][] = [
    ['Number of disposals', String(s.disposals)],
    ['Disposal proceeds', formatAmount(s.proceeds)],
    ['Allowable costs (including the purchase price)', formatAmount(s.allowableCosts)],
    ['Gains in the year, before losses', formatAmount(s.gains)],
    ['Losses in the year', formatAmount(s.losses)],
    ['Net gain (gains less losses)', formatAmount(s.net)],
    ['Annual exempt amount for the year', formatAmount(s.annualExemptAmount)],
    ['Proceeds of units with no known cost (missing basis)', formatAmount(s.missingBasisProceeds)],
  ];
  y = drawTable(ctx, {
    columns: [col('SA108 capital gains summary: cryptoassets', 4), col('Amount', 1.2, 'right')],
    items: figures, cells: (f) => f, firstY: y, continuePage: () => startPage(ctx, title, { continued: true }),
  });
  ctx.y = y;
  y = startBlock(ctx, 'Net gain by matching rule', 80);
  const rules: [string, string][] = [
    ['Same day (TCGA 1992 s.105)', formatAmount(s.byRule['same-day'])],
    ['Acquisitions in the next 30 days (s.106A)', formatAmount(s.byRule['bed-and-breakfast'])],
    ['Section 104 pool (s.104)', formatAmount(s.byRule.pool)],
  ];
  y = drawTable(ctx, { columns: [col('Rule', 4), col('Net gain', 1.2, 'right')], items: rules, cells: (r) => r, firstY: y, continuePage: () => startPage(ctx, title, { continued: true }) });
  ctx.y = y;
  y = startBlock(ctx, 'Rates (information)', 90);
  let note = 'CGT on cryptoassets was 10 % (basic rate) and 20 % (higher rate) for disposals up to 29 October 2024, and is 18 % and 24 % from 30 October 2024. taxlot reports gains, not tax.';
  if (start < RATE_CHANGE && RATE_CHANGE <= end) {
    let before = ZERO;
    let after = ZERO;
    for (const d of uk.year.disposals) {
      if (d.date < RATE_CHANGE) before = before.plus(d.gain);
      else after = after.plus(d.gain);
    }
    note += ` This year's net gain on disposals before 30 October 2024: ${formatAmount(before)}; from 30 October 2024: ${formatAmount(after)}.`;
  }
  y = paragraph(ctx, note, PAGE.left, y, CONTENT_WIDTH, { color: COLOR.ink }) + 4;
  y = paragraph(ctx, 'Whether staking, mining or other receipts are miscellaneous income or trading income is your judgement (HMRC Cryptoassets Manual CRYPTO21000 ff.): the receipts are listed with their values.', PAGE.left, y, CONTENT_WIDTH, { color: COLOR.muted }) + 4;
  ctx.y = y;
}

function drawDisposals(ctx: PdfContext, uk: UkReport): void {
  const title = 'Disposals and what they were matched to';
  const rows = uk.year.disposals.flatMap((d, i) => d.matches.map((m) => ({ d, m, n: i + 1 })));
  const y = startPage(ctx, title, {
    intro: 'One disposal per asset and day (all of the day\'s disposals of an asset are one). Each line is the part matched by one rule; proceeds and disposal fees are shared among the parts by units. Allowable cost = acquisition cost of the matched units + disposal fees.',
  });
  if (rows.length === 0) {
    ctx.y = paragraph(ctx, 'No disposal in this tax year.', PAGE.left, y, CONTENT_WIDTH, { color: COLOR.ink });
    return;
  }
  ctx.y = drawTable(ctx, {
    columns: [col('#', 0.35), col('Date', 0.85), col('Asset', 0.6), col('Units', 1.1, 'right'), col('Proceeds', 1.05, 'right'), col('Allowable cost', 1.05, 'right'),
      col('Gain', 1, 'right'), col('Rule', 0.95), col('Matched to', 2.4), col('Rows', 1.2)],
    items: rows,
    cells: ({ d, m, n }) => {
      const proceeds = share(d.proceeds, m.units, d.units);
      const allowable = m.cost.plus(share(d.fees, m.units, d.units));
      return [String(n), d.date, d.asset, formatQuantity(m.units), formatAmount(proceeds), formatAmount(allowable), formatAmount(proceeds.minus(allowable)), m.rule,
        describeMatch(m, d.asset), d.items.map((x) => formatSourceRef(x.source)).join(' ')];
    },
    firstY: y,
    continuePage: () => startPage(ctx, title, { continued: true }),
  });
}

function drawPoolsAndIncome(ctx: PdfContext, data: ReportData, uk: UkReport): void {
  const { end } = ukTaxYearRange(uk.year.taxYear);
  const title = `Section 104 pools at ${end}`;
  let y = startPage(ctx, title, { intro: 'Each asset\'s pool across all wallets: units and pooled allowable cost at the end of the tax year.' });
  y = drawTable(ctx, {
    columns: [col('Asset', 1), col('Units', 2, 'right'), col('Pooled cost', 1.5, 'right'), col('Average cost per unit', 1.5, 'right')],
    items: uk.year.pools,
    cells: (p) => [p.asset, formatQuantity(p.units), formatAmount(p.cost), p.units.isZero() ? '' : formatAmount(p.cost.dividedBy(p.units))],
    firstY: y,
    continuePage: () => startPage(ctx, title, { continued: true }),
  });
  ctx.y = y;
  y = startBlock(ctx, 'Income received (value on receipt, the cost that entered the pool)', 80);
  y = drawTable(ctx, {
    columns: [col('Date', 1), col('Kind', 1), col('Asset', 0.8), col('Units', 1.5, 'right'), col('Value', 1.2, 'right'), col('Wallet', 1.3), col('Row', 1.5)],
    items: data.income,
    cells: (r) => [r.date, r.kind, r.asset, formatQuantity(r.quantity), formatAmount(r.value), r.wallet, formatSourceRef(r.source)],
    firstY: y,
    continuePage: () => startPage(ctx, 'Income received', { continued: true }),
  });
  ctx.y = y;
  y = startBlock(ctx, 'Inputs (audit trail)', 80);
  const i = data.inputs;
  y = paragraph(ctx, `${i.files} file(s), ${i.rows} rows: ${i.imported} imported, ${i.skipped} skipped, ${i.rejected} rejected. Diagnostics: see diagnostics.txt. Every line of uk-disposals.csv names the rows (file:line) it comes from.`, PAGE.left, y, CONTENT_WIDTH, { color: COLOR.ink });
  y = drawTable(ctx, {
    columns: [col('File', 3), col('Format', 1.5), col('Rows', 0.7, 'right'), col('Imported', 0.8, 'right'), col('Skipped', 0.8, 'right'), col('Rejected', 0.8, 'right')],
    items: data.files,
    cells: (f) => [f.file, f.format ?? 'not recognised', String(f.accounting.rows), String(f.accounting.imported), String(f.accounting.skipped), String(f.accounting.rejected)],
    firstY: y + 6,
    continuePage: () => startPage(ctx, 'Inputs', { continued: true }),
  });
  ctx.y = y;
}
