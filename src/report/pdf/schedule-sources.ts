/**
 * The rows of each table schedule, by schedule id (the keys of `schedules` in report.json). A
 * source returns `undefined` when the report has no such data at all — the section is then not
 * drawn — so a schedule whose data arrives later (derivatives, liabilities: the summary.json
 * blocks of the contract) is one template entry plus one function here.
 */
import { ZERO } from '../../model/decimal.js';
import { toUsDate } from '../../model/local-date.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { roundMoney } from '../rounding.js';
import { formatAmount, formatAmountText, formatQuantity, groupThousands } from './format-amount.js';
import type { PdfContext } from './pdf-context.js';
import { openLotsRows } from './open-lots-source.js';
import type { ColumnTemplate, ScheduleTemplate } from './report-template.js';
import { TAX_TREATMENT_SOURCES } from './tax-treatment-sources.js';

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

const label = (map: unknown, key: string): string =>
  (typeof map === 'object' && map !== null && typeof (map as Record<string, unknown>)[key] === 'string'
    ? (map as Record<string, string>)[key]
    : key) as string;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A contract money string (`"-12.00"`) as the PDF prints amounts. */
const contractAmount = (v: unknown): string => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return '';
  return v.startsWith('-') ? `(${groupThousands(v.slice(1))})` : groupThousands(v);
};

export const SCHEDULE_SOURCES: Readonly<Record<string, ScheduleSource>> = {
  ...TAX_TREATMENT_SOURCES,
  incomeSummary: (ctx, t) => {
    const f = ctx.figures;
    const kinds = Object.keys((t.kinds as Record<string, string> | undefined) ?? {});
    const order = [...kinds, ...[...f.incomeByKind.keys()].filter((k) => !kinds.includes(k)).sort()];
    const rows = order
      .filter((k) => f.incomeByKind.has(k))
      .map((k) => {
        const v = f.incomeByKind.get(k) as { count: number; value: typeof ZERO };
        return { kind: label(t.kinds, k), count: String(v.count), value: formatAmount(v.value) };
      });
    return { rows, total: { count: String(ctx.data.income.length), value: formatAmount(f.incomeTotal) } };
  },

  income: (ctx) => {
    const kinds = ctx.t.schedules.incomeSummary?.kinds;
    const rows = ctx.data.income.map((r) => ({
      date: toUsDate(r.date),
      kind: label(kinds, r.kind),
      asset: r.asset,
      quantity: formatQuantity(r.quantity),
      value: formatAmount(r.value),
      valueSource: label(ctx.t.priceSources, r.valueSource),
      wallet: r.wallet,
      source: formatSourceRef(r.source),
    }));
    return rows.length === 0 ? { rows } : { rows, total: { value: formatAmount(ctx.figures.incomeTotal) } };
  },

  missingBasis: (ctx, t) => {
    const lines = ctx.lines.filter((l) => l.slice.basisStatus !== 'known');
    const rows = lines.map((l) => ({
      line: l.ref,
      dateSold: l.shown.sold,
      asset: l.disposal.asset,
      quantity: groupThousands(l.shown.quantity),
      proceeds: formatAmountText(l.shown.proceeds),
      status: label(t.statuses, l.slice.basisStatus),
      wallet: l.disposal.wallet,
      source: formatSourceRef(l.disposal.source),
    }));
    return rows.length === 0 ? { rows } : { rows, total: { proceeds: formatAmount(ctx.figures.missingBasisProceeds) } };
  },

  openLots: openLotsRows,

  derivatives: (ctx, t) => {
    const block = ctx.data.summary.derivatives;
    if (!isRecord(block)) return undefined;
    const items = (t.items as Record<string, string> | undefined) ?? {};
    return { rows: Object.keys(items).filter((k) => k in block).map((k) => ({ item: label(items, k), amount: contractAmount(block[k]) })) };
  },

  derivativePositions: (ctx) => {
    if (!isRecord(ctx.data.summary.derivatives)) return undefined;
    let realized = ZERO;
    let fees = ZERO;
    let funding = ZERO;
    let net = ZERO;
    const rows = ctx.data.derivativesYear.lines.map((l) => {
      realized = realized.plus(roundMoney(l.totals.realizedPnl));
      fees = fees.plus(roundMoney(l.totals.fees));
      funding = funding.plus(roundMoney(l.totals.funding));
      net = net.plus(roundMoney(l.totals.net));
      const first = l.sources[0];
      return {
        contract: l.contract,
        wallet: l.wallet,
        opened: toUsDate(l.opened),
        closed: toUsDate(l.closed),
        realizedPnl: formatAmount(l.totals.realizedPnl),
        fees: formatAmount(l.totals.fees),
        funding: formatAmount(l.totals.funding),
        net: formatAmount(l.totals.net),
        liquidated: l.liquidated ? ctx.t.common.yes : ctx.t.common.no,
        // file name and line of the first row (the folder is in derivatives.csv), and how many more
        source: first ? `${first.file.split('/').pop() ?? first.file}:${first.line}${l.sources.length > 1 ? ` (+${l.sources.length - 1} more)` : ''}` : '',
      };
    });
    return rows.length === 0
      ? { rows }
      : { rows, total: { realizedPnl: formatAmount(realized), fees: formatAmount(fees), funding: formatAmount(funding), net: formatAmount(net) } };
  },

  overridesApplied: (ctx) => {
    const file = ctx.data.options.overrides?.file;
    if (!file) return undefined;
    return {
      rows: ctx.data.overridesApplied.map((a) => ({
        where: a.where, rows: a.rows.map(formatSourceRef).join(' + ') || formatSourceRef(a.at), change: a.change, from: a.from, to: a.to,
      })),
      vars: { file },
    };
  },

  liabilities: (ctx) => {
    const list = ctx.data.summary.liabilities;
    if (!Array.isArray(list)) return undefined;
    return {
      rows: list.filter(isRecord).map((l) => ({
        venue: String(l.venue ?? ''),
        asset: String(l.asset ?? ''),
        amount: contractAmount(l.amount),
        date: typeof l.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(l.date) ? toUsDate(l.date) : String(l.date ?? ''),
        status: String(l.status ?? ''),
      })),
    };
  },

  audit: (ctx, t) => {
    // Above `limit` lines the appendix prints the first `limit` and says where the rest is
    // (audit-trail.csv has every line): 100,000 lines would be 5,000 pages nobody reads, and
    // would make the PDF of a long history the slow part of the run (src/report/README.md).
    const limit = typeof t['limit'] === 'number' ? t['limit'] : Infinity;
    const shown = ctx.lines.length > limit ? ctx.lines.slice(0, limit) : ctx.lines;
    return {
      rows: auditRows(ctx, t, shown),
      ...(shown.length < ctx.lines.length
        ? { vars: { shown: groupThousands(String(shown.length)), total: groupThousands(String(ctx.lines.length)) }, note: String(t['limited'] ?? '') }
        : {}),
    };
  },
};

function auditRows(ctx: PdfContext, t: ScheduleTemplate, lines: PdfContext['lines']): Readonly<Record<string, string>>[] {
  return lines.map((l) => ({
      line: l.ref,
      description: l.description,
      dateSold: l.shown.sold,
      gain: formatAmountText(l.shown.gain),
      lotId: l.slice.lotId ?? String(t.noLot ?? ''),
      lotSource: l.slice.lotSource ? formatSourceRef(l.slice.lotSource) : '',
      disposalSource: formatSourceRef(l.disposal.source),
      proceedsSource: label(ctx.t.priceSources, l.disposal.proceedsSource),
  }));
}
