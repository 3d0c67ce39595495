import type { Importer } from '../../importer-spec.js';
import { evmInternalTransactions } from './internal-transactions.js';
import { evmNftTransfers } from './nft-transfers.js';
import { evmNormalTransactions } from './normal-transactions.js';
import { evmTokenTransfers } from './token-transfers.js';

/** Etherscan-family block explorer exports (one layout across EVM chains). */
export const EVM_EXPLORER_IMPORTERS: readonly Importer[] = [evmNormalTransactions, evmInternalTransactions, evmTokenTransfers, evmNftTransfers];
