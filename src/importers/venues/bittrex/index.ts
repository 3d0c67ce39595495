import type { Importer } from '../../importer-spec.js';
import { bittrexOrders, bittrexOrdersV0, bittrexOrdersV1, bittrexOrdersV2 } from './trades.js';
import { bittrexDeposits, bittrexTransfers, bittrexWithdrawals } from './transfers.js';

export const BITTREX_IMPORTERS: readonly Importer[] = [bittrexOrders, bittrexOrdersV1, bittrexOrdersV2, bittrexOrdersV0, bittrexTransfers, bittrexDeposits, bittrexWithdrawals];
