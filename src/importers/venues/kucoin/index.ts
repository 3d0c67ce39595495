import type { Importer } from '../../importer-spec.js';

/** kucoin exports. Each spec lives in its own file in this folder. */
export const KUCOIN_IMPORTERS: readonly Importer[] = [];
