/**
 * KuCoin's `Tax` column (some filled-order exports): a levy deducted with the trading fee, with no
 * currency column of its own. Decision (docs/formats.md silent): fold it into the fee, in `Fee
 * Currency`, and say so in the note, so the amount is neither lost nor double counted.
 */
import type { Dec } from '../../../model/decimal.js';

export function withTax(fee: Dec | undefined, tax: Dec | undefined): { fee: Dec | undefined; note: string | undefined } {
  if (tax === undefined || tax.isZero()) return { fee, note: undefined };
  return { fee: fee === undefined ? tax : fee.plus(tax), note: `fee includes Tax ${tax.toFixed()}` };
}
