/**
 * Gifts given, donations and lost or stolen coins of the tax year, one row per lot they came from:
 * what a preparer needs for Form 709 (gifts), Form 8283 (noncash donations) and Form 4684
 * (casualty and theft losses) — date, units, basis, market value, acquisition date and holding
 * period. Pure; `gifts-donations-losses.csv` and the PDF schedule print these rows.
 * Rules and sources: src/report/README.md "Gifts, donations and lost coins".
 */
import type { RemovalRecord } from '../engine/compute-gains.js';
import { share, ZERO, type Dec } from '../model/decimal.js';
import { isLongTerm, yearOf, type LocalDate } from '../model/local-date.js';
import type { PriceSource } from '../model/money.js';
import type { SourceRef } from '../model/source-ref.js';

export type RemovalScheduleKind = 'gift' | 'donation' | 'lost';
export const REMOVAL_SCHEDULE_KINDS: readonly RemovalScheduleKind[] = ['gift', 'donation', 'lost'];

export interface RemovalRow {
  readonly date: LocalDate;
  readonly kind: RemovalScheduleKind;
  readonly wallet: string;
  readonly asset: string;
  readonly quantity: Dec;
  /** Undefined for units no lot covered. */
  readonly acquired?: LocalDate;
  /** Holding period at the removal date (for a gift: the recipient's tacked period starts there). */
  readonly term: 'short' | 'long' | 'unknown';
  readonly basis: Dec;
  /** `known`; `unknown` (a lot of unknown basis); `uncovered` (no lot at all). */
  readonly basisStatus: 'known' | 'unknown' | 'uncovered';
  /** This row's share of the removal's market value; undefined when no value is known. */
  readonly value?: Dec;
  readonly valueSource: PriceSource;
  readonly lotId?: string;
  readonly lotSource?: SourceRef;
  readonly source: SourceRef;
}

const isScheduled = (r: RemovalRecord): r is RemovalRecord & { kind: RemovalScheduleKind } =>
  (REMOVAL_SCHEDULE_KINDS as readonly string[]).includes(r.kind);

/**
 * The tax year's gifts, donations and losses, in booking order, one row per lot piece (and one
 * for uncovered units). Each row's market value is its share of the removal's value by units;
 * the last row of a removal takes what is left, so the rows add up to the removal's value exactly.
 */
export function removalRows(removals: readonly RemovalRecord[], taxYear: number): RemovalRow[] {
  const rows: RemovalRow[] = [];
  for (const r of removals) {
    if (!isScheduled(r) || yearOf(r.date) !== taxYear) continue;
    const parts: { quantity: Dec; basis: Dec; acquired?: LocalDate; status: RemovalRow['basisStatus']; lotId?: string; lotSource?: SourceRef }[] =
      r.pieces.map((p) => ({
        quantity: p.quantity, basis: p.basis, acquired: p.acquiredDate, status: p.basisKnown ? 'known' : 'unknown', lotId: p.lotId, lotSource: p.lotSource,
      }));
    if (r.uncovered.greaterThan(0)) parts.push({ quantity: r.uncovered, basis: ZERO, status: 'uncovered' });
    let valueLeft = r.value?.amount;
    parts.forEach((p, i) => {
      let value: Dec | undefined;
      if (r.value && valueLeft) {
        value = i === parts.length - 1 ? valueLeft : share(r.value.amount, p.quantity, r.quantity);
        valueLeft = valueLeft.minus(value);
      }
      rows.push({
        date: r.date,
        kind: r.kind,
        wallet: r.wallet,
        asset: r.asset,
        quantity: p.quantity,
        ...(p.acquired ? { acquired: p.acquired } : {}),
        term: p.acquired ? (isLongTerm(p.acquired, r.date) ? 'long' : 'short') : 'unknown',
        basis: p.basis,
        basisStatus: p.status,
        ...(value ? { value } : {}),
        valueSource: r.value?.source ?? 'missing',
        ...(p.lotId ? { lotId: p.lotId } : {}),
        ...(p.lotSource ? { lotSource: p.lotSource } : {}),
        source: r.source,
      });
    });
  }
  return rows;
}

export interface RemovalTotals {
  readonly count: number;
  readonly quantity: Dec;
  readonly basis: Dec;
  readonly value: Dec;
  /** Rows without a market value (no price). */
  readonly unvalued: number;
}

/** Totals of the rows by kind and, within a kind, by asset (Form 8283 groups similar items). */
export function removalTotals(rows: readonly RemovalRow[]): Map<RemovalScheduleKind, { all: RemovalTotals; byAsset: Map<string, RemovalTotals> }> {
  const out = new Map<RemovalScheduleKind, { all: RemovalTotals; byAsset: Map<string, RemovalTotals> }>();
  const add = (t: RemovalTotals | undefined, r: RemovalRow): RemovalTotals => ({
    count: (t?.count ?? 0) + 1,
    quantity: (t?.quantity ?? ZERO).plus(r.quantity),
    basis: (t?.basis ?? ZERO).plus(r.basis),
    value: (t?.value ?? ZERO).plus(r.value ?? ZERO),
    unvalued: (t?.unvalued ?? 0) + (r.value ? 0 : 1),
  });
  for (const r of rows) {
    const k = out.get(r.kind) ?? { all: add(undefined, r), byAsset: new Map() };
    if (out.has(r.kind)) k.all = add(k.all, r) as RemovalTotals;
    k.byAsset.set(r.asset, add(k.byAsset.get(r.asset), r));
    out.set(r.kind, k);
  }
  return out;
}
