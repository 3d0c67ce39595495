/**
 * Matching Form 1099-DA rows to the tax year's disposals (pure).
 *
 * Rows and disposals meet on (wallet, asset, date sold): the date of a disposal is its calendar
 * date in `--timezone`, a row's the date the broker printed. On one (wallet, asset, date):
 *   1. a row and a disposal of exactly the same units are a group of their own, in order;
 *   2. the rows and disposals left, when their units add up to the same total (a broker reports
 *      one row per lot it consumed, or joins several fills in one row), are cut in order into
 *      the smallest groups whose units agree, or else form one group.
 * Rows left unmatched on their date then try the day before, then the day after (a broker that
 * dates in another zone), against the disposals still unmatched there, the same way.
 * What is left: rows are not in the records (`DA_NOT_IN_RECORDS`), disposals in a wallet that has
 * rows this year are not reported (`DA_NOT_REPORTED`).
 */
import type { Dec } from '../../../model/decimal.js';
import { ZERO } from '../../../model/decimal.js';
import type { Disposal } from '../../../model/disposal.js';
import type { LocalDate } from '../../../model/local-date.js';
import type { ReportedRow } from '../../../importers/form1099da/reported-row.js';

export interface MatchGroup {
  readonly rows: readonly ReportedRow[];
  readonly disposals: readonly Disposal[];
  /** Days from the broker's date to taxlot's: 0 same day, −1 / +1 a day off. */
  readonly shift: -1 | 0 | 1;
  readonly units: Dec;
}

export interface Unmatched {
  readonly row: ReportedRow;
  readonly reason: string;
}

export interface MatchResult {
  readonly groups: readonly MatchGroup[];
  readonly notInRecords: readonly Unmatched[];
  /** Disposals in a reporting wallet that no row covers. */
  readonly notReported: readonly Disposal[];
  readonly reportingWallets: ReadonlySet<string>;
}

const keyOf = (wallet: string, asset: string, date: LocalDate): string => `${wallet}\u0000${asset}\u0000${date}`;

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const total = (items: readonly { units?: Dec; quantity?: Dec }[]): Dec =>
  items.reduce((s, x) => s.plus((x.units ?? x.quantity) as Dec), ZERO);

/** Rows in an order of their content (never of file names): units, proceeds, id, then source line. */
function compareRows(a: ReportedRow, b: ReportedRow): number {
  return (
    a.units.comparedTo(b.units) || a.proceeds.comparedTo(b.proceeds) ||
    (a.transactionId ?? '').localeCompare(b.transactionId ?? '') || a.source.line - b.source.line
  );
}

/**
 * @param disposals the tax year's disposals in the engine's order; derivative positions are not
 *   candidates (they are not digital assets on a ledger: box C/F).
 */
export function matchReported(rows: readonly ReportedRow[], disposals: readonly Disposal[]): MatchResult {
  // no form: nothing to index (a million-line history pays nothing for this)
  if (rows.length === 0) return { groups: [], notInRecords: [], notReported: [], reportingWallets: new Set() };
  const open = new Map<string, Disposal[]>();
  for (const d of disposals) {
    if (d.kind === 'derivative') continue;
    const k = keyOf(d.wallet, d.asset, d.date);
    const list = open.get(k);
    if (list) list.push(d);
    else open.set(k, [d]);
  }
  const byKey = new Map<string, ReportedRow[]>();
  for (const r of [...rows].sort(compareRows)) {
    const k = keyOf(r.wallet, r.asset, r.sold);
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  const keys = [...byKey.keys()].sort();
  const groups: MatchGroup[] = [];
  const left = new Map<string, ReportedRow[]>();
  for (const k of keys) left.set(k, matchOn(byKey.get(k) as ReportedRow[], open.get(k) ?? [], 0, groups));
  for (const shift of [-1, 1] as const) {
    for (const k of keys) {
      const rest = left.get(k) as ReportedRow[];
      if (rest.length === 0) continue;
      const r0 = rest[0] as ReportedRow;
      const other = open.get(keyOf(r0.wallet, r0.asset, addDays(r0.sold, shift)));
      left.set(k, matchOn(rest, other ?? [], shift, groups));
    }
  }
  const notInRecords: Unmatched[] = [];
  for (const k of keys) {
    for (const row of left.get(k) as ReportedRow[]) notInRecords.push({ row, reason: reasonFor(row, open) });
  }
  const reportingWallets = new Set(rows.map((r) => r.wallet));
  const matched = new Set(groups.flatMap((g) => g.disposals));
  const notReported = disposals.filter((d) => d.kind !== 'derivative' && reportingWallets.has(d.wallet) && !matched.has(d));
  return { groups, notInRecords, notReported, reportingWallets };
}

/**
 * Match `rows` (one wallet, asset and date) to `candidates` (removed from the list as they
 * match); returns the rows left.
 */
function matchOn(rows: readonly ReportedRow[], candidates: Disposal[], shift: -1 | 0 | 1, groups: MatchGroup[]): ReportedRow[] {
  const rest: ReportedRow[] = [];
  for (const row of rows) {
    const i = candidates.findIndex((d) => d.quantity.equals(row.units));
    if (i < 0) {
      rest.push(row);
      continue;
    }
    const [d] = candidates.splice(i, 1) as [Disposal];
    groups.push({ rows: [row], disposals: [d], shift, units: row.units });
  }
  if (rest.length > 0 && candidates.length > 0 && total(rest).equals(total(candidates))) {
    const parts = partition(rest, candidates);
    for (const p of parts ?? [{ rows: rest, disposals: [...candidates] }]) groups.push({ ...p, shift, units: total(p.rows) });
    candidates.splice(0);
    return [];
  }
  return rest;
}

/**
 * The rows and disposals of one day cut, in order, into the smallest groups whose units agree:
 * a sale the broker split into several rows, or several fills it joined into one, each its own
 * group, so that every row's proceeds stay with its own disposals. Rows in the order the form
 * lists them, disposals in time order. Undefined when no such cut exists (then they are one group).
 */
function partition(rows: readonly ReportedRow[], disposals: readonly Disposal[]): { rows: ReportedRow[]; disposals: Disposal[] }[] | undefined {
  const listed = [...rows].sort((a, b) => a.source.line - b.source.line || compareRows(a, b));
  const parts: { rows: ReportedRow[]; disposals: Disposal[] }[] = [];
  let i = 0;
  let j = 0;
  while (i < listed.length && j < disposals.length) {
    const part = { rows: [listed[i++] as ReportedRow], disposals: [disposals[j++] as Disposal] };
    let r = (part.rows[0] as ReportedRow).units;
    let d = (part.disposals[0] as Disposal).quantity;
    while (!r.equals(d)) {
      if (r.lessThan(d)) {
        if (i >= listed.length) return undefined;
        const next = listed[i++] as ReportedRow;
        part.rows.push(next);
        r = r.plus(next.units);
      } else {
        if (j >= disposals.length) return undefined;
        const next = disposals[j++] as Disposal;
        part.disposals.push(next);
        d = d.plus(next.quantity);
      }
    }
    parts.push(part);
  }
  return i === listed.length && j === disposals.length ? parts : undefined;
}

function reasonFor(row: ReportedRow, open: ReadonlyMap<string, Disposal[]>): string {
  const near = [-1, 0, 1].flatMap((d) => open.get(keyOf(row.wallet, row.asset, addDays(row.sold, d))) ?? []);
  if (near.length === 0) return `no disposal of ${row.asset} in wallet ${row.wallet} on ${row.sold} or a day either side`;
  return `units differ: reported ${row.units.toFixed()} ${row.asset}; unmatched disposals of ${row.asset} in ${row.wallet} within a day: ${total(near).toFixed()}`;
}
