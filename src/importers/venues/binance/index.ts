import type { Importer } from '../../importer-spec.js';
import { binanceConvert } from './convert.js';
import { binanceDeposits } from './deposits.js';
import { binanceSpotTrades } from './spot-trades.js';
import { binanceSpotTradesV1 } from './spot-trades-v1.js';
import { binanceStatements } from './statements.js';
import { binanceWithdrawals } from './withdrawals.js';
import { binanceFuturesIncome } from './futures-income.js';
import { binanceFuturesTrades } from './futures-trades.js';
import { binanceTransfersLegacy } from './transfers-legacy.js';
import { binanceFiatTransfers } from './fiat-transfers.js';
import { binanceOrderHistoryLegacy } from './order-history-legacy.js';
import { binanceCardPurchases } from './card-purchases.js';
import { binanceAutoInvest, binanceEarnRewards, binanceEthStaking } from './earn-histories.js';

/** binance exports. Each spec lives in its own file in this folder. */
export const BINANCE_IMPORTERS: readonly Importer[] = [
  binanceStatements,
  binanceSpotTrades,
  binanceSpotTradesV1,
  binanceOrderHistoryLegacy,
  binanceConvert,
  binanceDeposits,
  binanceWithdrawals,
  binanceTransfersLegacy,
  binanceFiatTransfers,
  binanceFuturesIncome,
  binanceFuturesTrades,
  binanceAutoInvest,
  binanceEthStaking,
  binanceEarnRewards,
  binanceCardPurchases,
];
