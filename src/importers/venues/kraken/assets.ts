/**
 * Kraken asset codes and trading pairs → taxlot asset codes.
 *
 * Kraken writes legacy four-letter codes (`XXBT`, `XETH`, `ZUSD`) in ledgers and pair names, and
 * `XBT` / `XDG` for bitcoin / dogecoin everywhere (Kraken support, "Asset codes"; docs/formats.md §2.4).
 *
 * Decision (docs/formats.md silent on the tax side; BittyTax also drops the suffixes): earn/staking
 * variants `ETH2.S`, `DOT.S`, `USDC.M`, `SOL.F`, `DOT.B`, `DOT.P`, `USD.HOLD` and Kraken's `ETH2`
 * map to the base asset. A staked coin is the same property as the coin: moving it into staking
 * is not a disposal, and a lot keeps its basis while staked.
 */
import { normalizeAsset, type AssetCode } from '../../../model/asset.js';
import { memoText } from '../../../model/own-text.js';
import { lookupTable } from '../../lookup-table.js';

/** Legacy codes and Kraken-only spellings. Codes not listed are already standard (`SOL`, `USDT`). */
const LEGACY: Readonly<Record<string, AssetCode>> = lookupTable({
  XXBT: 'BTC', XBT: 'BTC', XETH: 'ETH', XXDG: 'DOGE', XDG: 'DOGE', XLTC: 'LTC', XXRP: 'XRP',
  XXLM: 'XLM', XETC: 'ETC', XZEC: 'ZEC', XXMR: 'XMR', XREP: 'REP', XMLN: 'MLN', XICN: 'ICN',
  XNMC: 'NMC', XXVN: 'XVN', ZUSD: 'USD', ZEUR: 'EUR', ZGBP: 'GBP', ZCAD: 'CAD', ZJPY: 'JPY',
  ZAUD: 'AUD', ZKRW: 'KRW', ETH2: 'ETH',
});

/**
 * Suffixes of Kraken earn/staking sub-balances (`.S` staked, `.M` opt-in rewards, `.F` flexible,
 * `.B` bonded, `.P` parachain), and the bonded-staking codes with a lock period in days before
 * `.S` (`SOL03.S`, `DOT28.S`, `KAVA21.S`: BittyTax's Kraken `STAKED_SUFFIX` list; the 2024
 * ledger books an Earn allocation from `SOL03.S` in `spot / main` to `SOL` in `earn / bonded`).
 */
const EARN_SUFFIX = /(?:(?:0[347]|14|21|28)\.S|\.(?:S|M|F|B|P|HOLD))$/i;

/** Kraken's code (`XXBT`, `ETH2.S`, `SOL03.S`) → the asset's own; remembered per code (memoText). */
export const krakenAsset: (code: string) => AssetCode = memoText((code) => {
  const upper = normalizeAsset(code).replace(EARN_SUFFIX, '');
  return LEGACY[upper] ?? upper;
});

/**
 * Quote currencies Kraken lists pairs against, tried in this order: longer codes before the codes
 * they end with, so that `XETHXXBT` splits at `XXBT` (not `XBT`) and `XXBTZUSD` at `ZUSD` (not `USD`).
 */
const QUOTES: readonly string[] = [
  'PYUSD', 'ZUSD', 'ZEUR', 'ZGBP', 'ZCAD', 'ZJPY', 'ZAUD', 'XXBT', 'XETH', 'USDT', 'USDC', 'USD',
  'EUR', 'GBP', 'CAD', 'JPY', 'AUD', 'CHF', 'AED', 'DAI', 'XBT', 'BTC', 'ETH', 'DOT',
];

/**
 * Split a Kraken pair into base and quote asset codes; `undefined` when no known quote ends it.
 * @example splitKrakenPair('XXBTZUSD') // { base: 'BTC', quote: 'USD' }
 * @example splitKrakenPair('XBTUSDT') // { base: 'BTC', quote: 'USDT' }
 */
export function splitKrakenPair(pair: string): { base: AssetCode; quote: AssetCode } | undefined {
  // `.d` marks the dark-pool book of the same pair.
  const p = pair.trim().toUpperCase().replace(/\.D$/, '');
  if (p.includes('/')) {
    const [base, quote, ...rest] = p.split('/');
    if (!base || !quote || rest.length > 0) return undefined;
    return { base: krakenAsset(base), quote: krakenAsset(quote) };
  }
  for (const quote of QUOTES) {
    if (p.length > quote.length && p.endsWith(quote)) {
      return { base: krakenAsset(p.slice(0, -quote.length)), quote: krakenAsset(quote) };
    }
  }
  return undefined;
}
