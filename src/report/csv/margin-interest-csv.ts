/** Margin / borrowing interest paid in the tax year: investment interest (Form 4952), not on Form 8949. */
import type { InterestRecord } from '../../derivatives/compute-derivatives.js';
import { formatInstant } from '../../model/local-date.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { formatMoney } from '../../model/rounding.js';
import { num, renderCsv } from './write-csv.js';

export function renderMarginInterestCsv(interest: readonly InterestRecord[]): string {
  return renderCsv(
    ['date', 'time_utc', 'venue', 'account', 'contract', 'asset', 'quantity_paid', 'value_paid', 'source'],
    interest.map((r) => [
      r.date, formatInstant(r.instant), r.wallet, r.account, r.contract, r.asset, num(r.quantity.toFixed()), num(formatMoney(r.value)),
      formatSourceRef(r.source),
    ]),
  );
}
