/**
 * Form 8949 detail CSV: one row per disposal slice (one lot consumed by one disposal) in the tax
 * year, with the columns of the form (a)–(h), the box, and the audit columns that trace the line
 * to its lot and to the source rows. Amounts are rounded per line (rounding.ts).
 */
import type { Disposal, DisposalSlice } from '../../model/disposal.js';
import { toUsDate } from '../../model/local-date.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { formatMoney, roundMoney } from '../rounding.js';
import { num, renderCsv, type Cell } from './write-csv.js';

/** Form 8949 box for digital assets not reported on a 1099 (tax-rules §1.1): I/L from 2025, C/F before. */
export function form8949Box(taxYear: number, term: 'short' | 'long'): string {
  if (taxYear >= 2025) return term === 'short' ? 'I' : 'L';
  return term === 'short' ? 'C' : 'F';
}

export const FORM8949_HEADER = [
  'box', 'term', 'description', 'date_acquired', 'date_sold', 'proceeds', 'cost_basis', 'adjustment_code', 'adjustment', 'gain',
  'asset', 'quantity', 'wallet', 'kind', 'basis_status', 'proceeds_source', 'lot_id', 'lot_wallet', 'lot_source', 'source',
] as const;

export function sliceRow(taxYear: number, d: Disposal, s: DisposalSlice): Cell[] {
  const proceeds = roundMoney(s.proceeds);
  const basis = roundMoney(s.basis);
  return [
    form8949Box(taxYear, s.term),
    s.term,
    d.description ?? `${s.quantity.toFixed()} ${d.asset}`,
    s.acquiredDate ? toUsDate(s.acquiredDate) : 'UNKNOWN',
    toUsDate(d.date),
    num(formatMoney(proceeds)),
    num(formatMoney(basis)),
    '',
    num('0.00'),
    num(formatMoney(proceeds.minus(basis))),
    d.asset,
    num(s.quantity.toFixed()),
    d.wallet,
    d.kind,
    s.basisStatus,
    d.proceedsSource,
    s.lotId ?? '',
    s.lotWallet ?? '',
    s.lotSource ? formatSourceRef(s.lotSource) : '',
    formatSourceRef(d.source),
  ];
}

export function renderForm8949Csv(taxYear: number, disposals: readonly Disposal[]): string {
  return renderCsv(FORM8949_HEADER, disposals.flatMap((d) => d.slices.map((s) => sliceRow(taxYear, d, s))));
}
