/**
 * The Form 8949 box of a line (pure): which of the form's checkboxes a sale's line goes under.
 *
 * Form 8949 instructions (2025): digital-asset sales reported on a Form 1099-DA go in boxes G/H
 * (short term, basis reported or not) and J/K (long term); sales of digital assets no Form
 * 1099-DA reports go in I (short) and L (long). Before tax year 2025 there were no digital-asset
 * boxes: sales not reported on a Form 1099-B went in C (short) and F (long). The 1099-DA boxes
 * are placed by the reconciliation (`form1099da/place.ts`); this file gives the box of a line no
 * Form 1099-DA row covers.
 */
import type { DisposalKind } from '../../model/disposal.js';

/** Form 8949 boxes in the order of the form: Part I (A, B, C, G, H, I), then Part II. */
export const BOX_ORDER = ['A', 'B', 'C', 'G', 'H', 'I', 'D', 'E', 'F', 'J', 'K', 'L'] as const;

/** Form 8949 box for digital assets not reported on a 1099: I/L from 2025, C/F before. */
export function form8949Box(taxYear: number, term: 'short' | 'long'): string {
  if (taxYear >= 2025) return term === 'short' ? 'I' : 'L';
  return term === 'short' ? 'C' : 'F';
}

/**
 * The box of a line that no Form 1099-DA row covers: a derivative position (a perpetual or
 * futures contract on a venue's books) is not a digital asset recorded on a distributed ledger,
 * so its line goes in C/F in every year; a spot disposal in I/L from 2025, C/F before.
 */
export function form8949BoxOf(taxYear: number, term: 'short' | 'long', kind: DisposalKind): string {
  return kind === 'derivative' ? form8949Box(2024, term) : form8949Box(taxYear, term);
}
