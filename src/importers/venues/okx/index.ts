import type { Importer } from '../../importer-spec.js';

/** okx exports. Each spec lives in its own file in this folder. */
export const OKX_IMPORTERS: readonly Importer[] = [];
