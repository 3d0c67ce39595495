import type { Importer } from '../../importer-spec.js';
import { kucoinAccountHistory } from './account-history.js';
import { kucoinDeposits, kucoinWithdrawals } from './deposits-withdrawals.js';
import { kucoinFilledOrders } from './filled-orders.js';
import { kucoinFilledOrdersSplit } from './filled-orders-split.js';
import { kucoinFuturesRealizedPnl } from './futures-realized-pnl.js';
import { kucoinTradeHistory } from './trade-history.js';

/** kucoin exports. Each spec lives in its own file in this folder. */
export const KUCOIN_IMPORTERS: readonly Importer[] = [
  kucoinFilledOrdersSplit,
  kucoinFilledOrders,
  kucoinTradeHistory,
  kucoinDeposits,
  kucoinWithdrawals,
  kucoinAccountHistory,
  kucoinFuturesRealizedPnl,
];
