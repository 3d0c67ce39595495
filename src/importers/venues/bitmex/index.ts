import type { Importer } from '../../importer-spec.js';
import { bitmexExecutionHistory } from './execution-history.js';
import { bitmexWalletHistory } from './wallet-history.js';

/** bitmex exports. Each spec lives in its own file in this folder. */
export const BITMEX_IMPORTERS: readonly Importer[] = [bitmexWalletHistory, bitmexExecutionHistory];
