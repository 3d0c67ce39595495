/**
 * Coinbase `Convert` rows: one row naming both sides in Notes, or (2024+) two rows, one per side.
 *
 * Layouts seen in public samples (docs/formats.md §2.1):
 * - one row: `Convert,BTC,0.00363125,…,Converted 0.00363125 BTC to 156.145683 XRP` — the sent
 *   side is the row, the received side comes from Notes;
 * - two rows sharing an `ID`, signed (`Convert,BTC,0.00084397` / `Convert,USDC,-77.589329`, empty
 *   Notes): the negative row is the sent side;
 * - two rows at the same second, each with its own ID and both carrying the same Notes
 *   (`Converted 100 USDC to 250.12 ADA`): the row whose asset Notes name as the source is the
 *   sent side, the other the received side.
 *
 * A split Convert is one trade whose quantities come from each row's `Quantity Transacted` —
 * never from Notes, which Coinbase rounds. So the rows of one second are grouped (`convert:<time>`)
 * and paired here: first by a shared ID, then a received leg (Notes name another asset as the
 * source, or no Notes and a positive quantity) with the sent leg its Notes name (same Notes text,
 * or the one negative row). Rows left unpaired are single Converts.
 */
import { withFields } from '../../../model/copy-fields.js';
import { Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { events, reject, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { parseNumber } from '../../parse-number.js';
import { coinbaseAsset } from './cells.js';
import type { CoinbaseTxRow } from './tx-row.js';

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?|\.\d+)`;
const CONVERT_NOTES = new RegExp(String.raw`^Converted ${NUM} (\w+) to ${NUM} (\w+)`, 'i');
const num = (text: string): Dec => parseNumber(text)?.value ?? new Dec('0');

export interface ConvertNotes {
  readonly from: Quantity;
  readonly to: Quantity;
}
export function convertNotes(notes: string): ConvertNotes | undefined {
  const m = CONVERT_NOTES.exec(notes.trim());
  if (!m) return undefined;
  return {
    from: { asset: coinbaseAsset(m[2] ?? ''), amount: num(m[1] ?? '') },
    to: { asset: coinbaseAsset(m[4] ?? ''), amount: num(m[3] ?? '') },
  };
}

/** |quantity| of the row's asset, valued at quantity × price when the price is stated. */
export function marketQuantity(r: CoinbaseTxRow): Quantity {
  const amount = r.quantity.abs();
  const q = { asset: coinbaseAsset(r.asset), amount };
  const price = r.price === undefined || r.price.isZero() ? undefined : r.price.abs();
  return price && r.currency ? withFields(q, { value: { amount: amount.times(price), currency: coinbaseAsset(r.currency) } }) : q;
}

/** A row that is the received side of a split Convert (its Notes name another asset as source). */
export function isReceivedLeg(r: CoinbaseTxRow): boolean {
  const n = convertNotes(r.notes);
  if (n) return n.to.asset === coinbaseAsset(r.asset) && n.from.asset !== coinbaseAsset(r.asset);
  return r.notes.trim() === '' && r.quantity.isPositive() && !r.quantity.isZero();
}

/** The two halves of a split Convert: the negative row is the sent side, else Notes decide. */
export function pairConvert(a: CoinbaseTxRow, b: CoinbaseTxRow): RowOutcome {
  let sentRow: CoinbaseTxRow | undefined;
  if (a.quantity.isNegative() !== b.quantity.isNegative()) sentRow = a.quantity.isNegative() ? a : b;
  else {
    const from = convertNotes(a.notes)?.from.asset ?? convertNotes(b.notes)?.from.asset;
    sentRow = [a, b].find((r) => coinbaseAsset(r.asset) === from);
  }
  const receivedRow = sentRow === a ? b : a;
  if (!sentRow || coinbaseAsset(sentRow.asset) === coinbaseAsset(receivedRow.asset)) {
    return reject('ROW_INCONSISTENT', `cannot tell which side of a split Convert was sent (${a.asset}, ${b.asset}): no negative quantity and no Notes`);
  }
  const note = sentRow.notes || receivedRow.notes;
  return events({ kind: 'trade', instant: sentRow.instant, sent: marketQuantity(sentRow), received: marketQuantity(receivedRow), ...(note ? { note } : {}) });
}

/** Pairs of rows (indexes into `rows`) that are the two sides of one split Convert. */
export function convertPairs(rows: readonly CoinbaseTxRow[]): [number, number][] {
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  const take = (i: number, j: number): void => {
    used.add(i).add(j);
    pairs.push([i, j]);
  };
  // 1. two rows sharing an ID, not both self-contained single Converts
  rows.forEach((r, i) => {
    if (used.has(i) || !r.id) return;
    const same = rows.map((o, k) => (o.id === r.id && !used.has(k) ? k : -1)).filter((k) => k >= 0);
    const [x, y] = same;
    if (same.length === 2 && x !== undefined && y !== undefined && same.some((k) => isReceivedLeg(rows[k] as CoinbaseTxRow))) take(x, y);
  });
  // 2. a received leg with the sent leg its Notes (or sign) point to
  rows.forEach((r, i) => {
    if (used.has(i) || !isReceivedLeg(r)) return;
    const from = convertNotes(r.notes)?.from.asset;
    const j = rows.findIndex((o, k) => {
      if (k === i || used.has(k) || isReceivedLeg(o)) return false;
      if (from) return o.notes.trim() === r.notes.trim() && coinbaseAsset(o.asset) === from;
      return o.quantity.isNegative() && coinbaseAsset(o.asset) !== coinbaseAsset(r.asset);
    });
    if (j >= 0) take(j, i);
  });
  return pairs;
}

/** Convert rows of one second: pairs become one trade each; the rest are mapped on their own. */
export function mapConvertRows(
  rows: readonly CoinbaseTxRow[],
  mapOne: (r: CoinbaseTxRow) => RowOutcome,
  groupIndex: (i: number) => number = (i) => i,
): RowOutcome {
  const pairs = convertPairs(rows);
  const paired = new Set(pairs.flat());
  const outcomes = [
    ...pairs.map(([a, b]) => withGroupRows(pairConvert(rows[a] as CoinbaseTxRow, rows[b] as CoinbaseTxRow), [a, b].map(groupIndex))),
    ...rows.flatMap((r, i) => (paired.has(i) ? [] : [withGroupRows(mapOne(r), [groupIndex(i)])])),
  ];
  const list: EventDraft[] = [];
  for (const o of outcomes) {
    if (o.kind !== 'events') return o;
    list.push(...o.events);
  }
  return events(...list);
}

function withGroupRows(o: RowOutcome, rowsOfPair: number[]): RowOutcome {
  if (o.kind !== 'events') return o;
  return events(...o.events.map((e) => ({ ...e, groupRows: [...rowsOfPair].sort((x, y) => x - y) })));
}
