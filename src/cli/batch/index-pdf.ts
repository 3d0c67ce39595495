/**
 * `index.pdf`: the batch's client table for a human, 40 clients per landscape page.
 *
 * Deterministic bytes: the creation and modification dates are pinned in the `PDFDocument`
 * constructor (pdfkit derives the file `/ID` from them there, so setting them later is too
 * late), nothing shows the clock, and text is limited to the standard font's character set
 * (other characters print as `?`; `index.csv` has the exact names).
 */
import type { ClientStatus, IndexRow } from './index-row.js';
import { indexTotals, needsAttentionFirst, type IndexTotals } from './index-order.js';

export const CLIENTS_PER_PAGE = 40;
const PINNED_DATE = new Date(Date.UTC(2000, 0, 1));
const STATUSES: readonly ClientStatus[] = ['ok', 'warnings', 'errors', 'failed'];

interface Column {
  readonly title: string;
  readonly width: number;
  readonly align: 'left' | 'right';
  readonly value: (r: IndexRow) => string;
}

const count = (n: number | undefined): string => (n === undefined ? '' : String(n));

const COLUMNS: readonly Column[] = [
  { title: 'Client', width: 96, align: 'left', value: (r) => r.client },
  { title: 'Status', width: 44, align: 'left', value: (r) => r.status },
  { title: 'Year', width: 30, align: 'left', value: (r) => r.taxYear ?? '' },
  { title: 'Juris.', width: 26, align: 'left', value: (r) => r.jurisdiction ?? '' },
  { title: 'Net gain', width: 60, align: 'right', value: (r) => r.net },
  { title: 'Short-term', width: 60, align: 'right', value: (r) => r.shortTerm },
  { title: 'Long-term', width: 60, align: 'right', value: (r) => r.longTerm },
  { title: 'Income', width: 54, align: 'right', value: (r) => r.income },
  { title: 'Basis at risk', width: 60, align: 'right', value: (r) => r.missingBasisAtRisk },
  { title: 'Deductible', width: 52, align: 'right', value: (r) => r.deductibleLoss },
  { title: 'Errors', width: 28, align: 'right', value: (r) => count(r.errors) },
  { title: 'Warn.', width: 28, align: 'right', value: (r) => count(r.warnings) },
  { title: 'Top problem', width: 122, align: 'left', value: (r) => r.topProblem ?? r.reason },
];

/** A totals line in the table's columns. */
function totalsCells(t: IndexTotals): string[] {
  return [`Total ${t.currency} (${t.clients})`, '', '', '', t.net, t.shortTerm, t.longTerm, t.income, t.missingBasisAtRisk, t.deductibleLoss, String(t.errors), String(t.warnings), ''];
}

/** Keep what the standard (WinAnsi) fonts can draw. */
function printable(text: string): string {
  return text.replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');
}

/**
 * Render the index table as PDF bytes.
 * @example await renderIndexPdf(rows) // Uint8Array starting with "%PDF-1.3"
 */
/** `40 clients`; with multi-year clients (a row per year), `38 clients, 45 rows`. */
function clientCount(rows: readonly IndexRow[]): string {
  const clients = new Set(rows.map((r) => r.client)).size;
  return clients === rows.length ? `${rows.length} clients` : `${clients} clients, ${rows.length} rows`;
}

export async function renderIndexPdf(unordered: readonly IndexRow[]): Promise<Uint8Array> {
  const rows = needsAttentionFirst(unordered);
  const totals = indexTotals(rows);
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: 36,
    autoFirstPage: false,
    info: { Title: 'taxlot batch: client index', Producer: 'taxlot', Creator: 'taxlot', CreationDate: PINNED_DATE, ModDate: PINNED_DATE },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const fit = (text: string, width: number): string => {
    let s = printable(text);
    if (doc.widthOfString(s) <= width) return s;
    while (s.length > 0 && doc.widthOfString(`${s}...`) > width) s = s.slice(0, -1);
    return `${s}...`;
  };
  const drawRow = (y: number, cells: readonly string[]): void => {
    let x = 36;
    COLUMNS.forEach((col, i) => {
      const text = fit(cells[i] ?? '', col.width - 4);
      const at = col.align === 'right' ? x + col.width - 2 - doc.widthOfString(text) : x + 2;
      doc.text(text, at, y, { lineBreak: false });
      x += col.width;
    });
  };

  const tally = STATUSES.map((s) => `${rows.filter((r) => r.status === s).length} ${s}`).join(', ');
  const onLast = rows.length - Math.max(0, Math.ceil(rows.length / CLIENTS_PER_PAGE) - 1) * CLIENTS_PER_PAGE;
  // the totals go under the last client; a full last page leaves room for one totals line only
  const extraPage = rows.length > 0 && onLast + totals.length > CLIENTS_PER_PAGE + 1 ? 1 : 0;
  const pages = Math.max(1, Math.ceil(rows.length / CLIENTS_PER_PAGE) + extraPage);
  for (let page = 0; page < pages; page++) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).text('taxlot batch: client index', 36, 36, { lineBreak: false });
    doc.font('Helvetica').fontSize(8).text(
      `${clientCount(rows)}: ${tally}. Needing attention first: failed, errors, basis at risk, warnings. Amounts in each client's report currency, from its summary.json; totals per currency.`,
      36,
      54,
      { lineBreak: false },
    );
    doc.text(`Page ${page + 1} of ${pages}`, 36, 576 - 10, { lineBreak: false });
    doc.font('Helvetica-Bold');
    drawRow(72, COLUMNS.map((c) => c.title));
    doc.moveTo(36, 83).lineTo(756, 83).lineWidth(0.5).stroke();
    doc.font('Helvetica');
    const shown = rows.slice(page * CLIENTS_PER_PAGE, (page + 1) * CLIENTS_PER_PAGE);
    shown.forEach((r, i) => {
      drawRow(87 + i * 11.5, COLUMNS.map((c) => c.value(r)));
    });
    if (page === pages - 1 && totals.length > 0) {
      const y = 87 + shown.length * 11.5 + 2;
      doc.moveTo(36, y).lineTo(756, y).lineWidth(0.5).stroke();
      doc.font('Helvetica-Bold');
      totals.forEach((t, i) => drawRow(y + 3 + i * 11.5, totalsCells(t)));
      doc.font('Helvetica');
    }
  }
  doc.end();
  return done;
}
