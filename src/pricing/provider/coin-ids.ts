/**
 * Ticker → CoinGecko coin id. Tickers are not unique across chains (dozens of coins call
 * themselves `ETH`-something), so the provider never searches by symbol: it uses this documented
 * map, which the user can extend or override with `--price-coin-map FILE` (a JSON object
 * `{"TICKER": "coin-id"}`; `null` removes a default).
 *
 * Fiat currencies are not here on purpose: exchange rates come from the price table (see README).
 */
import { normalizeAsset, type AssetCode } from '../../model/asset.js';

/** The default map: large, long-lived assets whose CoinGecko id is unambiguous. */
export const DEFAULT_COIN_IDS: Readonly<Record<AssetCode, string>> = {
  BTC: 'bitcoin',
  ETH: 'ethereum',
  USDT: 'tether',
  USDC: 'usd-coin',
  DAI: 'dai',
  BUSD: 'binance-usd',
  FDUSD: 'first-digital-usd',
  TUSD: 'true-usd',
  PYUSD: 'paypal-usd',
  GUSD: 'gemini-dollar',
  BNB: 'binancecoin',
  SOL: 'solana',
  XRP: 'ripple',
  ADA: 'cardano',
  DOGE: 'dogecoin',
  DOT: 'polkadot',
  TRX: 'tron',
  LTC: 'litecoin',
  BCH: 'bitcoin-cash',
  ETC: 'ethereum-classic',
  XLM: 'stellar',
  XMR: 'monero',
  ZEC: 'zcash',
  DASH: 'dash',
  AVAX: 'avalanche-2',
  LINK: 'chainlink',
  MATIC: 'matic-network',
  POL: 'polygon-ecosystem-token',
  ATOM: 'cosmos',
  UNI: 'uniswap',
  AAVE: 'aave',
  MKR: 'maker',
  COMP: 'compound-governance-token',
  SNX: 'havven',
  CRV: 'curve-dao-token',
  LDO: 'lido-dao',
  ALGO: 'algorand',
  FIL: 'filecoin',
  NEAR: 'near',
  APT: 'aptos',
  SUI: 'sui',
  ARB: 'arbitrum',
  OP: 'optimism',
  TON: 'the-open-network',
  ICP: 'internet-computer',
  VET: 'vechain',
  XTZ: 'tezos',
  EOS: 'eos',
  KSM: 'kusama',
  HBAR: 'hedera-hashgraph',
  SHIB: 'shiba-inu',
  PEPE: 'pepe',
  SAND: 'the-sandbox',
  MANA: 'decentraland',
  GRT: 'the-graph',
  IOTA: 'iota',
  CRO: 'crypto-com-chain',
  WBTC: 'wrapped-bitcoin',
};

export type CoinMap = ReadonlyMap<AssetCode, string>;

/** The default map with the user's entries applied on top. */
export function buildCoinMap(overrides: Readonly<Record<string, string | null>> = {}): CoinMap {
  const map = new Map<AssetCode, string>(Object.entries(DEFAULT_COIN_IDS));
  for (const [ticker, id] of Object.entries(overrides)) {
    const asset = normalizeAsset(ticker);
    if (id === null || id.trim() === '') map.delete(asset);
    else map.set(asset, id.trim());
  }
  return map;
}

/**
 * Read a user coin map file. A problem is returned as a message (the CLI makes it a usage error).
 * @example readCoinMap('{"RNDR": "render-token"}') → { overrides: { RNDR: 'render-token' } }
 */
export function readCoinMap(text: string): { overrides: Record<string, string | null> } | { error: string } {
  let value: unknown;
  try {
    // Plain JSON.parse is fine here: the file holds only strings, no amounts.
    value = JSON.parse(text);
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'expected a JSON object such as {"RNDR": "render-token"}' };
  const overrides: Record<string, string | null> = {};
  for (const [ticker, id] of Object.entries(value as Record<string, unknown>)) {
    if (id !== null && typeof id !== 'string') return { error: `the coin id of "${ticker}" must be a string (or null to remove it)` };
    if (typeof id === 'string' && !/^[a-z0-9][a-z0-9._-]*$/i.test(id.trim()) && id.trim() !== '') {
      return { error: `"${id}" (for "${ticker}") is not a coin id such as "bitcoin" or "usd-coin"` };
    }
    overrides[ticker] = id;
  }
  return { overrides };
}
