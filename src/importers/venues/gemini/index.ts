import type { Importer } from '../../importer-spec.js';
import { geminiTransactionHistory } from './transaction-history.js';

/** gemini exports. Each spec lives in its own file in this folder. */
export const GEMINI_IMPORTERS: readonly Importer[] = [geminiTransactionHistory];
