/**
 * Applying the overrides file to the imported events, between import and booking (pure). Each
 * override names a row (README "Overrides file"); what it changes is recorded as an
 * `AppliedOverride` (overrides-applied.csv, the PDF and report.html list them) and as an
 * `OVERRIDE_APPLIED` note, so nothing an override does is silent.
 *
 * Row accounting stays `rows = imported + skipped + rejected`: an ignored row moves from imported
 * (or rejected) to skipped; a rejected row given its meaning moves from rejected to imported, and
 * the error that rejected it is replaced by the note saying which override resolved it.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileImport } from '../importers/import-file.js';
import { toTransfer } from '../engine/match-transfers.js';
import type { DepositEvent, LedgerEvent, WithdrawalEvent } from '../model/ledger-event.js';
import { formatSourceRef, type SourceRef } from '../model/source-ref.js';
import { describeRef, type Overrides, type Place, type RowOverride, type RowRef } from './overrides.js';
import { describeMeaning, relabel } from './relabel-event.js';
import { RowIndex, type FoundRow } from './row-index.js';

export interface AppliedOverride {
  /** `rows[2]`, `transfers[0]` */
  readonly where: string;
  /** The overrides file and the entry's line in it. */
  readonly at: SourceRef;
  /** The row(s) changed, `coinbase.csv:14`. */
  readonly rows: readonly SourceRef[];
  readonly change: 'relabel' | 'value' | 'basis' | 'ignore' | 'meaning' | 'transfer' | 'unpair' | 'allocation';
  readonly from: string;
  readonly to: string;
}

export interface OverridesApplied {
  readonly files: FileImport[];
  /** Events the transfer matcher must not pair again (relabelled, paired or unpaired by the user). */
  readonly pinned: ReadonlySet<LedgerEvent>;
  readonly applied: AppliedOverride[];
  readonly diagnostics: Diagnostic[];
}

export interface ApplyContext {
  readonly currency: string;
  readonly timezone: string;
  /** The wallet of a recognised input file (for a rejected row given its meaning). */
  readonly walletOf: (file: string) => string | undefined;
  /** A rejected row read again with one cell emptied at a time (pipeline/read-row-again.ts). */
  readonly readAgain?: (file: string, line: number, messages: readonly string[]) => readonly (readonly LedgerEvent[])[];
}

export function applyOverrides(files: readonly FileImport[], overrides: Overrides, ctx: ApplyContext): OverridesApplied {
  const index = new RowIndex(files);
  const applied: AppliedOverride[] = [];
  const diagnostics: Diagnostic[] = [];
  const pinned = new Set<LedgerEvent>();
  const placeOf = (p: Place): SourceRef => ({ file: overrides.file, line: p.at, format: 'overrides' });
  const invalid = (p: Place, message: string): void => void diagnostics.push(diagnostic('OVERRIDES_INVALID', `${p.where}: ${message}`, placeOf(p)));
  const record = (a: AppliedOverride, resolved: string[] = []): void => {
    applied.push(a);
    const also = resolved.length > 0 ? `; resolves ${resolved.join(', ')}` : '';
    diagnostics.push(diagnostic('OVERRIDE_APPLIED', `${a.where} on ${a.rows.map(formatSourceRef).join(' + ')}: ${a.from} → ${a.to}${also}`, a.at));
  };
  /** The one row a reference names, or a diagnostic (no row: warning; several: error). */
  const find = (p: Place, ref: RowRef): FoundRow | undefined => {
    const found = index.find(ref);
    if (found.kind === 'none') {
      diagnostics.push(diagnostic('OVERRIDE_UNMATCHED', `${p.where}: ${found.why} (${describeRef(ref)}); the override has no effect`, placeOf(p)));
      return undefined;
    }
    if (found.kind === 'many') return void invalid(p, `${describeRef(ref)} names ${found.rows.length} rows (${found.rows.map(formatSourceRef).join(', ')}); name one by "file" and "line"`);
    return found.row;
  };

  for (const o of overrides.rows) {
    const row = find(o, o.ref);
    if (!row) continue;
    if (o.ignore !== undefined) ignoreRow(o, row);
    else if (row.status === 'rejected') giveMeaning(o, row);
    else if (row.status === 'skipped') invalid(o, `${formatSourceRef(row.ref)} is a row taxlot already skips (${row.why}); nothing to change`);
    else changeRow(o, row);
  }
  for (const t of overrides.transfers) {
    const from = find(t, t.from);
    const to = find(t, t.to);
    if (!from || !to) continue;
    const w = single(from);
    const d = single(to);
    if (!w || w.kind !== 'withdrawal') {
      invalid(t, `"from" ${formatSourceRef(from.ref)} must be one withdrawal; it is ${w ? `a ${describeMeaning(w)}` : `${from.events.length} events or a ${from.status} row`}`);
      continue;
    }
    if (!d || d.kind !== 'deposit') {
      invalid(t, `"to" ${formatSourceRef(to.ref)} must be one deposit; it is ${d ? `a ${describeMeaning(d)}` : `${to.events.length} events or a ${to.status} row`}`);
      continue;
    }
    const problem = pairProblem(w, d);
    if (problem) {
      invalid(t, problem);
      continue;
    }
    const transfer = toTransfer(w, d, 'stated');
    index.replace(from.file, w, transfer);
    index.replace(to.file, d, []);
    for (const e of transfer) pinned.add(e);
    record({ where: t.where, at: placeOf(t), rows: [w.source, d.source], change: 'transfer', from: `${describeMeaning(w)} + ${describeMeaning(d)}`, to: describeMeaning(transfer[0] as LedgerEvent) }, ['WITHDRAWAL_UNMATCHED', 'DEPOSIT_UNMATCHED']);
  }
  for (const u of overrides.unpair) {
    const row = find(u, u.ref);
    if (!row) continue;
    const e = single(row);
    if (!e || (e.kind !== 'deposit' && e.kind !== 'withdrawal')) {
      invalid(u, `${formatSourceRef(row.ref)} is not one deposit or withdrawal: nothing to unpair`);
      continue;
    }
    pinned.add(e);
    record({ where: u.where, at: placeOf(u), rows: [e.source], change: 'unpair', from: `${describeMeaning(e)}, may be paired`, to: 'left unpaired' });
  }
  return { files: index.files(), pinned, applied, diagnostics };

  function single(row: FoundRow): LedgerEvent | undefined {
    return row.status === 'imported' && row.events.length === 1 ? row.events[0] : undefined;
  }

  function ignoreRow(o: RowOverride, row: FoundRow): void {
    if (row.status === 'skipped') {
      // already without effect (a duplicate of an overlapping export, say): nothing changes, but it is said
      return record({ where: o.where, at: placeOf(o), rows: [row.ref], change: 'ignore', from: `skipped (${row.why})`, to: `skipped: ${o.ignore as string}` });
    }
    const grouped = row.events.find((e) => (e.extraSources?.length ?? 0) > 0);
    if (grouped) return invalid(o, `${formatSourceRef(row.ref)} is one of the rows ${[grouped.source, ...(grouped.extraSources ?? [])].map(formatSourceRef).join(', ')} read as one event; ignore each of them`);
    const from = row.status === 'rejected' ? `rejected row (${row.errors.map((d) => d.code).join(', ')})` : row.events.map(describeMeaning).join(' + ');
    const resolved = index.skip(row, o.ignore as string);
    record({ where: o.where, at: placeOf(o), rows: [row.ref], change: 'ignore', from, to: `skipped: ${o.ignore}` }, resolved);
  }

  function giveMeaning(o: RowOverride, row: FoundRow): void {
    if (!o.stated && o.as) {
      // the row read again without the cell taxlot did not know: its units, date and value
      for (const events of ctx.readAgain?.(row.file, row.ref.line, row.errors.map((d) => d.message)) ?? []) {
        if (events.length !== 1) continue;
        const event = relabel(events[0] as LedgerEvent, o, ctx.currency, ctx.timezone);
        if (typeof event === 'string') continue;
        const resolved = index.admit(row, event);
        pinned.add(event);
        record({ where: o.where, at: placeOf(o), rows: [row.ref], change: 'meaning', from: `rejected row (${resolved.join(', ')})`, to: describeMeaning(event) }, resolved);
        return;
      }
    }
    if (!o.stated || !o.as) return invalid(o, `${formatSourceRef(row.ref)} was rejected (${row.errors.map((d) => d.code).join(', ')}) and cannot be read as a row of that meaning: state what it was with "as", "asset", "amount" and "date" (or "ignore" it)`);
    const wallet = ctx.walletOf(row.file);
    if (wallet === undefined) return invalid(o, `${row.file} is not in a format taxlot read: its rows cannot be given a meaning`);
    const source: SourceRef = { file: row.file, line: row.ref.line, format: row.format ?? 'overrides' };
    const s = o.stated;
    const base = { id: formatSourceRef(source), wallet, instant: s.instant, source };
    const raw: LedgerEvent = s.direction === 'in'
      ? ({ ...base, kind: 'deposit', received: { asset: s.asset, amount: s.amount } } satisfies DepositEvent)
      : ({ ...base, kind: 'withdrawal', sent: { asset: s.asset, amount: s.amount } } satisfies WithdrawalEvent);
    const event = relabel(raw, o, ctx.currency, ctx.timezone);
    if (typeof event === 'string') return invalid(o, event);
    const resolved = index.admit(row, event);
    pinned.add(event);
    record({ where: o.where, at: placeOf(o), rows: [row.ref], change: 'meaning', from: `rejected row (${resolved.join(', ')})`, to: describeMeaning(event) }, resolved);
  }

  function changeRow(o: RowOverride, row: FoundRow): void {
    const e = single(row);
    if (!e) return invalid(o, `${formatSourceRef(row.ref)} became ${row.events.length} events (${row.events.map(describeMeaning).join('; ')}); an override changes a row read as one event`);
    const next = relabel(e, o, ctx.currency, ctx.timezone);
    if (typeof next === 'string') return invalid(o, next);
    index.replace(row.file, e, [next]);
    pinned.add(next);
    const change = o.as ? 'relabel' : o.basis ? 'basis' : 'value';
    const valued = o.value !== undefined || o.price !== undefined;
    const resolved = e.kind === 'deposit' ? ['DEPOSIT_UNMATCHED'] : e.kind === 'withdrawal' ? ['WITHDRAWAL_UNMATCHED'] : [];
    if (valued) resolved.push('PRICE_MISSING');
    record({ where: o.where, at: placeOf(o), rows: [e.source], change, from: describeMeaning(e), to: describeMeaning(next) }, o.as || o.basis ? resolved : valued ? ['PRICE_MISSING'] : []);
  }
}

/** Why a withdrawal and a deposit cannot be one transfer, or undefined. */
function pairProblem(w: WithdrawalEvent, d: DepositEvent): string | undefined {
  if (w.sent.asset !== d.received.asset) return `the withdrawal is of ${w.sent.asset} and the deposit of ${d.received.asset}`;
  if (w.wallet === d.wallet) return `both rows are in wallet ${w.wallet}: a transfer is between two wallets`;
  if (d.received.amount.greaterThan(w.sent.amount)) return `${d.received.amount.toFixed()} ${d.received.asset} arrived but only ${w.sent.amount.toFixed()} left`;
  if (d.instant < w.instant - 86_400_000) return `the deposit is dated more than a day before the withdrawal`;
  return undefined;
}
