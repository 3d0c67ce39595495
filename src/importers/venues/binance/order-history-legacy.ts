/**
 * Binance's old Order History export (2019–2020, `;`-separated), with each order's fills on
 * indented lines below it (everytrade's parser-files/binance_v002.csv):
 *
 *     Date(UTC);Pair;Type;Order Price;Order Amount;AvgTrading Price;Filled;Total;status
 *     2020-03-19 16:07:38;BTCUSDT;SELL;0.0;0.140900;5904.66;0.140900;831.97;Filled
 *     ;Date(UTC);Trading Price;Filled;Total;Fee;;;
 *     ;2020-03-19 16:07:38;5904.68;0.092957;548.88133876;0.03640176BNB;;;
 *     ;2020-03-19 16:07:38;5904.61;0.047943;283.08471723;0.01877415BNB;;;
 *
 * An order line names the market (`Pair`) and the side (`Type`); the fill lines under it start
 * with an empty cell and hold, under their own sub-header, the fill's time, price, base quantity
 * (`Filled`), quote amount (`Total`) and fee with its asset. Mapping: every fill is one trade —
 * BUY sends `Total` of the quote and receives `Filled` of the base, SELL the reverse; the fee
 * leaves in addition, in its stated asset. Order lines and sub-headers carry no movement of their
 * own (their fills do); an order whose status says it filled but that has no fill lines is
 * rejected, a cancelled one without fills skipped. Fills need the order above them, so the whole
 * file is one group read in order. Times are UTC.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { text } from '../../columns.js';
import { defineImporter, events, reject, skip, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { parseInstant } from '../../parse-instant.js';
import { parseNumber } from '../../parse-number.js';
import { amountWithAsset, splitPair, type Pair } from './pair.js';

const columns = {
  date: text('Date(UTC)'),
  pair: text('Pair'),
  type: text('Type'),
  orderPrice: text('Order Price'),
  orderAmount: text('Order Amount'),
  avgPrice: text('AvgTrading Price'),
  filled: text('Filled'),
  total: text('Total'),
  status: text('status'),
};
type Row = { readonly [K in keyof typeof columns]: string };

interface Order {
  readonly index: number;
  readonly pair: Pair;
  readonly buy: boolean;
  readonly status: string;
  fills: number;
}

const FILLED = /fill/i; // `Filled`, `Partial Fill`, `Partially Filled`

export const binanceOrderHistoryLegacy = defineImporter({
  id: 'binance-order-history-legacy',
  label: 'Binance order history, old layout (2019–2020, ";", fills on indented lines)',
  howToExport: 'Binance (2019–2020 site) › Orders › Order History › Export Complete Order History',
  wallet: 'binance',
  columns,
  signature: { also: ['Order Price', 'AvgTrading Price'] },
  groupKey: () => 'orders',
  mapGroup(rows): RowOutcome {
    const drafts: EventDraft[] = [];
    let order: Order | undefined;
    const unfilled = (o: Order | undefined): RowOutcome | undefined =>
      o && o.fills === 0 && FILLED.test(o.status) ? reject('ROW_INCONSISTENT', `order on line ${o.index + 1} of the group is "${o.status}" but no fill lines follow it`) : undefined;
    for (const [index, row] of (rows as readonly Row[]).entries()) {
      if (row.date.trim() !== '') {
        const problem = unfilled(order);
        if (problem) return problem;
        const pair = splitPair(row.pair);
        const side = row.type.trim().toUpperCase();
        if (!pair) return reject('ROW_UNKNOWN_TYPE', `order market "${row.pair}" is not a Binance pair taxlot can split`);
        if (side !== 'BUY' && side !== 'SELL') return reject('ROW_UNKNOWN_TYPE', `unknown order type "${row.type}"`);
        order = { index, pair, buy: side === 'BUY', status: row.status.trim(), fills: 0 };
        continue;
      }
      // fill lines: the columns are shifted one to the right under their own sub-header
      const [time, , filled, total, fee] = [row.pair, row.type, row.orderPrice, row.orderAmount, row.avgPrice];
      if (/^date/i.test(time.trim())) continue; // the fills' sub-header
      if (!order) return reject('ROW_INCONSISTENT', 'a fill line before any order line');
      const instant = parseInstant(time);
      const base = parseNumber(filled)?.value;
      const quote = parseNumber(total)?.value;
      if (instant === undefined) return reject('ROW_BAD_DATE', `fill time "${time}" is not a date`);
      if (!base || !quote || base.isNegative() || quote.isNegative()) return reject('ROW_BAD_NUMBER', `fill "${filled}" / "${total}" is not a positive quantity`);
      const feeCell = fee.trim();
      const f = feeCell === '' ? undefined : amountWithAsset(feeCell, [order.pair.base, order.pair.quote]);
      if (feeCell !== '' && !f) return reject('ROW_BAD_NUMBER', `cannot read fee "${fee}" as an amount with its asset`);
      const baseQ = { asset: order.pair.base, amount: base };
      const quoteQ = { asset: order.pair.quote, amount: quote };
      const [sent, received] = order.buy ? [quoteQ, baseQ] : [baseQ, quoteQ];
      order.fills++;
      drafts.push({
        kind: 'trade',
        instant,
        sent,
        received,
        ...(f && !f.amount.isZero() ? { fee: { asset: normalizeAsset(f.asset), amount: f.amount } } : {}),
        groupRows: [index, order.index],
      });
    }
    const problem = unfilled(order);
    if (problem) return problem;
    return drafts.length > 0 ? events(...drafts) : skip('orders without fills (cancelled or not executed)');
  },
});
