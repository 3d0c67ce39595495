import type { Importer } from '../../importer-spec.js';

/** coinbase exports. Each spec lives in its own file in this folder. */
export const COINBASE_IMPORTERS: readonly Importer[] = [];
