import type { Importer } from '../../importer-spec.js';
import { coinbaseBuysSells } from './buys-sells.js';
import { coinbaseWalletTransactions } from './wallet-transactions.js';
import { coinbaseProAccount } from './pro-account.js';
import { coinbaseProFills } from './pro-fills.js';
import { coinbaseTransactionsV0 } from './transactions-v0.js';
import { coinbaseTransactionsV1 } from './transactions-v1.js';
import { coinbaseTransactionsV2 } from './transactions-v2.js';
import { coinbaseTransactionsV3 } from './transactions-v3.js';
import { coinbaseTransactionsV4 } from './transactions-v4.js';

/** Coinbase retail and Coinbase Pro exports. Each spec lives in its own file in this folder. */
export const COINBASE_IMPORTERS: readonly Importer[] = [
  coinbaseTransactionsV4,
  coinbaseTransactionsV3,
  coinbaseTransactionsV2,
  coinbaseTransactionsV1,
  coinbaseTransactionsV0,
  coinbaseBuysSells,
  coinbaseWalletTransactions,
  coinbaseProAccount,
  coinbaseProFills,
];
