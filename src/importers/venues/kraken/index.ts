import type { Importer } from '../../importer-spec.js';
import { krakenLedgers } from './ledgers.js';
import { krakenTrades } from './trades.js';

/** kraken exports. Each spec lives in its own file in this folder. */
export const KRAKEN_IMPORTERS: readonly Importer[] = [krakenLedgers, krakenTrades];
