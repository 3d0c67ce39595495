/**
 * KuCoin "Spot Orders – Filled Orders", order-splitting variant (one row per fill), 2023+
 * (docs/formats.md §2.7; BittyTax `parse_kucoin_trades_v5`).
 *
 * Menu: Orders › Spot Orders › Filled Orders › Export (or Account › Export Data bundle
 * "Spot Orders_Filled Orders (Order-splitting)").
 * Header: `UID,Account Type,Order ID,Symbol,Side,Order Type,Avg. Filled Price,Filled Amount,
 * Filled Volume,Filled Volume (USDT),Filled Time(UTC+hh:mm),Fee,[Tax,]Maker/Taker,Fee Currency[,Account Mode]`.
 *
 * Mapping: BUY receives `Filled Amount` base and sends `Filled Volume` quote; SELL the reverse;
 * `Fee` in `Fee Currency` leaves in addition. The header offset wins; a bare `Filled Time` is
 * UTC+8 (see common.ts). `Filled Volume (USDT)` is not a fiat value and is not attached.
 * Decision (docs silent): a non-zero `Tax` is added to the fee — KuCoin deducts it with the fee
 * and states no currency of its own — and the note says so.
 */
import { defineImporter, skip } from '../../importer-spec.js';
import { checkSpotAccount, EMPTY_REPORT, FILLED_ORDER_COLUMNS, EMPTY_REPORT_REASON, KUCOIN_DEFAULT_ZONE, missing, spotTrade } from './common.js';
import { withTax } from './tax.js';

export const kucoinFilledOrdersSplit = defineImporter({
  id: 'kucoin-filled-orders-split',
  label: 'KuCoin Spot Orders – Filled Orders (order-splitting, one row per fill)',
  howToExport: 'KuCoin › Orders › Spot Orders › Filled Orders › Export (order-splitting)',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: FILLED_ORDER_COLUMNS,
  signature: { also: ['Maker/Taker', 'Avg. Filled Price', 'Filled Volume (USDT)'] },
  mapRow(row) {
    if (row.uid === EMPTY_REPORT) return skip(EMPTY_REPORT_REASON);
    const account = checkSpotAccount(row.accountType);
    if (account) return account;
    if (row.time === undefined) return missing('Filled Time');
    if (row.amount === undefined) return missing('Filled Amount');
    if (row.volume === undefined) return missing('Filled Volume');
    const { fee, note } = withTax(row.fee, row.tax);
    return spotTrade({ instant: row.time, symbol: row.symbol, side: row.side, amount: row.amount, volume: row.volume, fee, feeCurrency: row.feeCurrency, note });
  },
});
