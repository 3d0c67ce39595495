import type { Importer } from '../../importer-spec.js';

/** bitstamp exports. Each spec lives in its own file in this folder. */
export const BITSTAMP_IMPORTERS: readonly Importer[] = [];
