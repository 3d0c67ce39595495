import type { Importer } from '../../importer-spec.js';
import { kucoinAccountHistory } from './account-history.js';
import { kucoinConvert } from './convert.js';
import { kucoinDeposits, kucoinWithdrawals } from './deposits-withdrawals.js';
import { kucoinEarnProfit } from './earn-profit.js';
import { kucoinFiatDeposits, kucoinFiatOrdersV1, kucoinFiatOrdersV2 } from './fiat.js';
import { kucoinFilledOrders } from './filled-orders.js';
import { kucoinFilledOrdersSplit } from './filled-orders-split.js';
import { kucoinFuturesRealizedPnl } from './futures-realized-pnl.js';
import { kucoinDepositsLegacy, kucoinDepositsWithdrawalsV1, kucoinWithdrawalsLegacy } from './legacy-movements.js';
import { kucoinTradesRotkiLegacy, kucoinTradesV1, kucoinTradesV2, kucoinTradesV4 } from './legacy-trades.js';
import { kucoinTradeHistory } from './trade-history.js';

/** kucoin exports. Each spec lives in its own file in this folder. */
export const KUCOIN_IMPORTERS: readonly Importer[] = [
  kucoinFilledOrdersSplit,
  kucoinFilledOrders,
  kucoinTradeHistory,
  kucoinTradesV1,
  kucoinTradesV2,
  kucoinTradesV4,
  kucoinTradesRotkiLegacy,
  kucoinConvert,
  kucoinFiatOrdersV1,
  kucoinFiatOrdersV2,
  kucoinFiatDeposits,
  kucoinDeposits,
  kucoinWithdrawals,
  kucoinDepositsLegacy,
  kucoinWithdrawalsLegacy,
  kucoinDepositsWithdrawalsV1,
  kucoinAccountHistory,
  kucoinEarnProfit,
  kucoinFuturesRealizedPnl,
];
