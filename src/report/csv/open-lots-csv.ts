/**
 * Open lots at the end of the tax year: what is still held, at what basis, since when, and what
 * it was worth at the end of December 31 (informational: `market_value` and `unrealized_gain` are
 * empty when no year-end price is known, `price_source` then says `missing`).
 * Per line, `unrealized_gain` = rounded market value − rounded basis, so each line ties out.
 */
import type { LotSnapshot } from '../../model/lot.js';
import { formatSourceRef } from '../../model/source-ref.js';
import type { LotValuation } from '../../pricing/value-holdings.js';
import { formatMoney, roundMoney } from '../../model/rounding.js';
import { num, renderCsv, type Cell } from './write-csv.js';

export function renderOpenLotsCsv(lots: readonly LotSnapshot[], valuations: readonly LotValuation[] = []): string {
  const byId = new Map(valuations.map((v) => [v.lot.id, v]));
  return renderCsv(
    [
      'asset', 'wallet', 'quantity', 'cost_basis', 'unit_cost', 'date_acquired', 'basis_known', 'origin', 'lot_id', 'source',
      'market_value', 'unrealized_gain', 'price_source',
    ],
    lots.map((l) => [
      l.asset, l.wallet, num(l.quantity.toFixed()), num(formatMoney(l.basis)), num(l.basisKnown ? l.unitCost.toFixed() : ''),
      l.acquiredDate, l.basisKnown ? 'yes' : 'no', l.origin, l.id, formatSourceRef(l.source),
      ...valuationCells(l, byId.get(l.id)),
    ]),
  );
}

function valuationCells(lot: LotSnapshot, v: LotValuation | undefined): Cell[] {
  if (!v?.marketValue) return ['', '', v?.priceSource ?? 'missing'];
  const market = roundMoney(v.marketValue);
  return [num(formatMoney(market)), num(formatMoney(market.minus(roundMoney(lot.basis)))), v.priceSource];
}
