/**
 * What the plan must say in words, wherever it is shown (harvest.json `notes`, the PDF, the
 * terminal). Sources: src/harvest/README.md.
 */
import type { BookingMethod } from '../engine/booking-methods.js';

export const SPECIFIC_ID_NOTE =
  'Specific identification must be made before the sale: the lot (wallet, date acquired, units) is identified to the broker ' +
  'no later than the date and time of the sale, or, for units you hold yourself, in your own books and records by then ' +
  '(Treas. Reg. 1.1012-1(j)). Without it the standing order or the default (FIFO within the wallet) applies, and the sale ' +
  'realises the "lot method" figures.';

export const WASH_SALE_NOTE =
  'The wash-sale rule (IRC 1091) disallows a loss on stock or securities bought back within 30 days before or after the sale. ' +
  'Under current law it does not reach crypto assets that are not securities, so such a loss stands even if you buy back. ' +
  'Assets flagged as possible securities (tokenized shares, funds or notes) may be subject to it.';

export const LIMIT_NOTE =
  'Losses first offset the year\'s gains (short-term losses against short-term gains first); a net loss is deductible against ' +
  'ordinary income up to 3,000 (1,500 married filing separately; IRC 1211(b)) and the rest carries forward (IRC 1212(b)). ' +
  'Assumes taxable income large enough to use the full deduction. Not tax advice.';

export function methodNote(method: BookingMethod, universal: boolean): string {
  const where = universal ? 'across all wallets (universal lots: before 2025 or --lot-scope universal)' : 'in the wallet that holds the lot (per-wallet lots from 2025)';
  return `Under your lot method (${method}) a sale of the same units ${where} takes lots in ${method} order, which may not be the loss lot: see "lot method" for what it realises.`;
}

export function harvestNotes(method: BookingMethod, universal: boolean): string[] {
  return [SPECIFIC_ID_NOTE, methodNote(method, universal), WASH_SALE_NOTE, LIMIT_NOTE];
}
