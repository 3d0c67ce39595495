/**
 * The rows of each table schedule, by schedule id (the keys of `schedules` in report.json). A
 * source returns `undefined` when the report has no such data at all — the section is then not
 * drawn — so a schedule whose data arrives later (derivatives, liabilities: the summary.json
 * blocks of docs/contract.md) is one template entry plus one function here.
 */
import { ZERO } from '../../model/decimal.js';
import { toUsDate } from '../../model/local-date.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { roundMoney } from '../../model/rounding.js';
import { formatAmount, formatAmountText, formatQuantity, groupThousands } from './format-amount.js';
import type { PdfContext } from './pdf-context.js';
import { openLotsRows } from './open-lots-source.js';
import type { ScheduleTemplate } from './report-template.js';
import type { ScheduleSource } from './schedule-rows.js';
import type { DerivativeFigures, UsSummary } from '../../model/summary.js';
import { TAX_TREATMENT_SOURCES } from './tax-treatment-sources.js';

const label = (map: unknown, key: string): string =>
  (typeof map === 'object' && map !== null && typeof (map as Record<string, unknown>)[key] === 'string'
    ? (map as Record<string, string>)[key]
    : key) as string;

/** The typed summary of a US report (a UK report's PDF is uk-pdf.ts, which reads none of these). */
const usSummary = (ctx: PdfContext): UsSummary | undefined => (ctx.data.summary.jurisdiction === 'US' ? ctx.data.summary : undefined);

/** A contract money string (`"-12.00"`) as the PDF prints amounts. */
const contractAmount = (v: string | number): string => {
  if (typeof v === 'number') return String(v);
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
    const block = usSummary(ctx)?.derivatives;
    if (!block) return undefined;
    const items = (t.items as Record<string, string> | undefined) ?? {};
    return { rows: Object.keys(items).filter((k) => k in block).map((k) => ({ item: label(items, k), amount: contractAmount(block[k as keyof DerivativeFigures]) })) };
  },

  derivativePositions: (ctx) => {
    if (!usSummary(ctx)?.derivatives) return undefined;
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
    const list = usSummary(ctx)?.liabilities;
    if (!list) return undefined;
    return {
      rows: list.map((l) => ({
        venue: l.venue,
        asset: l.asset,
        amount: contractAmount(l.amount),
        date: /^\d{4}-\d{2}-\d{2}$/.test(l.date) ? toUsDate(l.date) : l.date,
        status: l.status,
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
