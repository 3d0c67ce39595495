/**
 * Binance Convert history: `Date,Pair,Type,Sell,Buy,Price,Inverse Price,Date Updated,Status`, with a
 * `Wallet` column (`SPOT`/`FUNDING`) in later versions (docs/formats.md §2.3), and the newer naming
 * with `Time` for `Date`.
 *
 * Mapping: a `Successful` row is one trade: sent = `Sell` (`124.6 BUSD`), received = `Buy`; no fee
 * column exists (Binance's spread is inside the price). `Type` (Market/Limit/Instant) does not
 * change the meaning. Decision (docs silent): the instant is `Date Updated` when present — the
 * moment the order filled, which for limit orders can be hours after `Date` (creation), and which
 * matches the transaction-history rows to the second; `Date` otherwise. Zone as in `deposits.ts`.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimalWithUnit, ifPresent, instant, optional, text } from '../../columns.js';
import { zoneInText } from '../../parse-instant.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';

const NOT_FILLED = new Set(['failed', 'expired', 'cancelled', 'canceled', 'processing', 'pending']);

export const binanceConvert = defineImporter({
  id: 'binance-convert',
  label: 'Binance Convert history (Pair, Type, Sell, Buy, Price, Inverse Price, Date Updated, Status)',
  howToExport: 'Binance › Orders › Convert History (or Trade › Convert › History) › Export',
  wallet: 'binance',
  // the `Time` naming states its zone only in the file name Binance gives it: `…(UTC+1).csv`
  zoneFrom: (file) => zoneInText(file.name),
  columns: {
    date: instant(['Date', 'Time', /^Date\(UTC([+-]\d{1,2}(:?\d{2})?)?\)$/i]),
    wallet: ifPresent(text('Wallet')),
    pair: text('Pair'),
    type: text('Type'),
    sell: decimalWithUnit('Sell'),
    buy: decimalWithUnit('Buy'),
    price: text('Price'),
    inversePrice: text('Inverse Price'),
    updated: optional(instant('Date Updated')),
    status: text('Status'),
  },
  mapRow(row): RowOutcome {
    const status = row.status.toLowerCase();
    if (NOT_FILLED.has(status)) return skip(`convert order not filled (status ${row.status})`);
    if (status !== 'successful' && status !== 'success' && status !== 'completed') {
      return reject('ROW_UNKNOWN_TYPE', `unknown convert status "${row.status}"`);
    }
    const side = (cell: { value: Dec; unit?: string }, column: string): Quantity | string => {
      if (!cell.unit) return `${column} "${cell.value.toFixed()}" names no asset`;
      if (!cell.value.isPositive()) return `${column} ${cell.value.toFixed()} ${cell.unit} is not positive`;
      return { asset: normalizeAsset(cell.unit), amount: cell.value };
    };
    const sent = side(row.sell, 'Sell');
    const received = side(row.buy, 'Buy');
    if (typeof sent === 'string') return reject('ROW_INCONSISTENT', sent);
    if (typeof received === 'string') return reject('ROW_INCONSISTENT', received);
    return events({ kind: 'trade', instant: row.updated ?? row.date, sent, received });
  },
});
