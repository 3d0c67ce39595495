/** Open lots at the end of the tax year: what is still held, at what basis, since when. */
import type { LotSnapshot } from '../../model/lot.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { formatMoney } from '../rounding.js';
import { num, renderCsv } from './write-csv.js';

export function renderOpenLotsCsv(lots: readonly LotSnapshot[]): string {
  return renderCsv(
    ['asset', 'wallet', 'quantity', 'cost_basis', 'unit_cost', 'date_acquired', 'basis_known', 'origin', 'lot_id', 'source'],
    lots.map((l) => [
      l.asset, l.wallet, num(l.quantity.toFixed()), num(formatMoney(l.basis)), num(l.basisKnown ? l.unitCost.toFixed() : ''),
      l.acquiredDate, l.basisKnown ? 'yes' : 'no', l.origin, l.id, formatSourceRef(l.source),
    ]),
  );
}
