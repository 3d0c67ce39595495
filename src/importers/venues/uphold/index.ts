import type { Importer } from '../../importer-spec.js';
import { upholdTransactionsV1 } from './transactions-v1.js';
import { upholdTransactionsV2 } from './transactions-v2.js';

/** uphold exports. Each spec lives in its own file in this folder. */
export const UPHOLD_IMPORTERS: readonly Importer[] = [upholdTransactionsV2, upholdTransactionsV1];
