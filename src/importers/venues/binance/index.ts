import type { Importer } from '../../importer-spec.js';

/** binance exports. Each spec lives in its own file in this folder. */
export const BINANCE_IMPORTERS: readonly Importer[] = [];
