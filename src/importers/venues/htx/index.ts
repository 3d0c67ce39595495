/**
 * HTX (formerly Huobi) — spot trade history (docs/formats.md "HTX"; everytrade `huobi_v001`
 * fixture): `Time, Type, Pair, Side, Price, Amount, Total, Fee`. `Pair` is `BASE/QUOTE`;
 * `Amount` is in the base, `Total` in the quote; `Fee` carries its coin (`0.00062920LTC`: a buy
 * pays in what it received, a sale in the quote) and leaves in addition. Dates UTC.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, decimalWithUnit, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type Importer, type RowOutcome } from '../../importer-spec.js';

export const htxTrades = defineImporter({
  id: 'htx-trades',
  label: 'HTX (Huobi): spot trade history (Time, Type, Pair, Side, Price, Amount, Total, Fee)',
  howToExport: 'HTX › Orders › Spot orders › Trade history › Export (CSV)',
  wallet: 'htx',
  columns: {
    time: instant('Time'),
    type: text('Type'),
    pair: text('Pair'),
    side: text('Side'),
    amount: decimal('Amount'),
    total: decimal('Total'),
    fee: optional(decimalWithUnit('Fee')),
  },
  signature: { also: ['Price'] },
  mapRow(row): RowOutcome {
    const [b, q] = row.pair.split('/');
    if (!b || !q) return reject('ROW_MISSING_VALUE', `cannot read Pair "${row.pair}"`);
    const base = { asset: normalizeAsset(b), amount: row.amount.abs() };
    const quote = { asset: normalizeAsset(q), amount: row.total.abs() };
    const side = row.side.toLowerCase();
    const feeAsset = row.fee?.unit ? normalizeAsset(row.fee.unit) : side === 'buy' ? base.asset : quote.asset;
    const fee = row.fee && !row.fee.value.isZero() ? { fee: { asset: feeAsset, amount: row.fee.value.abs() } } : {};
    const common = { instant: row.time, note: `${row.type} ${row.pair}`, ...fee };
    if (side === 'buy') return events({ kind: 'trade', sent: quote, received: base, ...common });
    if (side === 'sell') return events({ kind: 'trade', sent: base, received: quote, ...common });
    return reject('ROW_UNKNOWN_TYPE', `unknown HTX Side "${row.side}"`);
  },
});

export const HTX_IMPORTERS: readonly Importer[] = [htxTrades];
