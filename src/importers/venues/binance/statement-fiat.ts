/**
 * Card and fiat purchases and sales in a Binance statement (`Buy Crypto`, `Buy Crypto With Card`,
 * `Buy Crypto With Fiat`, `Sell Crypto To Fiat`, `Convert Fiat to Crypto OCBS`).
 *
 * Their rows need not share a second: everytrade's BinanceBeanV4Test books `Buy Crypto` as
 * `CZK +9810` (12:30:56), `CZK −9810` (12:30:57), `BUSD +420.42422437` (12:30:58), and
 * `Sell Crypto To Fiat` as `EUR +15.15` (13:33:37), `BTC −0.00015701` (13:33:38); what ties them
 * is the order id in `Remark` (`N01332481043188123648031554`, `Via CashBalance - Wallet/N0265…`).
 * So rows with an order id are grouped by it, others by second (`statements.ts`), and read as
 * everytrade does: fiat credited and spent within the order is a deposit of that fiat (the card
 * payment arriving) followed by the trade; the trade is the coin paid against the coin received,
 * dated by its last row. A purchase with nothing paid in the statement is a deposit of unknown
 * basis (rotki's reading of `Buy Crypto`); one with nothing received is rejected as incomplete.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { ZERO } from '../../../model/decimal.js';
import { events, reject, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import type { StatementRow } from './statement-groups.js';

/**
 * The order id a purchase's `Remark` carries, when it carries one.
 * @example fiatOrderId('Via CashBalance -  Wallet/N02657558939781470208082834') // 'N02657558939781470208082834'
 */
export function fiatOrderId(remark: string | undefined): string | undefined {
  return /(?:^|[^A-Za-z0-9])([A-Z]?\d{15,})(?![A-Za-z0-9])/.exec(remark ?? '')?.[1];
}

const UNKNOWN_BASIS = 'credited by a card/fiat order whose payment is not in the statement (basis unknown unless it is fiat)';

export function mapFiatPurchase(rows: readonly StatementRow[]): RowOutcome {
  const indexed = rows.map((row, index) => ({ row, index, asset: normalizeAsset(row.coin) })).filter((r) => !r.row.change.isZero());
  const credited = new Set(indexed.filter((r) => r.row.change.isPositive()).map((r) => r.asset));
  const debited = new Set(indexed.filter((r) => r.row.change.isNegative()).map((r) => r.asset));
  const passThrough = (a: string): boolean => credited.has(a) && debited.has(a);
  const drafts: EventDraft[] = [];
  // fiat credited and spent in the same order: it arrived first (a deposit), then paid for the coin
  for (const r of indexed) {
    if (r.row.change.isPositive() && passThrough(r.asset)) {
      drafts.push({ kind: 'deposit', instant: r.row.time, received: { asset: r.asset, amount: r.row.change }, note: `${r.row.operation}: funds credited for the purchase`, groupRows: [r.index] });
    }
  }
  const sent = indexed.filter((r) => r.row.change.isNegative());
  const received = indexed.filter((r) => r.row.change.isPositive() && !passThrough(r.asset));
  if (sent.length === 0) {
    for (const r of received) drafts.push({ kind: 'deposit', instant: r.row.time, received: { asset: r.asset, amount: r.row.change }, note: `${r.row.operation}: ${UNKNOWN_BASIS}`, groupRows: [r.index] });
    return events(...drafts);
  }
  const list = indexed.map((r) => `${r.row.change.toFixed()} ${r.asset}`).join(', ');
  if (received.length === 0) {
    return reject('ROW_UNSUPPORTED', `card/fiat order with only what was paid (${list})`, 'the statement does not show what the order bought or sold; enter it with the taxlot generic format');
  }
  const sentAssets = new Set(sent.map((r) => r.asset));
  const receivedAssets = new Set(received.map((r) => r.asset));
  if (sentAssets.size !== 1 || receivedAssets.size !== 1) {
    return reject('ROW_INCONSISTENT', `card/fiat order with several coins on a side (${list})`, 'enter the purchase with the taxlot generic format');
  }
  const legs = [...sent, ...received];
  const total = (side: typeof sent): typeof ZERO => side.reduce((s, r) => s.plus(r.row.change.abs()), ZERO);
  drafts.push({
    kind: 'trade',
    instant: Math.max(...legs.map((r) => r.row.time)),
    sent: { asset: [...sentAssets][0] as string, amount: total(sent) },
    received: { asset: [...receivedAssets][0] as string, amount: total(received) },
    groupRows: legs.map((r) => r.index).sort((a, b) => a - b),
  });
  return events(...drafts);
}
