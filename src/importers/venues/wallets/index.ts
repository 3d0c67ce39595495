import type { Importer } from '../../importer-spec.js';
import { bitcoinCoreTransactions } from './bitcoin-core.js';
import { blockchairHistory } from './blockchair.js';
import { coinomiHistory } from './coinomi.js';
import { electrumHistory } from './electrum.js';
import { exodusV1, exodusV2 } from './exodus.js';
import { ledgerLiveOperations } from './ledger-live.js';
import { trezorSuite } from './trezor-suite.js';

/** Self-custody wallet apps' history exports. */
export const WALLET_IMPORTERS: readonly Importer[] = [ledgerLiveOperations, trezorSuite, exodusV2, exodusV1, electrumHistory, bitcoinCoreTransactions, coinomiHistory, blockchairHistory];
