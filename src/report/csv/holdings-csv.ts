/**
 * Holdings at the end of the tax year, one row per asset: the open lots summed, valued at the
 * year-end price (end of December 31 in the report zone). Informational — no tax figure depends
 * on it. Empty market value when no price is known (`price_source` = `missing`).
 * Per line, `unrealized_gain` = rounded market value − rounded cost basis.
 */
import type { Holding, YearEndValuation } from '../../pricing/value-holdings.js';
import { formatMoney, roundMoney } from '../../model/rounding.js';
import { num, renderCsv, type Cell } from './write-csv.js';

export const HOLDINGS_HEADER = [
  'asset', 'quantity', 'cost_basis', 'year_end_price', 'market_value', 'unrealized_gain', 'price_source', 'lots',
  'unknown_basis_quantity', 'valued_at',
] as const;

export function renderHoldingsCsv(valuation: YearEndValuation): string {
  return renderCsv(HOLDINGS_HEADER, valuation.holdings.map((h) => holdingRow(h, valuation.date)));
}

function holdingRow(h: Holding, date: string): Cell[] {
  const basis = roundMoney(h.costBasis);
  const market = h.marketValue ? roundMoney(h.marketValue) : undefined;
  return [
    h.asset,
    num(h.quantity.toFixed()),
    num(formatMoney(basis)),
    h.unitPrice ? num(h.unitPrice.toFixed()) : '',
    market ? num(formatMoney(market)) : '',
    market ? num(formatMoney(market.minus(basis))) : '',
    h.priceSource,
    h.lots,
    num(h.unknownBasisQuantity.toFixed()),
    date,
  ];
}
