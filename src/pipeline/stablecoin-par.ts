/**
 * `--stablecoin-basis par`: the par basis of USD stablecoins of unknown origin — 1.00 USD per
 * unit, in the report currency (a USD report: the units themselves; another currency: the
 * dollars converted at the price table's USD rate at the instant the units arrived, as the
 * price book converts any dollar; no rate, no par basis: the lot stays of unknown basis).
 * Which coins are USD stablecoins is the `--stablecoins` list. Why par is a choice and not the
 * default: engine README "Stablecoins of unknown origin".
 */
import type { StablecoinPar } from '../engine/gains-result.js';
import type { PriceBook } from '../pricing/price-book.js';

/** How units of unknown origin are given a basis: `unknown` (the contract's rule, the default) or `par`. */
export type StablecoinBasis = 'unknown' | 'par';

export const STABLECOIN_BASES: readonly StablecoinBasis[] = ['unknown', 'par'];

/**
 * @example stablecoinPar(usdBook).basisOf('USDC', dec('250'), t) → 250 (USD); .basisOf('BTC', …) → undefined
 */
export function stablecoinPar(book: PriceBook): StablecoinPar {
  return {
    currency: book.reportCurrency,
    basisOf: (asset, units, instant) => (book.isStablecoin(asset) ? book.valueOf('USD', units, instant)?.amount : undefined),
  };
}
