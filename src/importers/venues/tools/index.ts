import type { Importer } from '../../importer-spec.js';
import { accointingTransactions } from './accointing.js';
import { bitcoinTaxIncomeSpending, bitcoinTaxTrades } from './bitcoin-tax.js';
import { bittyTaxRecords } from './bittytax-records.js';
import { blockpitTransactions, blockpitTransactionsV1 } from './blockpit.js';
import { coinLedgerExport } from './coinledger.js';
import { coinTrackerTransactions } from './cointracker.js';
import { coinTrackingTrades } from './cointracking.js';
import { koinlyTransactions } from './koinly-transactions.js';
import { rotkiGenericEvents, rotkiGenericTrades, rotkiGenericTradesV1 } from './rotki.js';
import { stakeTaxTransactions } from './staketax.js';
import { everytradeGeneric } from './everytrade.js';

/** Other tax tools' exports, for users who migrate. */
export const TOOL_IMPORTERS: readonly Importer[] = [
  koinlyTransactions, coinTrackerTransactions, coinTrackingTrades, coinLedgerExport, accointingTransactions, blockpitTransactions,
  blockpitTransactionsV1, bittyTaxRecords, rotkiGenericTrades, rotkiGenericTradesV1, rotkiGenericEvents, bitcoinTaxTrades, bitcoinTaxIncomeSpending, stakeTaxTransactions, everytradeGeneric,
];
