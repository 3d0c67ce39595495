/**
 * What every PDF section draws from: the pdfkit document, the report data, the templates, the
 * Form 8949 lines (shared with the exports) and what the exports produced. `y` is the cursor
 * below the last thing drawn on the current page, for sections that may share a page.
 */
import type PDFDocument from 'pdfkit';
import type { ReportData } from '../../pipeline/compute-report.js';
import type { Form8949Line } from '../form8949-lines.js';
import type { PdfFigures } from './pdf-figures.js';
import type { Form8949Template, ReportTemplate } from './report-template.js';

/** What the export files came to, for the "Files for tax software" page. */
export interface ExportsSummary {
  /** Every file of the report folder, in the order written. */
  readonly files: readonly string[];
  readonly turbotaxGainsFiles: readonly string[];
  readonly turbotaxMaxRows: number;
  readonly taxactMaxRows: number;
  /** Box → TXF refnum. */
  readonly txfRefnums: Readonly<Record<string, string>>;
  /** Lines whose TXF record leaves the acquisition date or basis empty. */
  readonly txfIncomplete: number;
}

export interface PdfContext {
  readonly doc: PDFKit.PDFDocument;
  readonly data: ReportData;
  readonly t: ReportTemplate;
  readonly form: Form8949Template;
  readonly lines: readonly Form8949Line[];
  readonly taxpayer: string;
  /** Lines per box above which Form 8949 carries a code-M summary line (Exception 2). */
  readonly summaryThreshold: number;
  readonly exports: ExportsSummary;
  /** Line-rounded totals (pdf-figures.ts). */
  readonly figures: PdfFigures;
  /** Cursor: lowest y used on the current page. */
  y: number;
}

export type PdfDocument = typeof PDFDocument;
