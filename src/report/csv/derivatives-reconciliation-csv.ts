/**
 * Reconciliation from what the venue reported to what is taxed: for each derivative line of the
 * tax year and each settlement asset, the venue's amounts in units as exported (realized PnL,
 * commissions, liquidation fees, funding, insurance/ADL, absorbed deficits), their net, and its
 * value in the report currency; a final `TOTAL` row whose value is the `derivatives.net` of
 * summary.json (exact sum, rounded once). Margin interest is not part of it (Form 4952).
 */
import type { DerivativeLine } from '../../derivatives/position-lines.js';
import type { ComponentKind } from '../../derivatives/build-positions.js';
import { ZERO, type Dec } from '../../model/decimal.js';
import { formatMoney } from '../../model/rounding.js';
import { num, renderCsv, type Cell } from './write-csv.js';

export function renderDerivativesReconciliationCsv(lines: readonly DerivativeLine[], currency: string): string {
  const units = (v: Dec | undefined): Cell => num((v ?? ZERO).toFixed());
  const rows: Cell[][] = [];
  let total = ZERO;
  for (const l of lines) {
    for (const u of l.units) {
      const k = (kind: ComponentKind): Dec | undefined => u.byKind[kind];
      rows.push([
        l.id, l.wallet, l.contract, l.closed, u.asset,
        units(k('pnl')), units(k('commission')), units(k('liquidation-fee')), units(k('funding')),
        units((k('insurance') ?? ZERO).plus(k('adl') ?? ZERO)), units(k('deficit-absorbed')), units(u.net),
        num(formatMoney(u.value)),
      ]);
      total = total.plus(u.value);
    }
  }
  rows.push(['TOTAL', '', '', '', '', '', '', '', '', '', '', '', num(formatMoney(total))]);
  return renderCsv(
    [
      'line', 'venue', 'contract', 'closed', 'asset', 'venue_realized_pnl', 'commissions', 'liquidation_fees', 'funding',
      'insurance_and_adl', 'deficit_absorbed', 'net_units', `taxed_${currency.toLowerCase()}`,
    ],
    rows,
  );
}
