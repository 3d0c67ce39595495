/**
 * `lot-allocation-2025.csv`: every lot open at the 2025-01-01 switch to per-wallet lots, the wallet
 * taxlot's rule assigned it to, and the wallet it came from when the rule moved it — the record
 * of the allocation Rev. Proc. 2024-28 asks the taxpayer to keep (src/report/allocation.ts).
 */
import { formatSourceRef } from '../../model/source-ref.js';
import type { AllocationView } from '../allocation.js';
import { formatMoney } from '../../model/rounding.js';
import { num, renderCsv } from './write-csv.js';

export const ALLOCATION_FILE = 'lot-allocation-2025.csv';

export const ALLOCATION_HEADER = [
  'allocated_on', 'asset', 'wallet', 'lot_id', 'quantity', 'cost_basis', 'date_acquired', 'basis_known', 'origin', 'moved_from', 'source',
] as const;

export function renderAllocationCsv(view: AllocationView): string {
  return renderCsv(ALLOCATION_HEADER, view.rows.map(({ lot, from }) => [
    view.date,
    lot.asset,
    lot.wallet,
    lot.id,
    num(lot.quantity.toFixed()),
    num(formatMoney(lot.basis)),
    lot.acquiredDate,
    lot.basisKnown ? 'yes' : 'no',
    lot.origin,
    from ?? '',
    formatSourceRef(lot.source),
  ]));
}
