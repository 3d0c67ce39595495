/**
 * Liabilities to venues (src/derivatives/find-liabilities.ts): one row per deficit listed for the
 * tax year, with its status, where the status comes from, the tax effect applied, and the rows
 * that show it. `value` is the report-currency value when the deficit arose (summary `amount`).
 */
import type { Liability } from '../../derivatives/find-liabilities.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { formatMoney } from '../../model/rounding.js';
import { num, renderCsv } from './write-csv.js';

const EFFECT: Record<Liability['status'], string> = {
  owed: 'in the position loss when it arose',
  repaid: 'in the position loss when it arose; repayment is not a new loss',
  absorbed: 'not part of the loss',
  forgiven: 'in the position loss; forgiven amount: possible cancellation-of-debt income (Schedule 1 line 8c), review',
  disputed: 'in the position loss as reported; review',
};

export function renderLiabilitiesCsv(liabilities: readonly Liability[]): string {
  return renderCsv(
    [
      'venue', 'account', 'contract', 'asset', 'quantity', 'deficit', 'absorbed_by_insurance', 'value', 'date', 'status', 'status_from',
      'forgiven_quantity', 'forgiven_value', 'resolved_date', 'tax_effect', 'note', 'position', 'evidence',
    ],
    liabilities.map((l) => [
      l.venue,
      l.account,
      l.contract,
      l.asset,
      num(l.quantity.toFixed()),
      num(l.deficit.toFixed()),
      num(l.absorbed.toFixed()),
      num(formatMoney(l.value)),
      l.date,
      l.status,
      l.statusFrom,
      l.forgiven ? num(l.forgiven.quantity.toFixed()) : '',
      l.forgiven ? num(formatMoney(l.forgiven.value)) : '',
      l.resolvedDate ?? '',
      EFFECT[l.status],
      l.note ?? '',
      l.groupId,
      l.evidence.map(formatSourceRef).join(' '),
    ]),
  );
}
