/**
 * Poloniex — trade history (docs/formats.md "Poloniex"; everytrade `PoloniexBeanV1..3` tests, BittyTax
 * `poloniex.py`): `Date, Market, Category, Type, Price, Amount, Total, Fee, Order Number, Base
 * Total Less Fee, Quote Total Less Fee[, Fee Currency, Fee Total]`. `Market` is `ASSET/BASE`
 * (`LTC/BTC`); `Amount` is in the asset, `Total` in the base; `Fee` is a percentage. The two
 * "less fee" columns state what really moved (signed): a `Buy` paid |Base Total Less Fee| and
 * got `Amount` with the fee taken in the asset (Amount − Quote Total Less Fee); a `Sell` gave
 * `Amount` and got `Total` with the fee taken in the base (Total − Base Total Less Fee).
 * Margin categories are rejected (not spot). Dates are UTC.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, text } from '../../columns.js';
import { defineImporter, events, reject, type Importer, type RowOutcome } from '../../importer-spec.js';

export const poloniexTrades = defineImporter({
  id: 'poloniex-trades',
  label: 'Poloniex: trade history (Date, Market, Category, Type, Price, Amount, Total, Fee, …, Quote Total Less Fee)',
  howToExport: 'Poloniex › Orders › Trade history › Export (CSV)',
  wallet: 'poloniex',
  columns: {
    date: instant('Date'),
    market: text('Market'),
    category: text('Category'),
    type: text('Type'),
    amount: decimal('Amount'),
    total: decimal('Total'),
    order: text('Order Number'),
    baseLessFee: decimal('Base Total Less Fee'),
    quoteLessFee: decimal('Quote Total Less Fee'),
  },
  signature: { also: ['Price', 'Fee'] },
  mapRow(row): RowOutcome {
    const [assetCode, baseCode] = row.market.split('/');
    if (!assetCode || !baseCode) return reject('ROW_MISSING_VALUE', `cannot read Market "${row.market}" (ASSET/BASE)`);
    if (row.category.toLowerCase() !== 'exchange') return reject('ROW_UNSUPPORTED', `Poloniex ${row.category} trade: only spot (Exchange) trades are read`);
    const asset = normalizeAsset(assetCode);
    const base = normalizeAsset(baseCode);
    const note = `order ${row.order}`;
    const side = row.type.toLowerCase();
    if (side === 'buy') {
      const fee = row.amount.abs().minus(row.quoteLessFee.abs());
      if (fee.isNegative()) return reject('ROW_INCONSISTENT', 'Quote Total Less Fee exceeds Amount');
      return events({ kind: 'trade', sent: { asset: base, amount: row.baseLessFee.abs() }, received: { asset, amount: row.amount.abs() }, ...(fee.isZero() ? {} : { fee: { asset, amount: fee } }), instant: row.date, note });
    }
    if (side === 'sell') {
      const fee = row.total.abs().minus(row.baseLessFee.abs());
      if (fee.isNegative()) return reject('ROW_INCONSISTENT', 'Base Total Less Fee exceeds Total');
      return events({ kind: 'trade', sent: { asset, amount: row.amount.abs() }, received: { asset: base, amount: row.total.abs() }, ...(fee.isZero() ? {} : { fee: { asset: base, amount: fee } }), instant: row.date, note });
    }
    return reject('ROW_UNKNOWN_TYPE', `unknown Poloniex Type "${row.type}"`);
  },
});

export const POLONIEX_IMPORTERS: readonly Importer[] = [poloniexTrades];
