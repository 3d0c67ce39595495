/**
 * What a table schedule's source gives the PDF: its rows, totals and notes. The sources are in
 * schedule-sources.ts and tax-treatment-sources.ts; sections/schedule.ts draws them.
 */
import type { PdfContext } from './pdf-context.js';
import type { ColumnTemplate, ScheduleTemplate } from './report-template.js';

export interface ScheduleRows {
  readonly rows: readonly Readonly<Record<string, string>>[];
  /** Values of the totals row by field; the template's `total` label fills the columns before the first value. */
  readonly total?: Readonly<Record<string, string>>;
  /** Values for `{placeholders}` in the title and intro. */
  readonly vars?: Readonly<Record<string, string>>;
  /** A template text (with `{placeholders}`) printed after the intro: e.g. that rows were left out. */
  readonly note?: string;
  /** Paragraphs printed under the table (already filled): what the preparer must know or do. */
  readonly notes?: readonly string[];
  /** Columns instead of the template's `columns`, when the data decides the layout (open lots with year-end prices). */
  readonly columns?: readonly ColumnTemplate[];
  /** An intro (template text with `{placeholders}`) instead of the template's `intro`. */
  readonly intro?: string;
  /** The totals row's label instead of the template's `total`. */
  readonly totalLabel?: string;
}

export type ScheduleSource = (ctx: PdfContext, template: ScheduleTemplate) => ScheduleRows | undefined;
