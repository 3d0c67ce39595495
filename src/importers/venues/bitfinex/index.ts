import type { Importer } from '../../importer-spec.js';

/** bitfinex exports. Each spec lives in its own file in this folder. */
export const BITFINEX_IMPORTERS: readonly Importer[] = [];
