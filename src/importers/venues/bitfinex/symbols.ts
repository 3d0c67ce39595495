/**
 * Bitfinex pair and currency symbols → taxlot assets.
 *
 * Bitfinex writes pairs as `BTC/USD`, `BTCUSD`, API-style `tBTCUSD`, or with a colon when a side
 * is longer than three letters (`DUSK:USD`). Perpetual contracts end in `F0` (`BTCF0:USTF0`);
 * funding symbols start with `f` (`fUSD`). Bitfinex abbreviates some tickers to three letters
 * (UST = Tether USDt, UDC = USDC, …); those are mapped to the common ticker so that transfers to
 * and from other venues pair up.
 */
import { normalizeAsset, type AssetCode } from '../../../model/asset.js';
import { lookupTable } from '../../lookup-table.js';

/** Bitfinex's own three-letter codes whose common ticker differs (Bitfinex currency list). */
const BITFINEX_ALIASES: Readonly<Record<string, AssetCode>> = lookupTable({
  UST: 'USDT',
  UDC: 'USDC',
  EUT: 'EURT',
  DSH: 'DASH',
  IOT: 'IOTA',
  QTM: 'QTUM',
  MNA: 'MANA',
  ALG: 'ALGO',
});

export function bitfinexAsset(code: string): AssetCode {
  const asset = normalizeAsset(code);
  return BITFINEX_ALIASES[asset] ?? asset;
}

export type PairReading =
  | { readonly kind: 'spot'; readonly base: AssetCode; readonly quote: AssetCode }
  | { readonly kind: 'derivative' }
  | { readonly kind: 'funding' }
  | { readonly kind: 'unreadable' };

/**
 * @example readPair('BTC/USD') → spot BTC/USD; readPair('tETHUST') → spot ETH/USDT
 * @example readPair('BTCF0:USTF0') → derivative
 */
export function readPair(pair: string): PairReading {
  const text = pair.trim();
  if (/^f[A-Z0-9]+$/.test(text)) return { kind: 'funding' };
  const body = /^t[A-Z0-9]/.test(text) ? text.slice(1) : text;
  let sides: [string, string] | undefined;
  const sep = /^([A-Za-z0-9]+)[/:]([A-Za-z0-9]+)$/.exec(body);
  if (sep) sides = [sep[1] ?? '', sep[2] ?? ''];
  else if (/^[A-Za-z0-9]{6}$/.test(body)) sides = [body.slice(0, 3), body.slice(3)];
  if (!sides) return { kind: 'unreadable' };
  if (sides.some((s) => /F0$/i.test(s))) return { kind: 'derivative' };
  return { kind: 'spot', base: bitfinexAsset(sides[0]), quote: bitfinexAsset(sides[1]) };
}
