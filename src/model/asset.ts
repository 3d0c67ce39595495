/**
 * Asset codes and the fiat / stablecoin lists.
 *
 * An AssetCode is an upper-case ticker (`BTC`, `USD`). Fiat currencies are money, not property:
 * the engine keeps no lots for them. USD-pegged stablecoins are property (they have lots and
 * disposals) but are valued at 1.00 USD by default, as docs/contract.md requires.
 */
import { memoText } from './own-text.js';

export type AssetCode = string;

/** ISO 4217 codes that exchanges use as fiat legs. */
export const FIAT_CURRENCIES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'NZD', 'SGD', 'HKD', 'SEK', 'NOK', 'DKK', 'PLN',
  'CZK', 'HUF', 'TRY', 'BRL', 'MXN', 'ARS', 'ZAR', 'INR', 'KRW', 'IDR', 'PHP', 'THB', 'VND', 'NGN',
  'UAH', 'RUB', 'AED', 'ILS', 'CNY', 'TWD', 'MYR', 'CLP', 'COP', 'PEN', 'RON', 'BGN', 'KES',
]);

/**
 * USD-pegged stablecoins valued at 1.00 USD unless a price table says otherwise
 * (docs/contract.md: "Values held in USD-pegged stablecoins count at 1.00 USD").
 */
export const DEFAULT_USD_STABLECOINS: readonly string[] = [
  'USDT', 'USDC', 'BUSD', 'DAI', 'TUSD', 'USDP', 'PYUSD', 'GUSD', 'FDUSD', 'USDS', 'USDE', 'LUSD', 'FRAX',
];

/**
 * Remembered per cell text (`memoText`): every event of a long history shares one `"BTC"` string
 * instead of holding its own copy of the cell (~60 MB over a million rows).
 */
const codeOf = memoText((code) => code.trim().toUpperCase());

export function normalizeAsset(code: string): AssetCode {
  return codeOf(code);
}

export function isFiat(asset: AssetCode): boolean {
  return FIAT_CURRENCIES.has(asset);
}
