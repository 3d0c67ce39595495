import type { Importer } from '../../importer-spec.js';
import { cryptocomApp } from './app-transactions.js';

/** cryptocom exports. Each spec lives in its own file in this folder. */
export const CRYPTOCOM_IMPORTERS: readonly Importer[] = [cryptocomApp];
