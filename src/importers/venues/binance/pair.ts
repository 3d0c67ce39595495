/**
 * Binance symbols and amount cells.
 *
 * Binance writes a market as the two tickers run together (`BTCUSDT`, `1000SATSUSDT`, `ETHBTC`),
 * so the base can only be found by knowing the quote. The newer trade export also glues the asset
 * to the amount (`0.1800000000SOL`, `500.00001000SATS`); a generic "number then letters" reading
 * would cut `1000SATS` into `…1000` + `SATS`, so amounts are read by stripping the asset we
 * already know from the pair.
 */
import { normalizeAsset, type AssetCode } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import { parseNumber } from '../../parse-number.js';

/**
 * Quote assets Binance has listed spot markets against (BittyTax's list, docs/formats.md §2.3, plus
 * the newer FDUSD/EURI/AEUR/USD1 markets). Matched longest first, so `BUSDUSDT` is BUSD/USDT.
 */
export const BINANCE_QUOTES: readonly AssetCode[] = [
  'FDUSD', 'USDT', 'USDC', 'BUSD', 'TUSD', 'USDP', 'USDS', 'USD1', 'AEUR', 'EURI', 'IDRT', 'BIDR', 'BKRW',
  'BVND', 'DOGE', 'VAI', 'PAX', 'DAI', 'UST', 'BTC', 'ETH', 'BNB', 'XRP', 'TRX', 'EUR', 'GBP', 'AUD',
  'BRL', 'TRY', 'RUB', 'UAH', 'NGN', 'ZAR', 'PLN', 'RON', 'ARS', 'JPY', 'MXN', 'COP', 'CZK',
];

/**
 * Quotes that are also the tail of another quote plus a letter: `ADAEUR` and `GALAEUR` would
 * read as `AD`/`GAL` against AEUR. AEUR is only taken for the few bases Binance listed against it.
 */
const RESTRICTED_QUOTES: Readonly<Record<AssetCode, ReadonlySet<AssetCode>>> = {
  AEUR: new Set(['BTC', 'ETH', 'BNB', 'SOL', 'XRP', 'USDT', 'USDC']),
};

const BY_LENGTH = [...BINANCE_QUOTES].sort((a, b) => b.length - a.length);

export interface Pair {
  readonly base: AssetCode;
  readonly quote: AssetCode;
}

/**
 * Split a Binance symbol into base and quote.
 * @param quoteHint a quote stated elsewhere in the row (the asset of the `Amount` cell); it wins
 *   over the list, so markets against quotes the list does not know still split.
 * @example splitPair('1000SATSUSDT') → { base: '1000SATS', quote: 'USDT' }
 */
export function splitPair(symbol: string, quoteHint?: AssetCode): Pair | undefined {
  const s = normalizeAsset(symbol).replace(/[-/_]/g, '');
  const candidates = quoteHint ? [normalizeAsset(quoteHint)] : BY_LENGTH;
  for (const quote of candidates) {
    if (s.length <= quote.length || !s.endsWith(quote)) continue;
    const base = s.slice(0, -quote.length);
    if (!quoteHint && RESTRICTED_QUOTES[quote] && !RESTRICTED_QUOTES[quote].has(base)) continue;
    return { base, quote };
  }
  return undefined;
}

/** `0.5DOGE`, `1,234.5 USDT` → 1234.5 when the cell ends with `asset`; `undefined` otherwise. */
export function amountOf(cell: string, asset: AssetCode): Dec | undefined {
  const t = cell.trim().toUpperCase();
  if (!t.endsWith(asset)) return undefined;
  const n = parseNumber(t.slice(0, -asset.length).trim());
  return n && !n.unit ? n.value : undefined;
}

/**
 * A cell with its asset, the asset unknown in advance (the fee: `0.00003593BNB`). Assets of the
 * pair are tried first, so a fee in `1000SATS` is not misread; otherwise the trailing ticker.
 */
export function amountWithAsset(cell: string, known: readonly AssetCode[]): { amount: Dec; asset: AssetCode } | undefined {
  for (const asset of [...known].sort((a, b) => b.length - a.length)) {
    const amount = amountOf(cell, asset);
    if (amount) return { amount, asset };
  }
  const m = /^(.*?\d)\s*([A-Za-z][A-Za-z0-9]*)$/.exec(cell.trim());
  if (!m) return undefined;
  const asset = normalizeAsset(m[2] ?? '');
  const amount = amountOf(cell, asset);
  return amount ? { amount, asset } : undefined;
}

/** The trailing ticker of an amount cell (`19.8054BUSD` → `BUSD`), as a quote hint. */
export function trailingAsset(cell: string): AssetCode | undefined {
  const m = /\d\s*([A-Za-z][A-Za-z0-9]*)$/.exec(cell.trim());
  return m?.[1] ? normalizeAsset(m[1]) : undefined;
}
