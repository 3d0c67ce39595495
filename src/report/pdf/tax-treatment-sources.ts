/**
 * The PDF schedules of the tax treatment a preparer must act on outside Form 8949 (issue #16):
 * gifts, donations and lost coins (`removals`), the 2025-01-01 allocation of lots to wallets
 * (`lotAllocation`), and the notes for the preparer (`preparerNotes`: overdrafts, standing orders,
 * investment interest, business income). Texts and sources are in the template (report.json);
 * the rules behind them in src/report/README.md.
 */
import { countOfCode } from '../../diagnostics/diagnostic.js';
import { ZERO, type Dec } from '../../model/decimal.js';
import { toUsDate, yearOf } from '../../model/local-date.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { allocationForYear } from '../allocation.js';
import { removalRows, removalTotals, REMOVAL_SCHEDULE_KINDS } from '../removals.js';
import { roundMoney } from '../../model/rounding.js';
import { formatAmount, formatQuantity, groupThousands } from './format-amount.js';
import type { PdfContext } from './pdf-context.js';
import { fill, type ScheduleTemplate } from './report-template.js';
import type { ScheduleRows, ScheduleSource } from './schedule-rows.js';

type Texts = Readonly<Record<string, string>>;
const texts = (t: ScheduleTemplate, key: string): Texts => (t[key] ?? {}) as Texts;
const text = (map: Texts, key: string, vars: Readonly<Record<string, string | number>> = {}): string => fill(map[key] ?? '', vars);
const money = (d: Dec): string => formatAmount(d);
const count = (n: number): string => groupThousands(String(n));

function removals(ctx: PdfContext, t: ScheduleTemplate): ScheduleRows {
  const year = ctx.data.taxYear;
  const currency = ctx.data.options.currency;
  const rows = removalRows(ctx.data.gains.removals, year);
  if (rows.length === 0) return { rows: [] };
  const kinds = texts(t, 'kinds');
  const terms = texts(t, 'terms');
  const statuses = texts(t, 'statuses');
  const notes = texts(t, 'notes');
  let basis = ZERO;
  let value = ZERO;
  const shown = rows.map((r) => {
    basis = basis.plus(roundMoney(r.basis));
    value = value.plus(roundMoney(r.value ?? ZERO));
    return {
      date: toUsDate(r.date),
      kind: kinds[r.kind] ?? r.kind,
      asset: r.asset,
      quantity: formatQuantity(r.quantity),
      acquired: r.acquired ? toUsDate(r.acquired) : '',
      term: terms[r.term] ?? r.term,
      basis: r.basisStatus === 'known' ? money(r.basis) : (statuses[r.basisStatus] ?? r.basisStatus),
      value: r.value ? money(r.value) : '',
      wallet: r.wallet,
      source: formatSourceRef(r.source),
    };
  });
  const totals = removalTotals(rows);
  const out: string[] = [];
  const exclusion = (texts(t, 'annualExclusion')[String(year)] ?? '') as string;
  for (const kind of REMOVAL_SCHEDULE_KINDS) {
    const k = totals.get(kind);
    if (!k) continue;
    const vars = { year, currency, total: money(k.all.value), basis: money(k.all.basis), exclusion: exclusion ? groupThousands(exclusion) : '' };
    out.push(text(notes, kind, vars));
    if (kind === 'gift') {
      if (!exclusion) out.push(text(notes, 'giftNoExclusion', vars));
      else if (k.all.value.greaterThan(exclusion)) out.push(text(notes, 'giftOverExclusion', vars));
    }
    if (kind === 'donation') {
      for (const [asset, a] of [...k.byAsset].sort(([x], [y]) => (x < y ? -1 : 1))) {
        if (a.value.greaterThan(5000)) out.push(text(notes, 'donationAppraisal', { ...vars, asset, value: money(a.value) }));
      }
    }
  }
  const unvalued = rows.filter((r) => !r.value).length;
  if (unvalued > 0) out.push(text(notes, 'unvalued', { count: count(unvalued) }));
  return { rows: shown, total: { basis: money(basis), value: money(value) }, notes: out };
}

function lotAllocation(ctx: PdfContext, t: ScheduleTemplate): ScheduleRows | undefined {
  const view = allocationForYear(ctx.data.gains.allocation, ctx.data.taxYear);
  if (!view || view.rows.length === 0) return undefined;
  const limit = typeof t['limit'] === 'number' ? t['limit'] : Infinity;
  // moved lots first (what the rule changed), then the others, each in the engine's order
  const ordered = [...view.rows.filter((r) => r.from !== undefined), ...view.rows.filter((r) => r.from === undefined)];
  const shown = ordered.slice(0, limit);
  const c = ctx.t.common;
  const notes = texts(t, 'notes');
  const vars = { date: toUsDate(view.date), lots: count(view.rows.length), moved: count(view.moved), shown: count(shown.length) };
  const out = [text(notes, 'rule', vars), text(notes, view.moved > 0 ? 'moved' : 'noneMoved', vars), text(notes, 'records', vars)];
  if (shown.length < ordered.length) out.push(text(notes, 'limited', vars));
  return {
    rows: shown.map(({ lot, from }) => ({
      asset: lot.asset,
      wallet: lot.wallet,
      quantity: formatQuantity(lot.quantity),
      basis: money(lot.basis),
      acquired: toUsDate(lot.acquiredDate),
      basisKnown: lot.basisKnown ? c.yes : c.no,
      from: from ?? '',
      lotId: lot.id,
    })),
    vars: { date: toUsDate(view.date) },
    notes: out,
  };
}

function preparerNotes(ctx: PdfContext, t: ScheduleTemplate): ScheduleRows | undefined {
  const { data } = ctx;
  const year = data.taxYear;
  const currency = data.options.currency;
  const notes = texts(t, 'notes');
  const out: string[] = [];
  const overdrafts = data.gains.overdrafts.filter((o) => yearOf(o.date) <= year);
  if (overdrafts.length > 0) {
    const units = new Map<string, Dec>();
    for (const o of overdrafts) units.set(o.asset, (units.get(o.asset) ?? ZERO).plus(o.quantity));
    const list = [...units].sort(([a], [b]) => (a < b ? -1 : 1)).map(([asset, q]) => `${formatQuantity(q)} ${asset}`).join(', ');
    out.push(text(notes, 'overdrafts', { count: count(overdrafts.length), units: list }));
  }
  // a method schedule (`--method fifo,hifo:2025`) counts when any of its methods is not FIFO
  const schedule = data.options.methodSchedule ?? [{ method: data.options.method }];
  const specific = [...new Set(schedule.map((c) => c.method).filter((m) => m !== 'FIFO'))];
  if (specific.length > 0) out.push(text(notes, 'standingOrder', { method: specific.join(' / ') }));
  const interest = data.derivativesYear.totals.interest;
  const marginFees = data.disposals.filter((d) => d.kind === 'spend' && d.counterpart === 'margin-fee').reduce((s, d) => s.plus(d.proceeds), ZERO);
  if (!interest.isZero() || !marginFees.isZero()) {
    out.push(text(notes, 'investmentInterest', { year, currency, interest: money(interest), marginFees: money(marginFees) }));
  }
  const business = data.options.incomeAsBusiness;
  if (business && business.length > 0) {
    const kinds = (ctx.t.schedules['incomeSummary']?.['kinds'] ?? {}) as Texts;
    const total = data.income.filter((r) => business.includes(r.kind)).reduce((s, r) => s.plus(r.value), ZERO);
    const all = data.income.reduce((s, r) => s.plus(r.value), ZERO);
    out.push(text(notes, 'business', {
      kinds: business.map((k) => kinds[k] ?? k).join(', '),
      total: money(total),
      rest: money(all.minus(total)),
      currency,
    }));
  }
  // --stablecoin-basis par: what was assumed, for how many lots, and what it does not prove
  const par = countOfCode(data.gains.diagnostics, 'STABLECOIN_PAR_BASIS');
  if (par > 0) out.push(text(notes, 'stablecoinPar', { count: count(par) }));
  if (overdrafts.length === 0 && out.length === 0) return undefined;
  return {
    rows: overdrafts.map((o) => ({
      date: toUsDate(o.date),
      asset: o.asset,
      quantity: formatQuantity(o.quantity),
      from: o.from,
      held: formatQuantity(o.held),
      to: o.to,
      source: formatSourceRef(o.source),
    })),
    notes: out,
  };
}

export const TAX_TREATMENT_SOURCES: Readonly<Record<string, ScheduleSource>> = { removals, lotAllocation, preparerNotes };
