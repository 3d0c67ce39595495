/**
 * `index.pdf`: the batch's client table for a human, 40 clients per landscape page.
 *
 * Deterministic bytes: the creation and modification dates are pinned in the `PDFDocument`
 * constructor (pdfkit derives the file `/ID` from them there, so setting them later is too
 * late), nothing shows the clock, and text is limited to the standard font's character set
 * (other characters print as `?`; `index.csv` has the exact names).
 */
import type { ClientStatus, IndexRow } from '../../batch/index-row.js';

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
  { title: 'Client', width: 110, align: 'left', value: (r) => r.client },
  { title: 'Status', width: 50, align: 'left', value: (r) => r.status },
  { title: 'Net gain', width: 64, align: 'right', value: (r) => r.net },
  { title: 'Short-term', width: 64, align: 'right', value: (r) => r.shortTerm },
  { title: 'Long-term', width: 64, align: 'right', value: (r) => r.longTerm },
  { title: 'Income', width: 60, align: 'right', value: (r) => r.income },
  { title: 'Basis at risk', width: 62, align: 'right', value: (r) => r.missingBasisAtRisk },
  { title: 'Deductible', width: 56, align: 'right', value: (r) => r.deductibleLoss },
  { title: 'Errors', width: 30, align: 'right', value: (r) => count(r.errors) },
  { title: 'Warn.', width: 30, align: 'right', value: (r) => count(r.warnings) },
  { title: 'Reason', width: 130, align: 'left', value: (r) => r.reason },
];

/** Keep what the standard (WinAnsi) fonts can draw. */
function printable(text: string): string {
  return text.replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');
}

/**
 * Render the index table as PDF bytes.
 * @example await renderIndexPdf(rows) // Uint8Array starting with "%PDF-1.3"
 */
export async function renderIndexPdf(rows: readonly IndexRow[]): Promise<Uint8Array> {
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
  const pages = Math.max(1, Math.ceil(rows.length / CLIENTS_PER_PAGE));
  for (let page = 0; page < pages; page++) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).text('taxlot batch: client index', 36, 36, { lineBreak: false });
    doc.font('Helvetica').fontSize(8).text(`${rows.length} clients: ${tally}. Amounts in each client's report currency, from its summary.json.`, 36, 54, { lineBreak: false });
    doc.text(`Page ${page + 1} of ${pages}`, 36, 576 - 10, { lineBreak: false });
    doc.font('Helvetica-Bold');
    drawRow(72, COLUMNS.map((c) => c.title));
    doc.moveTo(36, 83).lineTo(756, 83).lineWidth(0.5).stroke();
    doc.font('Helvetica');
    rows.slice(page * CLIENTS_PER_PAGE, (page + 1) * CLIENTS_PER_PAGE).forEach((r, i) => {
      drawRow(87 + i * 11.5, COLUMNS.map((c) => c.value(r)));
    });
  }
  doc.end();
  return done;
}
