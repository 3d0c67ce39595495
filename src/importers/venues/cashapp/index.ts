import type { Importer } from '../../importer-spec.js';
import { cashAppTransactions } from './transactions.js';

export const CASHAPP_IMPORTERS: readonly Importer[] = [cashAppTransactions];
