/**
 * The shape of the PDF's templates (`templates/<jurisdiction>/report.json` and
 * `form8949-columns.json`): all wording, section order, column layouts and per-form settings live
 * there, so a new form revision or language is a template change, not a code change. The code
 * only knows field names (`proceeds`, `dateSold`, ...) and section ids.
 */

export type Align = 'left' | 'right' | 'center';

/** `wrap` (default): up to `maxLines` (2) lines, then "…"; `start`: keep the end (file:line), cut the start. */
export type Overflow = 'wrap' | 'start' | 'end';

export interface ColumnTemplate {
  readonly field: string;
  readonly heading: string;
  /** Relative width; a table's widths are scaled to the page's content width. */
  readonly width: number;
  readonly align: Align;
  readonly overflow?: Overflow;
  /** Lines a cell may take: wrapped text then "…"; with overflow `start`, a path broken at `/` and cut at its start. */
  readonly maxLines?: number;
}

/** A schedule drawn as one table: income, missing basis, open lots, derivatives, liabilities, audit. */
export interface ScheduleTemplate {
  readonly title: string;
  readonly intro?: string;
  /** Shown when the schedule applies but has no rows; an empty string draws nothing at all. */
  readonly empty: string;
  readonly columns: readonly ColumnTemplate[];
  readonly total?: string;
  /** Start below the previous section when there is room, instead of on a new page. */
  readonly continueOnPage?: boolean;
  /** Share of the content width the table takes (default 1). */
  readonly tableWidth?: number;
  readonly [extra: string]: unknown;
}

export interface ScheduleDLineTemplate {
  readonly line: string;
  readonly text: string;
  readonly boxes?: readonly string[];
  readonly value?: 'carryoverShort' | 'carryoverLong' | 'netShortTerm' | 'netLongTerm' | 'net' | 'limitedLoss';
  readonly emphasis?: boolean;
}

export interface ReportTemplate {
  readonly documentTitle: string;
  readonly subject: string;
  readonly sections: readonly string[];
  readonly common: { readonly continued: string; readonly notGiven: string; readonly yes: string; readonly no: string };
  readonly footer: { readonly left: string; readonly page: string; readonly rounding: string };
  readonly cover: {
    readonly title: string;
    readonly subtitle: string;
    readonly statusTitle: string;
    readonly status: { readonly complete: string; readonly warnings: string; readonly errors: string };
    readonly reportTitle: string;
    readonly fields: Readonly<Record<string, string>>;
    readonly methodValue: string;
    /** The value of the `stablecoinBasis` field, by rule (`unknown`, `par` with `{count}` lots). */
    readonly stablecoinBasis?: Readonly<Record<string, string>>;
    readonly documentDateValue: string;
    readonly keyFiguresTitle: string;
    readonly keyFigures: Readonly<Record<string, string>>;
    readonly inputsTitle: string;
    readonly inputs: Readonly<Record<string, string>>;
    readonly pricingTitle: string;
    readonly pricingColumns: { readonly source: string; readonly proceeds: string; readonly income: string };
    readonly qualityTitle: string;
    readonly quality: Readonly<Record<string, string>>;
    readonly disclaimer: string;
  };
  readonly priceSources: Readonly<Record<string, string>>;
  readonly lotScopes: Readonly<Record<string, string>>;
  readonly filingStatuses: Readonly<Record<string, string>>;
  readonly scheduleD: {
    readonly title: string;
    readonly intro: string;
    readonly columns: Readonly<Record<'line' | 'text' | 'proceeds' | 'costBasis' | 'adjustment' | 'gain' | 'item' | 'amount', string>>;
    readonly boxJoiner: string;
    readonly lines: readonly ScheduleDLineTemplate[];
    readonly lossTitle: string;
    readonly loss: Readonly<Record<string, string>>;
    readonly lossNote: string;
  };
  readonly form8949: { readonly none: string; readonly subtitle: string };
  readonly schedules: Readonly<Record<string, ScheduleTemplate>>;
  readonly charts: {
    readonly title: string;
    readonly intro: string;
    readonly byMonth: string;
    readonly byAsset: string;
    readonly others: string;
    readonly months: readonly string[];
    readonly empty: string;
  };
  /** The "Form 1099-DA reconciliation" section (sections/form1099da.ts). */
  readonly form1099da: {
    readonly title: string;
    readonly intro: string;
    readonly columns: Readonly<Record<
      'broker' | 'box' | 'line' | 'rows' | 'reported' | 'proceeds' | 'costBasis' | 'adjustment' | 'gain' | 'item' | 'amount' |
      'lineRef' | 'row' | 'code' | 'reason' | 'asset' | 'dateSold' | 'source' | 'wallet',
      string
    >>;
    readonly tieOutTitle: string;
    readonly tieOut: Readonly<Record<'reported' | 'notInRecords' | 'onLines' | 'higher' | 'columnD' | 'scheduleDLine', string>>;
    readonly differencesTitle: string;
    readonly differencesIntro: string;
    readonly notInRecordsTitle: string;
    readonly notInRecordsIntro: string;
    readonly notReportedTitle: string;
    readonly notReportedIntro: string;
    readonly notesTitle: string;
    readonly identification: string;
    readonly exportsCarry: string;
    /** Printed on the box I/L pages when a known broker's wallet has no 1099-DA input. */
    readonly expectedForm: string;
  };
  readonly exports: {
    readonly title: string;
    readonly intro: string;
    readonly columns: { readonly file: string; readonly what: string; readonly notes: string };
    readonly files: Readonly<Record<string, { readonly what: string; readonly notes: string }>>;
    readonly turbotaxSplit: string;
    readonly taxactLimit: string;
    readonly txfRecategorise: string;
    readonly txfMissing: string;
    /** Lines with a 1099-DA code/adjustment the TurboTax gains CSV and TXF cannot carry. */
    readonly adjustedLines: string;
  };
}

export interface Form8949ColumnTemplate extends ColumnTemplate {
  readonly id: string;
}

export interface Form8949Template {
  readonly form: string;
  readonly title: string;
  /** Boxes that exist on the form revision of a tax year (first entry whose `from` ≤ year). */
  readonly boxesByYear: readonly { readonly from: number; readonly boxes: readonly string[] }[];
  readonly parts: Readonly<Record<'short' | 'long', { readonly title: string; readonly text: string }>>;
  readonly boxes: Readonly<Record<string, string>>;
  readonly boxLabel: string;
  readonly columns: readonly Form8949ColumnTemplate[];
  readonly lineNumberHeading: string;
  readonly pageTotal: string;
  readonly boxTotal: string;
  /** Row under the box totals when line rounding moved them: the exact totals rounded once. */
  readonly exactTotal: string;
  readonly scheduleDLine: Readonly<Record<string, string>>;
  readonly unknownDate: string;
  readonly summary: {
    /** More lines than this in one box: summary line with code M plus attached statement. */
    readonly threshold: number;
    readonly code: string;
    readonly description: string;
    readonly note: string;
    readonly statementTitle: string;
    readonly statementText: string;
  };
}

/**
 * Fill `{name}` placeholders.
 * @example fill('Page {page} of {pages}', { page: 2, pages: 9 }) === 'Page 2 of 9'
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
