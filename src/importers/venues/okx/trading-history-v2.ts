/**
 * OKX trading account history, older layout read by BittyTax (`parse_okx_trades_v2`; docs/formats.md §2.9).
 *
 * Menu: OKX › Assets › Bills › Trading account › Download (2022–23 site).
 * Header: `id,Order id,Time,Trade Type,Instrument,Type,Amount,Unit,PL,Fee,Position Change,
 * Position Balance,Balance Change,Balance,Unit` — `Unit` appears twice.
 *
 * Mapping (as BittyTax): a spot fill is a `Buy` row (received: `Amount`, fee `|Fee|` in the same
 * unit) and a `Sell` row (sent: `Amount`) with the same `Order id` and `Time`. `Transfer` → skipped;
 * `Perpetual`/`Swap`/`Futures` rows → derivative events (`derivative-rows.ts`, `Type` is the
 * action, `PL` the PnL); `Margin`/`Options` → ROW_UNSUPPORTED. Times: UTC+8 as the other OKX
 * statements (common.ts).
 *
 * Driver gap: BittyTax reads the *last* `Unit` (balance unit); our column binding takes the first
 * header that matches, so the first `Unit` is read. It is accepted only when the two legs carry
 * the two different assets of `Instrument` (`BTC-USDT`); otherwise the fill is rejected naming the
 * units, never guessed.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { zoneInText } from '../../parse-instant.js';
import { defineImporter, events, reject, skip } from '../../importer-spec.js';
import { nonSpot, OKX_ZONE } from './common.js';
import { mapOkxDerivativeRow, OKX_DERIVATIVE_TYPES } from './derivative-rows.js';

export const okxTradingHistoryV2 = defineImporter({
  id: 'okx-trading-history-v2',
  label: 'OKX trading account history (older `Instrument,Type,Amount,Unit,PL,…` layout)',
  howToExport: 'OKX › Assets › Bills › Trading account › Download (older site; times in UTC+8 unless --input-timezone)',
  wallet: 'okx',
  zone: OKX_ZONE,
  // the preamble states the zone chosen at export: `…,Time Zone:UTC+8`
  zoneFrom: (file) => file.preamble.map(zoneInText).find((z) => z !== undefined),
  columns: {
    orderId: text('Order id'),
    time: instant('Time'),
    tradeType: text('Trade Type'),
    instrument: text('Instrument'),
    type: text('Type'),
    amount: optional(decimal('Amount')),
    unit: text('Unit'),
    pl: optional(decimal('PL')),
    fee: optional(decimal('Fee')),
    positionBalance: optional(decimal('Position Balance')),
    change: optional(decimal('Balance Change')),
    balance: optional(decimal('Balance')),
  },
  signature: { also: ['PL', 'Position Change', 'Position Balance', 'Balance Change', 'Balance'] },
  groupKey: (row) => (row.tradeType.toLowerCase() === 'spot' ? `${row.orderId}|${row.time}` : undefined),
  mapGroup(rows) {
    const first = rows[0];
    if (!first) return skip('empty group');
    if (first.tradeType.toLowerCase() === 'transfer') return skip('OKX transfer between own accounts (funding ↔ trading)');
    if (OKX_DERIVATIVE_TYPES.has(first.tradeType.trim().toLowerCase())) {
      // Driver gap (header note): the first `Unit` is bound; on derivative rows both name the settlement asset.
      return mapOkxDerivativeRow({ ...first, action: first.type, pnl: first.pl, balanceChange: first.change });
    }
    const other = nonSpot(first.tradeType, first.instrument);
    if (other) return other;
    const unknown = rows.find((r) => r.type !== 'Buy' && r.type !== 'Sell');
    if (unknown) return reject('ROW_UNKNOWN_TYPE', `unknown OKX spot type "${unknown.type}"`);
    const buys = rows.filter((r) => r.type === 'Buy');
    const sells = rows.filter((r) => r.type === 'Sell');
    const [buy, sell] = [buys[0], sells[0]];
    const where = `OKX spot fill ${first.instrument} (order ${first.orderId})`;
    if (buys.length !== 1 || sells.length !== 1 || !buy || !sell) {
      return reject('ROW_INCONSISTENT', `${where}: expected one Buy and one Sell row, found ${buys.length} and ${sells.length}`);
    }
    if (buy.amount === undefined || sell.amount === undefined) return reject('ROW_MISSING_VALUE', `${where}: column "Amount" is empty`);
    const pair = new Set(first.instrument.split('-').map(normalizeAsset));
    const [bu, su] = [normalizeAsset(buy.unit), normalizeAsset(sell.unit)];
    if (bu === su || !pair.has(bu) || !pair.has(su)) {
      return reject('ROW_INCONSISTENT', `${where}: units ${bu}/${su} are not the two assets of the instrument`, 'export the current OKX trading history (with Balance Unit) instead');
    }
    const fee = buy.fee && !buy.fee.isZero() ? { asset: bu, amount: buy.fee.abs() } : undefined;
    return events({ kind: 'trade', instant: first.time, sent: { asset: su, amount: sell.amount.abs() }, received: { asset: bu, amount: buy.amount.abs() }, ...(fee ? { fee } : {}) });
  },
});
