import type { Importer } from '../../importer-spec.js';
import { okxFundingHistory } from './funding-history.js';
import { okxLegacyTrades } from './legacy-trades.js';
import { okxTradeListLegacy } from './trade-list-legacy.js';
import { okxTradingHistory } from './trading-history.js';
import { okxTradingHistoryV2 } from './trading-history-v2.js';

/** okx exports. Each spec lives in its own file in this folder. */
export const OKX_IMPORTERS: readonly Importer[] = [okxTradingHistory, okxTradingHistoryV2, okxFundingHistory, okxLegacyTrades, okxTradeListLegacy];
