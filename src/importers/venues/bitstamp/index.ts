import type { Importer } from '../../importer-spec.js';
import { bitstampTransactionsV1 } from './transactions-v1.js';
import { bitstampTransactionsV2 } from './transactions-v2.js';

/** bitstamp exports. Each spec lives in its own file in this folder. */
export const BITSTAMP_IMPORTERS: readonly Importer[] = [bitstampTransactionsV1, bitstampTransactionsV2];
