/**
 * OKX trading account history, current layout (docs/formats.md §2.9; not matched by BittyTax).
 *
 * Menu: OKX › Assets › Order center / Bills › Trading account › Download (statement CSV).
 * Preamble `UID:…,Account Type:Trading,Time Zone:UTC+8`, then
 * `id,Order id,Time,Trade Type,Symbol,Action,Amount,Trading Unit,Filled Price,PnL,Fee,Fee Unit,
 * Position Change,Position Balance,Balance Change,Balance,Balance Unit` (everytrade also shows
 * `Filled Price Unit` and `Position Unit` columns; they are not read).
 *
 * Mapping: one spot fill = two rows with the same `Order id` and `Time` (grouped): the row with
 * positive `Balance Change` is received, the negative one sent, each in its `Balance Unit`
 * (`Trading Unit` is not reliable on the quote leg). `Balance Change` is net of `Fee` (negative,
 * in `Fee Unit`), so the gross is `change − fee`: buy leg `0.0016453 BTC`, fee `−0.0000017 BTC` →
 * received 0.001647 BTC, fee 0.0000017 BTC. Decision (docs silent): a positive fee (rebate) is
 * left inside the net amount. `Transfer` rows are skipped (own accounts); `Perpetual`, `Swap`,
 * `Futures` rows are derivative events (`derivative-rows.ts`); `Margin`, `Options` rows are
 * rejected ROW_UNSUPPORTED. Times: see common.ts (UTC+8).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO, type Dec } from '../../../model/decimal.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { zoneInText } from '../../parse-instant.js';
import { defineImporter, events, reject, skip, type RowOf } from '../../importer-spec.js';
import { nonSpot, OKX_ZONE } from './common.js';
import { mapOkxDerivativeRow, OKX_DERIVATIVE_TYPES } from './derivative-rows.js';

const columns = {
  orderId: text('Order id'),
  time: instant('Time'),
  tradeType: text('Trade Type'),
  symbol: text('Symbol'),
  action: text('Action'),
  amount: optional(decimal('Amount')),
  pnl: optional(decimal('PnL')),
  fee: optional(decimal('Fee')),
  feeUnit: text('Fee Unit'),
  positionBalance: optional(decimal('Position Balance')),
  change: optional(decimal('Balance Change')),
  balance: optional(decimal('Balance')),
  unit: text('Balance Unit'),
};
type Row = RowOf<typeof columns>;

/** The two legs of one fill → trade amounts, or the reason they do not form one. */
export function okxSpotFill(rows: readonly Pick<Row, 'action' | 'change' | 'unit' | 'fee' | 'feeUnit'>[]): { sent: { asset: string; amount: Dec }; received: { asset: string; amount: Dec }; fee?: { asset: string; amount: Dec } } | string {
  const net = new Map<string, Dec>();
  const fees = new Map<string, Dec>();
  for (const row of rows) {
    if (!['buy', 'sell'].includes(row.action.toLowerCase())) return `unknown spot action "${row.action}"`;
    if (row.change === undefined) return 'a leg has no Balance Change';
    const asset = normalizeAsset(row.unit);
    net.set(asset, (net.get(asset) ?? ZERO).plus(row.change));
    if (row.fee && !row.fee.isZero()) fees.set(normalizeAsset(row.feeUnit), (fees.get(normalizeAsset(row.feeUnit)) ?? ZERO).plus(row.fee));
  }
  const legs = [...net.entries()];
  const s = legs.find(([, v]) => v.isNegative() && !v.isZero());
  const r = legs.find(([, v]) => v.gt(ZERO));
  if (legs.length !== 2 || !s || !r) return `expected one outgoing and one incoming asset, found ${legs.map(([a, v]) => `${v.toFixed()} ${a}`).join(', ')}`;
  if (fees.size > 1) return 'fees in more than one unit';
  const [feeAsset, signedFee] = [...fees.entries()][0] ?? ['', ZERO];
  const paid = signedFee.isNegative() ? signedFee.negated() : ZERO; // a rebate stays inside the net amount
  const gross = (asset: string, change: Dec): Dec => (asset === feeAsset ? change.abs().plus(change.isNegative() ? paid.negated() : paid) : change.abs());
  return {
    sent: { asset: s[0], amount: gross(s[0], s[1]) },
    received: { asset: r[0], amount: gross(r[0], r[1]) },
    ...(paid.gt(ZERO) ? { fee: { asset: feeAsset, amount: paid } } : {}),
  };
}

export const okxTradingHistory = defineImporter({
  id: 'okx-trading-history',
  label: 'OKX trading account history (current layout with `Symbol,Action,…,Balance Unit`)',
  howToExport: 'OKX › Assets › Bills / Order center › Trading account › Download statement (times in UTC+8 unless --input-timezone)',
  wallet: 'okx',
  zone: OKX_ZONE,
  // the preamble states the zone chosen at export: `…,Time Zone:UTC+8`
  zoneFrom: (file) => file.preamble.map(zoneInText).find((z) => z !== undefined),
  columns,
  signature: { also: ['id', 'Trading Unit', 'Filled Price', 'PnL', 'Position Change', 'Position Balance'] },
  groupKey: (row) => (row.tradeType.toLowerCase() === 'spot' ? `${row.orderId}|${row.time}` : undefined),
  mapGroup(rows) {
    const first = rows[0];
    if (!first) return skip('empty group');
    if (first.tradeType.toLowerCase() === 'transfer') return skip('OKX transfer between own accounts (funding ↔ trading)');
    if (OKX_DERIVATIVE_TYPES.has(first.tradeType.trim().toLowerCase())) {
      return mapOkxDerivativeRow({ ...first, instrument: first.symbol, balanceChange: first.change });
    }
    const other = nonSpot(first.tradeType, first.symbol);
    if (other) return other;
    const fill = okxSpotFill(rows);
    if (typeof fill === 'string') return reject('ROW_INCONSISTENT', `OKX spot fill ${first.symbol} (order ${first.orderId}): ${fill}`);
    return events({ kind: 'trade', instant: first.time, ...fill });
  },
});
