/**
 * Coinmate — transaction history (docs/formats.md §3.3; everytrade `CoinmateBeanV1`, `V2` tests and
 * `coinmate_v00*` samples), `;`-separated:
 * - v1: `ID; Date; [Account;] Type; Amount; Amount Currency; Price; Price Currency; Fee; Fee
 *   Currency; Total; Total Currency; Description; Status[; balances …]`;
 * - v2: `Transaction id; Date; Email; Name; Type; Type detail; Currency amount; Amount; Currency
 *   price; Price; Currency fee; Fee; Currency total; Total; Description; Status; …`.
 * `BUY` / `QUICK_BUY` received |Amount| and paid |Total|, which includes the fee (Total = Amount
 * × Price + Fee); `SELL` / `QUICK_SELL` gave |Amount| and got Total after the fee. `DEPOSIT` /
 * `WITHDRAWAL` move |Amount| (a withdrawal's fee in addition). Dates UTC.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type Importer, type RowOutcome } from '../../importer-spec.js';

interface Row {
  readonly date: number;
  readonly type: string;
  readonly amount: Dec;
  readonly amountCur: string;
  readonly fee: Dec | undefined;
  readonly feeCur: string;
  readonly total: Dec | undefined;
  readonly totalCur: string;
  readonly id: string;
}

function mapCoinmate(r: Row): RowOutcome {
  const t = r.type.trim().toUpperCase();
  const base = { asset: normalizeAsset(r.amountCur), amount: r.amount.abs() };
  const fee = r.fee && !r.fee.isZero() ? { asset: normalizeAsset(r.feeCur || r.totalCur), amount: r.fee.abs() } : undefined;
  const common = { instant: r.date, note: `${r.type} ${r.id}`.trim(), ...(fee ? { fee } : {}) };
  if (t === 'DEPOSIT') return events({ kind: 'deposit', received: base, ...common });
  if (t === 'WITHDRAWAL') return events({ kind: 'withdrawal', sent: base, ...common });
  const buy = t === 'BUY' || t === 'QUICK_BUY' || t === 'INSTANT_BUY';
  const sell = t === 'SELL' || t === 'QUICK_SELL' || t === 'INSTANT_SELL';
  if (!buy && !sell) return reject('ROW_UNKNOWN_TYPE', `unknown Coinmate Type "${r.type}"`);
  if (!r.total || !r.totalCur) return reject('ROW_MISSING_VALUE', 'a trade needs Total and its currency');
  const sameCur = fee !== undefined && fee.asset === normalizeAsset(r.totalCur);
  const quoteAmount = sameCur && fee ? (buy ? r.total.abs().minus(fee.amount) : r.total.abs().plus(fee.amount)) : r.total.abs();
  if (quoteAmount.isNegative()) return reject('ROW_INCONSISTENT', 'Fee exceeds Total');
  const quote = { asset: normalizeAsset(r.totalCur), amount: quoteAmount };
  return events(buy ? { kind: 'trade', sent: quote, received: base, ...common } : { kind: 'trade', sent: base, received: quote, ...common });
}

export const coinmateV1 = defineImporter({
  id: 'coinmate-transactions-v1',
  label: 'Coinmate: transaction history (ID; Date; Type; Amount; Amount Currency; Price; …; Total; Total Currency; Description; Status)',
  howToExport: 'Coinmate › History › Transaction history › Export (CSV)',
  wallet: 'coinmate',
  columns: {
    id: text('ID'),
    date: instant('Date'),
    type: text('Type'),
    amount: decimal('Amount'),
    amountCur: text('Amount Currency'),
    fee: optional(decimal('Fee')),
    feeCur: text('Fee Currency'),
    total: optional(decimal('Total')),
    totalCur: text('Total Currency'),
  },
  signature: { also: ['Price', 'Price Currency', 'Status'] },
  mapRow: (row) => mapCoinmate(row),
});

export const coinmateV2 = defineImporter({
  id: 'coinmate-transactions-v2',
  label: 'Coinmate: transaction history, 2020– (Transaction id; Date; Email; Name; Type; Type detail; Currency amount; Amount; …)',
  howToExport: 'Coinmate › History › Transaction history › Export (CSV)',
  wallet: 'coinmate',
  columns: {
    id: text(/Transaction id$/i),
    date: instant('Date'),
    detail: text('Type detail'),
    amountCur: text('Currency amount'),
    amount: decimal('Amount'),
    feeCur: text('Currency fee'),
    fee: optional(decimal('Fee')),
    totalCur: text('Currency total'),
    total: optional(decimal('Total')),
  },
  signature: { also: ['Currency price', 'Status'] },
  mapRow: (row) => mapCoinmate({ ...row, type: row.detail }),
});

export const COINMATE_IMPORTERS: readonly Importer[] = [coinmateV1, coinmateV2];
