/**
 * What report.html shows, as plain data (strings, already rounded as every output rounds them):
 * the diagnostics grouped by kind with the amount at risk of each, what taxlot assumed and the
 * override that would fix it; the tables. Pure.
 *
 * Amount at risk: for `MISSING_BASIS`, the proceeds of the disposal's units without a known basis;
 * for `DEPOSIT_UNMATCHED`, the proceeds of the tax year's units sold out of that deposit's lot of
 * unknown basis. Other diagnostics have no amount taxlot can state (a missing price is a value
 * taxlot does not know): their groups follow, errors before warnings before notes.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatInstant } from '../../model/local-date.js';
import { ZERO, type Dec } from '../../model/decimal.js';
import { formatSourceRef, type SourceRef } from '../../model/source-ref.js';
import type { ReportData } from '../../pipeline/compute-report.js';
import { assumption, suggestionNote, suggestOverride } from '../../diagnostics/suggest-override.js';
import type { Form8949Line } from '../form8949-lines.js';
import { formatMoney } from '../../model/rounding.js';

/** Diagnostics shown one by one (the rest are counted, and are all in diagnostics.txt). */
export const MAX_SHOWN_DIAGNOSTICS = 20_000;

export interface HtmlItem { where: string; message: string; atRisk?: string; row?: string; snippet?: string }
export interface HtmlGroup { code: string; severity: string; count: number; hint: string; assumed?: string; note?: string; atRisk?: string; items: HtmlItem[] }
export interface HtmlTable {
  id: string;
  title: string;
  columns: { label: string; num?: boolean }[];
  /** Rows in the data (the page embeds at most MAX_TABLE_ROWS of them). */
  count: number;
  rows: () => Iterable<string[]>;
}

/** Rows of one table embedded in the page; beyond, the CSV beside it has them all. */
export const MAX_TABLE_ROWS = 200_000;

function* mapped<T>(list: readonly T[], f: (t: T) => string[]): Generator<string[]> {
  const n = Math.min(list.length, MAX_TABLE_ROWS);
  for (let i = 0; i < n; i++) yield f(list[i] as T);
}

const RANK: Record<string, number> = { error: 0, warning: 1, note: 2 };

export function groupDiagnostics(data: ReportData): HtmlGroup[] {
  const risk = amountsAtRisk(data);
  const unknownLots = new Map<string, SourceRef>();
  for (const d of data.disposals) {
    const lot = d.slices.find((x) => x.basisStatus === 'unknown' && x.lotSource)?.lotSource;
    if (lot && !unknownLots.has(formatSourceRef(d.source))) unknownLots.set(formatSourceRef(d.source), lot);
  }
  const baseNames = uniqueBaseNames(data.files.map((f) => f.file));
  const byCode = new Map<string, { list: Diagnostic[]; atRisk: Dec }>();
  for (const d of data.diagnostics) {
    const g = byCode.get(d.code) ?? { list: [], atRisk: ZERO };
    g.list.push(d);
    const r = d.source ? risk.get(`${d.code}\u0000${formatSourceRef(d.source)}`) : undefined;
    if (r) g.atRisk = g.atRisk.plus(r);
    byCode.set(d.code, g);
  }
  let budget = MAX_SHOWN_DIAGNOSTICS;
  const groups = [...byCode.entries()].map(([code, g]) => {
    const first = g.list[0] as Diagnostic;
    const keyed = g.list.map((d) => ({ d, r: d.source ? risk.get(`${d.code}\u0000${formatSourceRef(d.source)}`) : undefined }));
    keyed.sort((a, b) => (b.r ?? ZERO).comparedTo(a.r ?? ZERO) || byText(where(a.d), where(b.d)) || byText(a.d.message, b.d.message));
    const shown = keyed.slice(0, Math.max(0, budget));
    budget -= shown.length;
    const items = shown.map(({ d, r }): HtmlItem => {
      const nameOf = (f: string): string => (baseNames.has(f) ? (f.split(/[\\/]/).pop() as string) : f);
      const lot = d.code === 'MISSING_BASIS' && d.source && !d.related ? unknownLots.get(formatSourceRef(d.source)) : undefined;
      // a sale out of a deposit of unknown basis: the fix is that deposit's basis, on its own row
      const snippet = lot ? { rows: [{ file: nameOf(lot.file), line: lot.line, basis: '…', acquired: 'YYYY-MM-DD' }] } : suggestOverride(d, nameOf);
      const row = d.source ? data.rowTexts.get(formatSourceRef(d.source)) : undefined;
      return {
        where: where(d),
        message: d.message,
        ...(r && !r.isZero() ? { atRisk: formatMoney(r) } : {}),
        ...(row !== undefined ? { row } : {}),
        ...(snippet ? { snippet: JSON.stringify(snippet, null, 2) } : {}),
      };
    });
    const assumed = assumption(first.code);
    const note = suggestionNote(first.code);
    return {
      code,
      severity: first.severity,
      count: g.list.length,
      hint: first.hint ?? '',
      ...(assumed ? { assumed } : {}),
      ...(note ? { note } : {}),
      ...(!g.atRisk.isZero() ? { atRisk: formatMoney(g.atRisk) } : {}),
      items,
      risk: g.atRisk,
    };
  });
  groups.sort((a, b) => b.risk.comparedTo(a.risk) || (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3) || b.count - a.count || (a.code < b.code ? -1 : 1));
  return groups.map(({ risk: _r, ...g }) => g);
}

/** Code-unit order: the same on every machine, whatever its locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function where(d: Diagnostic): string {
  return d.source ? formatSourceRef(d.source) : (d.file ?? '');
}

/** Files whose base name no other input shares: an override may name them by it. */
function uniqueBaseNames(files: readonly string[]): Set<string> {
  const count = new Map<string, number>();
  for (const f of files) count.set(f.split(/[\\/]/).pop() as string, (count.get(f.split(/[\\/]/).pop() as string) ?? 0) + 1);
  return new Set(files.filter((f) => count.get(f.split(/[\\/]/).pop() as string) === 1));
}

/** `CODE\0file:line` → amount at risk (see the module comment). */
function amountsAtRisk(data: ReportData): Map<string, Dec> {
  const out = new Map<string, Dec>();
  const add = (key: string, v: Dec): void => void out.set(key, (out.get(key) ?? ZERO).plus(v));
  for (const d of data.disposals) {
    for (const s of d.slices) {
      if (s.basisStatus === 'known') continue;
      add(`MISSING_BASIS\u0000${formatSourceRef(d.source)}`, s.proceeds);
      if (s.basisStatus === 'unknown' && s.lotSource) add(`DEPOSIT_UNMATCHED\u0000${formatSourceRef(s.lotSource)}`, s.proceeds);
    }
  }
  return out;
}

export function tables(data: ReportData, lines: readonly Form8949Line[]): HtmlTable[] {
  const m = (v: Dec): string => formatMoney(v);
  const yearEnd = new Map(data.yearEnd.lots.map((v) => [v.lot.id, v]));
  return [
    {
      id: 'form8949', title: 'Form 8949 lines',
      columns: [{ label: 'Line' }, { label: 'Description' }, { label: 'Acquired' }, { label: 'Sold' }, { label: 'Proceeds', num: true }, { label: 'Basis', num: true },
        { label: 'Adj.', num: true }, { label: 'Code' }, { label: 'Gain', num: true }, { label: 'Term' }, { label: 'Wallet' }, { label: 'Row' }, { label: 'Lot from' }],
      count: lines.length,
      rows: () => mapped(lines, (l) => [l.ref, l.description, l.acquired ?? (l.slice.basisStatus === 'uncovered' ? 'no lot' : ''), l.sold, l.shown.proceeds, l.shown.costBasis,
        l.shown.adjustment, l.code, l.shown.gain, l.term, l.disposal.wallet, formatSourceRef(l.disposal.source), l.slice.lotSource ? formatSourceRef(l.slice.lotSource) : '']),
    },
    {
      id: 'income', title: 'Income',
      columns: [{ label: 'Date' }, { label: 'Kind' }, { label: 'Asset' }, { label: 'Quantity', num: true }, { label: 'Value', num: true }, { label: 'Value from' }, { label: 'Wallet' }, { label: 'Row' }],
      count: data.income.length,
      rows: () => mapped(data.income, (r) => [r.date, r.kind, r.asset, r.quantity.toFixed(), m(r.value), r.valueSource, r.wallet, formatSourceRef(r.source)]),
    },
    {
      id: 'lots', title: `Open lots at the end of ${data.taxYear}`,
      columns: [{ label: 'Asset' }, { label: 'Wallet' }, { label: 'Quantity', num: true }, { label: 'Basis', num: true }, { label: 'Acquired' }, { label: 'Basis known' },
        { label: 'Origin' }, { label: 'Market value', num: true }, { label: 'Row' }],
      count: data.yearEndLots.length,
      rows: () => mapped(data.yearEndLots, (l) => {
        const v = yearEnd.get(l.id);
        return [l.asset, l.wallet, l.quantity.toFixed(), m(l.basis), l.acquiredDate, l.basisKnown ? 'yes' : 'no', l.origin, v?.marketValue ? m(v.marketValue) : '', formatSourceRef(l.source)];
      }),
    },
    {
      id: 'transfers', title: 'Transfers between your wallets',
      columns: [{ label: 'Time (UTC)' }, { label: 'Asset' }, { label: 'Amount', num: true }, { label: 'From' }, { label: 'To' }, { label: 'Paired by' }, { label: 'Row' }, { label: 'Other row' }],
      count: data.transfers.length,
      rows: () => mapped(data.transfers, (t) => [formatInstant(t.instant), t.asset, t.amount.toFixed(), t.from, t.to, t.matchedBy, formatSourceRef(t.source), t.counterpart ? formatSourceRef(t.counterpart) : '']),
    },
    {
      id: 'overrides', title: 'Overrides applied',
      columns: [{ label: 'Override' }, { label: 'At' }, { label: 'Rows' }, { label: 'Change' }, { label: 'From' }, { label: 'To' }],
      count: data.overridesApplied.length,
      rows: () => mapped(data.overridesApplied, (a) => [a.where, formatSourceRef(a.at), a.rows.map(formatSourceRef).join(' + '), a.change, a.from, a.to]),
    },
  ];
}
