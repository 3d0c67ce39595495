/**
 * bitFlyer — trade history (docs/formats.md "bitFlyer"; everytrade `bitflyer_v001` fixture), `;`
 * separated: `Trade Date; Product; Trade Type; Traded Price; Currency 1; Amount (Currency 1);
 * Fee; USD Rate (Currency); Currency 2; Amount (Currency 2); Order ID; Details`. Amounts are
 * signed from the account's side (a `Buy` of LTC/USD: +LTC, −USD); the fee is in Currency 1
 * and leaves in addition. `Deposit` / `Withdrawal` rows move Currency 1 in / out. Dates `2020/09/29 17:55:30`, UTC.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type Importer, type RowOutcome } from '../../importer-spec.js';

export const bitflyerTrades = defineImporter({
  id: 'bitflyer-trades',
  label: 'bitFlyer: trade history (Trade Date; Product; Trade Type; Traded Price; Currency 1; Amount (Currency 1); …)',
  howToExport: 'bitFlyer › Account › Trade history › Download (CSV)',
  wallet: 'bitflyer',
  columns: {
    date: instant('Trade Date', { order: 'ymd' }),
    type: text('Trade Type'),
    cur1: text('Currency 1'),
    amount1: decimal('Amount (Currency 1)'),
    fee: optional(decimal('Fee')),
    cur2: text('Currency 2'),
    amount2: decimal('Amount (Currency 2)'),
    order: text('Order ID'),
  },
  signature: { also: ['Product', 'Traded Price'] },
  mapRow(row): RowOutcome {
    const a = { asset: normalizeAsset(row.cur1), amount: row.amount1.abs() };
    const b = { asset: normalizeAsset(row.cur2), amount: row.amount2.abs() };
    const fee = row.fee && !row.fee.isZero() ? { fee: { asset: a.asset, amount: row.fee.abs() } } : {};
    const base = { instant: row.date, note: `order ${row.order}`, ...fee };
    const t = row.type.toLowerCase();
    if ((t === 'deposit' || t === 'withdrawal') && !a.amount.isZero()) {
      return events(t === 'deposit' ? { kind: 'deposit', received: a, ...base } : { kind: 'withdrawal', sent: a, ...base });
    }
    if (a.amount.isZero() || b.amount.isZero()) return reject('ROW_MISSING_VALUE', 'an amount is 0');
    if (t === 'buy') return events({ kind: 'trade', sent: b, received: a, ...base });
    if (t === 'sell') return events({ kind: 'trade', sent: a, received: b, ...base });
    return reject('ROW_UNKNOWN_TYPE', `unknown bitFlyer Trade Type "${row.type}"`);
  },
});

export const BITFLYER_IMPORTERS: readonly Importer[] = [bitflyerTrades];
