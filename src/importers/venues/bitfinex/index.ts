import type { Importer } from '../../importer-spec.js';
import { bitfinexLedger } from './ledger.js';
import { bitfinexMovements } from './movements.js';
import { bitfinexTrades } from './trades.js';

/** bitfinex exports. Each spec lives in its own file in this folder. */
export const BITFINEX_IMPORTERS: readonly Importer[] = [bitfinexTrades, bitfinexMovements, bitfinexLedger];
