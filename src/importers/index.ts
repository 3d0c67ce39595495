/**
 * The importer registry: an explicit, ordered list (no discovery magic). Detection tries them
 * all; `taxlot formats` prints them. Adding an exchange = one spec file in its venue folder and
 * one entry in that folder's index.
 */
import type { Importer } from './importer-spec.js';
import { koinlyUniversal } from './koinly-universal.js';
import { koinlyBulkEdit } from './koinly-bulk-edit.js';
import { taxlotGeneric } from './taxlot-generic.js';
import { COINBASE_IMPORTERS } from './venues/coinbase/index.js';
import { BINANCE_IMPORTERS } from './venues/binance/index.js';
import { KRAKEN_IMPORTERS } from './venues/kraken/index.js';
import { GEMINI_IMPORTERS } from './venues/gemini/index.js';
import { BITSTAMP_IMPORTERS } from './venues/bitstamp/index.js';
import { KUCOIN_IMPORTERS } from './venues/kucoin/index.js';
import { BYBIT_IMPORTERS } from './venues/bybit/index.js';
import { OKX_IMPORTERS } from './venues/okx/index.js';
import { CRYPTOCOM_IMPORTERS } from './venues/cryptocom/index.js';
import { BITFINEX_IMPORTERS } from './venues/bitfinex/index.js';
import { UPHOLD_IMPORTERS } from './venues/uphold/index.js';
import { BITMEX_IMPORTERS } from './venues/bitmex/index.js';
import { EVM_EXPLORER_IMPORTERS } from './venues/evm/index.js';
import { WALLET_IMPORTERS } from './venues/wallets/index.js';
import { ROBINHOOD_IMPORTERS } from './venues/robinhood/index.js';
import { CASHAPP_IMPORTERS } from './venues/cashapp/index.js';
import { PAYPAL_IMPORTERS } from './venues/paypal/index.js';
import { BINANCEUS_IMPORTERS } from './venues/binanceus/index.js';
import { BITTREX_IMPORTERS } from './venues/bittrex/index.js';
import { NEXO_IMPORTERS } from './venues/nexo/index.js';
import { BLOCKFI_IMPORTERS } from './venues/blockfi/index.js';
import { BISQ_IMPORTERS } from './venues/bisq/index.js';
import { SHAPESHIFT_IMPORTERS } from './venues/shapeshift/index.js';
import { TOOL_IMPORTERS } from './venues/tools/index.js';
import { POLONIEX_IMPORTERS } from './venues/poloniex/index.js';
import { SHAKEPAY_IMPORTERS } from './venues/shakepay/index.js';
import { BITFLYER_IMPORTERS } from './venues/bitflyer/index.js';
import { HTX_IMPORTERS } from './venues/htx/index.js';
import { HITBTC_IMPORTERS } from './venues/hitbtc/index.js';
import { PAXFUL_IMPORTERS } from './venues/paxful/index.js';
import { COINMATE_IMPORTERS } from './venues/coinmate/index.js';
import { REVOLUT_IMPORTERS } from './venues/revolut/index.js';
import { CELSIUS_IMPORTERS } from './venues/celsius/index.js';

export const ALL_IMPORTERS: readonly Importer[] = [
  taxlotGeneric,
  koinlyUniversal,
  koinlyBulkEdit,
  ...COINBASE_IMPORTERS, ...BINANCE_IMPORTERS, ...KRAKEN_IMPORTERS, ...GEMINI_IMPORTERS, ...BITSTAMP_IMPORTERS, ...KUCOIN_IMPORTERS, ...BYBIT_IMPORTERS, ...OKX_IMPORTERS, ...CRYPTOCOM_IMPORTERS, ...BITFINEX_IMPORTERS, ...UPHOLD_IMPORTERS,
  ...BITMEX_IMPORTERS,
  ...EVM_EXPLORER_IMPORTERS,
  ...WALLET_IMPORTERS,
  ...ROBINHOOD_IMPORTERS, ...CASHAPP_IMPORTERS, ...PAYPAL_IMPORTERS, ...BINANCEUS_IMPORTERS,
  ...BITTREX_IMPORTERS, ...NEXO_IMPORTERS, ...BLOCKFI_IMPORTERS, ...BISQ_IMPORTERS, ...SHAPESHIFT_IMPORTERS,
  ...TOOL_IMPORTERS,
  ...POLONIEX_IMPORTERS, ...SHAKEPAY_IMPORTERS, ...BITFLYER_IMPORTERS, ...HTX_IMPORTERS, ...HITBTC_IMPORTERS, ...PAXFUL_IMPORTERS, ...COINMATE_IMPORTERS, ...REVOLUT_IMPORTERS, ...CELSIUS_IMPORTERS,
];

export function findImporter(id: string): Importer | undefined {
  return ALL_IMPORTERS.find((i) => i.id === id);
}
