/**
 * Tokenized securities: tokens that represent a share, a fund unit or a note. The wash-sale rule
 * (IRC §1091) disallows a loss on "stock or securities" repurchased within 30 days before or
 * after the sale; under current law it does not reach crypto assets that are not securities
 * (IRS FAQ on virtual currency transactions; §1091(a) names stock and securities only), but a
 * token that *is* a security may be caught. Such assets are flagged, never treated differently.
 *
 * The built-in list is short and documented (src/harvest/README.md); `--securities` adds the
 * user's own. A flag means "possibly subject", not a finding.
 */
import { normalizeAsset, type AssetCode } from '../model/asset.js';

/** Tickers of well-known tokenized funds and notes (issuer's own naming). */
export const KNOWN_TOKENIZED_SECURITIES: readonly AssetCode[] = [
  'BUIDL', // BlackRock USD Institutional Digital Liquidity Fund (tokenized money-market fund)
  'BENJI', // Franklin OnChain U.S. Government Money Fund shares
  'OUSG', // Ondo Short-Term U.S. Government Bond Fund token
  'USDY', // Ondo U.S. Dollar Yield (tokenized note)
  'USTB', // Superstate Short Duration U.S. Government Securities Fund
  'TSLAX', // Backed/xStocks tokenized Tesla share
  'AAPLX', // Backed/xStocks tokenized Apple share
  'NVDAX', // Backed/xStocks tokenized NVIDIA share
  'SPYX', // Backed/xStocks tokenized SPDR S&P 500 ETF share
];

/** The set the plan flags: the built-in list plus the user's `--securities` tickers. */
export function tokenizedSecurities(userList: readonly string[] = []): ReadonlySet<AssetCode> {
  return new Set([...KNOWN_TOKENIZED_SECURITIES, ...userList.map(normalizeAsset).filter(Boolean)]);
}
