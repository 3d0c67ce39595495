/**
 * Year-end valuation of what is still held: each open lot at the market price at the end of
 * December 31 of the tax year (the last millisecond of that day in the report zone), its
 * unrealized gain or loss, and the same per asset.
 *
 * Informational only: nothing here changes a tax figure. So a missing year-end price is a
 * note (PRICE_MISSING_YEAR_END, once per asset: informational, not a warning) and the lot's market value stays empty —
 * never zero. A lot of unknown basis carries zero basis (as its disposal would, contract
 * "Missing basis"), so its unrealized gain is its whole market value; `basis_known` says so.
 *
 * Pure. Invariant: per asset, quantity, cost basis, market value and unrealized gain are the
 * exact sums of that asset's lots.
 */
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AssetCode } from '../model/asset.js';
import { ONE, ZERO, type Dec } from '../model/decimal.js';
import type { LocalDate } from '../model/local-date.js';
import type { LotSnapshot } from '../model/lot.js';
import type { PriceSource } from '../model/money.js';
import type { PriceBook } from './price-book.js';
import type { MissingPrice } from './price-events.js';
import { endOfDay } from './start-of-day.js';

export interface LotValuation {
  readonly lot: LotSnapshot;
  /** Absent when no price is known. */
  readonly unitPrice?: Dec;
  readonly marketValue?: Dec;
  /** Market value − basis (zero basis for a lot of unknown basis). */
  readonly unrealizedGain?: Dec;
  readonly priceSource: PriceSource;
}

export interface Holding {
  readonly asset: AssetCode;
  readonly quantity: Dec;
  readonly costBasis: Dec;
  /** Units held in lots of unknown basis (counted with zero basis). */
  readonly unknownBasisQuantity: Dec;
  readonly lots: number;
  readonly unitPrice?: Dec;
  readonly marketValue?: Dec;
  readonly unrealizedGain?: Dec;
  readonly priceSource: PriceSource;
}

export interface YearEndValuation {
  /** December 31 of the tax year. */
  readonly date: LocalDate;
  /** The instant valued at: the end of `date` in the report zone. */
  readonly instant: number;
  readonly lots: readonly LotValuation[];
  /** One row per asset, by asset code. */
  readonly holdings: readonly Holding[];
  /** Assets without a year-end price, for `prices missing --year-end` and an online provider. */
  readonly missing: readonly MissingPrice[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Value the open lots at the end of the tax year.
 * @example valueHoldings([lot 0.5 BTC, basis 20000], book with BTC = 90000 on 2024-12-31, 2024, 'UTC')
 *   → lots: [{ marketValue: 45000, unrealizedGain: 25000, priceSource: 'price-table' }]
 */
export function valueHoldings(lots: readonly LotSnapshot[], book: PriceBook, taxYear: number, timezone: string): YearEndValuation {
  const date = `${String(taxYear).padStart(4, '0')}-12-31`;
  const instant = endOfDay(date, timezone);
  const prices = new Map<AssetCode, { price: Dec; source: PriceSource } | undefined>();
  const priceOf = (asset: AssetCode) => {
    if (!prices.has(asset)) {
      const unit = book.valueOf(asset, ONE, instant);
      prices.set(asset, unit ? { price: unit.amount, source: unit.source } : undefined);
    }
    return prices.get(asset);
  };

  const valued: LotValuation[] = lots.map((lot) => {
    const p = priceOf(lot.asset);
    if (!p) return { lot, priceSource: 'missing' };
    const marketValue = lot.quantity.times(p.price);
    return { lot, unitPrice: p.price, marketValue, unrealizedGain: marketValue.minus(lot.basis), priceSource: p.source };
  });

  const byAsset = new Map<AssetCode, LotValuation[]>();
  for (const v of valued) {
    const list = byAsset.get(v.lot.asset);
    if (list) list.push(v);
    else byAsset.set(v.lot.asset, [v]);
  }
  const assets = [...byAsset.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const holdings: Holding[] = assets.map((asset) => {
    const list = byAsset.get(asset) as LotValuation[];
    const total = (f: (v: LotValuation) => Dec): Dec => list.reduce((s, v) => s.plus(f(v)), ZERO);
    const p = priceOf(asset);
    const base = {
      asset,
      quantity: total((v) => v.lot.quantity),
      costBasis: total((v) => v.lot.basis),
      unknownBasisQuantity: total((v) => (v.lot.basisKnown ? ZERO : v.lot.quantity)),
      lots: list.length,
    };
    if (!p) return { ...base, priceSource: 'missing' };
    const marketValue = total((v) => v.marketValue as Dec);
    return { ...base, unitPrice: p.price, marketValue, unrealizedGain: marketValue.minus(base.costBasis), priceSource: p.source };
  });

  const missingAssets = assets.filter((a) => !priceOf(a));
  const missing = missingAssets.map((asset) => ({ asset, date, currency: book.reportCurrency }));
  const diagnostics = missingAssets.map((asset) =>
    fileDiagnostic(
      'PRICE_MISSING_YEAR_END',
      '(report)',
      `no ${book.reportCurrency} price for ${asset} at the end of ${date}: its year-end market value and unrealized gain are left empty`,
    ),
  );
  return { date, instant, lots: valued, holdings, missing, diagnostics };
}
