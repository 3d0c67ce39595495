/**
 * KuCoin trade history v3 (API-era "Trade History" download) and the shorter form rotki reads
 * (docs/formats.md §2.7; BittyTax `parse_kucoin_trades_v3`, rotki `importers/kucoin.py`).
 *
 * Menu: KuCoin › Orders › Trade History › Export (pre-2023 site); rotki users' `kucoin_order_history.csv`.
 * Headers: `tradeCreatedAt,orderId,symbol,side,price,size,funds,fee,liquidity,feeCurrency,orderType[,]`
 * and `tradeCreatedAt,symbol,side,price,size,funds,fee,feeCurrency` — one importer, the v3-only
 * columns are optional.
 *
 * Mapping: `buy` receives `size` base for `funds` quote; `sell` the reverse; `fee` in
 * `feeCurrency` on top. Decision: times are wall-clock UTC+8 (BittyTax reads them with
 * `tz="Asia/Singapore"`; rotki assumes UTC — we follow BittyTax, the format's daily users).
 */
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter } from '../../importer-spec.js';
import { KUCOIN_DEFAULT_ZONE, spotTrade } from './common.js';

export const kucoinTradeHistory = defineImporter({
  id: 'kucoin-trade-history',
  label: 'KuCoin trade history (v3 `tradeCreatedAt,orderId,…` and the rotki form)',
  howToExport: 'KuCoin › Orders › Trade History › Export (older site); times read as UTC+8',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    time: instant('tradeCreatedAt'),
    orderId: ifPresent(text('orderId')),
    symbol: text('symbol'),
    side: text('side'),
    size: decimal('size'),
    funds: decimal('funds'),
    fee: optional(decimal('fee')),
    feeCurrency: text('feeCurrency'),
  },
  signature: { also: ['price'] },
  mapRow(row) {
    return spotTrade({ instant: row.time, symbol: row.symbol, side: row.side, amount: row.size, volume: row.funds, fee: row.fee, feeCurrency: row.feeCurrency });
  },
});
