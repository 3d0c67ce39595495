import type { Importer } from '../../importer-spec.js';

/** bybit exports. Each spec lives in its own file in this folder. */
export const BYBIT_IMPORTERS: readonly Importer[] = [];
