/**
 * The PDF report: ReportData (and the Form 8949 lines shared with the exports) in, PDF bytes out.
 *
 * Deterministic: the document's CreationDate and ModDate are the pinned report date (Jan 1 after
 * the tax year, UTC), passed in the PDFDocument constructor — pdfkit derives the trailer /ID from
 * the info dictionary there, so setting them later would be too late — and nothing else varies
 * (standard fonts, no images, no random ids). pdfkit is a stream, but it pushes every byte
 * synchronously by the end of `doc.end()` (bufferPages, no async resources), so the bytes are read
 * back synchronously and rendering stays a pure function.
 *
 * Only files in this folder import pdfkit.
 */
import PDFDocument from 'pdfkit';
import type { ReportData } from '../../pipeline/compute-report.js';
import type { Form8949Line } from '../form8949-lines.js';
import { reportDate } from '../report-date.js';
import { drawFooters } from './page.js';
import type { ExportsSummary, PdfContext } from './pdf-context.js';
import { computeFigures } from './pdf-figures.js';
import { fill, type Form8949Template, type ReportTemplate } from './report-template.js';
import { renderSections } from './sections.js';
import { renderMethods } from './sections/methods.js';
import type { MethodComparison } from '../../pipeline/compare-methods.js';
import { PAGE } from './theme.js';

export interface PdfInput {
  readonly data: ReportData;
  readonly lines: readonly Form8949Line[];
  readonly report: ReportTemplate;
  readonly form8949: Form8949Template;
  readonly exports: ExportsSummary;
  /** `--label`: whose report this is; the template's "not given" when absent. */
  readonly label?: string;
  /** Lines per box above which Form 8949 uses a code-M summary line; default from the template. */
  readonly summaryThreshold?: number;
  /** Deflate page content (default true); tests may turn it off to read the content streams. */
  readonly compress?: boolean;
  /** `--compare-methods`: a last page with the methods side by side. */
  readonly methods?: MethodComparison;
}

/** Every chunk pdfkit has pushed; it has pushed them all once `end()` returns. */
function* drain(doc: PDFKit.PDFDocument): Generator<Buffer> {
  let last: Buffer | undefined;
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) {
    yield chunk;
    last = chunk;
  }
  if (!last || !last.toString('latin1').includes('%%EOF')) throw new Error('pdfkit did not finish the document synchronously');
}

/**
 * @example
 * const bytes = renderPdf({ data, lines, report, form8949, exports });
 * Buffer.from(bytes).subarray(0, 5).toString() // → '%PDF-'
 * @throws Error when a template names an unknown section, schedule or field (a template bug).
 */
export function renderPdf(input: PdfInput): Uint8Array {
  const bytes = Buffer.concat([...renderPdfChunks(input)]);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The PDF's bytes as pdfkit's chunks (drawn when the first chunk is asked for). */
export function* renderPdfChunks(input: PdfInput): Generator<Buffer> {
  const { data, report } = input;
  const date = reportDate(data.taxYear);
  const taxpayer = input.label?.trim() || report.common.notGiven;
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.top, bottom: 16, left: PAGE.left, right: PAGE.width - PAGE.right },
    autoFirstPage: false,
    bufferPages: true,
    compress: input.compress ?? true,
    info: {
      Title: `${report.documentTitle} ${data.taxYear} — ${taxpayer}`,
      Subject: fill(report.subject, { year: data.taxYear }),
      Author: 'taxlot',
      Creator: 'taxlot',
      Producer: 'taxlot (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const ctx: PdfContext = {
    doc,
    data,
    t: report,
    form: input.form8949,
    lines: input.lines,
    taxpayer,
    summaryThreshold: input.summaryThreshold ?? input.form8949.summary.threshold,
    exports: input.exports,
    figures: computeFigures(data, input.lines),
    y: PAGE.top,
  };
  renderSections(ctx);
  if (input.methods) renderMethods(ctx, input.methods);
  drawFooters(ctx);
  doc.end();
  yield* drain(doc);
}
