/**
 * Derivatives schedule: one row per Form 8949 line of a derivative position (src/derivatives), in
 * the tax year — contract, opened, closed, realized PnL, fees, funding, net, liquidation flag and
 * the source rows. Amounts in the report currency, each rounded on its own line (rounding.ts);
 * `net` is the exact net rounded, so it may differ by a cent from the rounded parts.
 */
import type { DerivativeLine } from '../../derivatives/position-lines.js';
import { formatSourceRef } from '../../model/source-ref.js';
import { formatMoney } from '../../model/rounding.js';
import { num, renderCsv } from './write-csv.js';

export const DERIVATIVES_HEADER = [
  'line', 'venue', 'account', 'contract', 'method', 'opened', 'closed', 'term', 'realized_pnl', 'fees', 'funding', 'net',
  'liquidated', 'still_open', 'settlement', 'price_source', 'sources',
] as const;

export function renderDerivativesCsv(lines: readonly DerivativeLine[]): string {
  return renderCsv(
    DERIVATIVES_HEADER,
    lines.map((l) => [
      l.id,
      l.wallet,
      l.account,
      l.contract,
      l.group.method,
      l.opened,
      l.closed,
      l.term,
      num(formatMoney(l.totals.realizedPnl)),
      num(formatMoney(l.totals.fees)),
      num(formatMoney(l.totals.funding)),
      num(formatMoney(l.totals.net)),
      l.liquidated ? 'yes' : 'no',
      l.stillOpen ? 'yes' : 'no',
      l.units.map((u) => `${u.asset} ${u.net.toFixed()}`).join('; '),
      l.priceSource,
      l.sources.map(formatSourceRef).join(' '),
    ]),
  );
}
