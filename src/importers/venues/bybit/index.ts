import type { Importer } from '../../importer-spec.js';
import { bybitAssetHistoryV1 } from './asset-history-v1.js';
import { bybitClosedPnl } from './closed-pnl.js';
import { bybitDerivativesLog } from './transaction-log.js';
import { bybitFundingHistory } from './funding-history.js';
import { bybitUtaAssetChanges } from './uta-asset-changes.js';

/** bybit exports. Each spec lives in its own file in this folder. */
export const BYBIT_IMPORTERS: readonly Importer[] = [
  bybitUtaAssetChanges,
  bybitFundingHistory,
  bybitAssetHistoryV1,
  bybitDerivativesLog,
  bybitClosedPnl,
];
