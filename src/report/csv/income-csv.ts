/** Income CSV: one row per income receipt in the tax year (Schedule 1), value = basis of the new lot. */
import type { IncomeRecord } from '../../engine/compute-gains.js';
import { formatInstant } from '../../model/local-date.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { formatMoney } from '../../model/rounding.js';
import { num, renderCsv } from './write-csv.js';

export function renderIncomeCsv(income: readonly IncomeRecord[]): string {
  return renderCsv(
    ['date', 'time_utc', 'kind', 'asset', 'quantity', 'value', 'value_source', 'wallet', 'source'],
    income.map((r) => [
      r.date, formatInstant(r.instant), r.kind, r.asset, num(r.quantity.toFixed()), num(formatMoney(r.value)), r.valueSource, r.wallet,
      formatSourceRef(r.source),
    ]),
  );
}
