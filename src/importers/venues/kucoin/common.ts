/**
 * What the KuCoin exports share: the empty-report sentinel, `BASE-QUOTE` symbols, the default
 * zone of headers without an offset, and the spot trade built from one filled order or fill.
 */
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { normalizeAsset } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { events, reject, type RowOutcome } from '../../importer-spec.js';

/**
 * Zone of KuCoin cells whose header carries no `(UTC±hh:mm)`: KuCoin displays Singapore time
 * (UTC+8, no DST since 1982) by default; BittyTax reads such files with `tz="Asia/Singapore"`.
 */
export const KUCOIN_DEFAULT_ZONE = '+08:00';

/** The columns both Filled Orders variants (per fill, per order) read. */
export const FILLED_ORDER_COLUMNS = {
  uid: text('UID'),
  accountType: text('Account Type'),
  orderId: text('Order ID'),
  symbol: text('Symbol'),
  side: text('Side'),
  amount: optional(decimal('Filled Amount')),
  volume: optional(decimal('Filled Volume')),
  time: optional(instant(/^Filled Time(\s*\((UTC|GMT)[^)]*\))?$/i)),
  fee: optional(decimal('Fee')),
  feeCurrency: text('Fee Currency'),
  tax: ifPresent(decimal('Tax')),
};

/** An empty report: one row whose first cell is this text (docs/formats.md §2.7). */
export const EMPTY_REPORT = 'No matching records found.';
export const EMPTY_REPORT_REASON = 'KuCoin empty-report marker "No matching records found."';

export const missing = (column: string): RowOutcome => reject('ROW_MISSING_VALUE', `column "${column}" is empty`);

/** `DAG-USDT` → base DAG, quote USDT; undefined when the symbol is not `BASE-QUOTE`. */
export function splitSymbol(symbol: string): { base: string; quote: string } | undefined {
  const parts = symbol.split('-');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { base: normalizeAsset(parts[0]), quote: normalizeAsset(parts[1]) };
}

export interface SpotFill {
  readonly instant: number;
  readonly symbol: string;
  readonly side: string;
  /** Base units filled (`Filled Amount`, `size`). */
  readonly amount: Dec;
  /** Quote units filled (`Filled Volume`, `funds`), before the fee. */
  readonly volume: Dec;
  readonly fee?: Dec;
  readonly feeCurrency: string;
  readonly note?: string;
}

/**
 * A filled spot order → one trade. `Filled Volume` is gross: the fee is charged on top of it
 * (BittyTax test: SELL 174196.5908 DAG → buy 8889.0827367732 USDT, fee 8.8890827367732 USDT),
 * which is exactly the event model's "fee leaves in addition".
 */
export function spotTrade(fill: SpotFill): RowOutcome {
  const pair = splitSymbol(fill.symbol);
  if (!pair) return reject('ROW_UNKNOWN_TYPE', `symbol "${fill.symbol}" is not BASE-QUOTE`);
  const side = fill.side.toLowerCase();
  if (side !== 'buy' && side !== 'sell') return reject('ROW_UNKNOWN_TYPE', `unknown side "${fill.side}"`);
  if (fill.amount.isNegative() || fill.volume.isNegative()) {
    return reject('ROW_INCONSISTENT', `negative filled amount or volume (${fill.amount.toFixed()}, ${fill.volume.toFixed()})`);
  }
  const base: Quantity = { asset: pair.base, amount: fill.amount };
  const quote: Quantity = { asset: pair.quote, amount: fill.volume };
  let fee: Quantity | undefined;
  if (fill.fee !== undefined && !fill.fee.isZero()) {
    if (fill.fee.isNegative()) return reject('ROW_INCONSISTENT', `negative fee ${fill.fee.toFixed()}`);
    if (fill.feeCurrency === '') return reject('ROW_MISSING_VALUE', 'a fee is stated without its currency');
    fee = { asset: normalizeAsset(fill.feeCurrency), amount: fill.fee };
  }
  return events({
    kind: 'trade',
    instant: fill.instant,
    sent: side === 'buy' ? quote : base,
    received: side === 'buy' ? base : quote,
    ...(fee ? { fee } : {}),
    ...(fill.note ? { note: fill.note } : {}),
  });
}

/**
 * Account types of spot orders. Margin accounts are rejected (not yet supported); any other
 * value is named in a rejection rather than guessed.
 */
export function checkSpotAccount(accountType: string): RowOutcome | undefined {
  const key = accountType.toLowerCase().replace(/[^a-z]/g, '');
  if (key.includes('margin')) {
    return reject('ROW_UNSUPPORTED', `KuCoin ${accountType} order: margin support is not yet available`);
  }
  const spot = ['', 'main', 'mainaccount', 'trade', 'trading', 'tradingaccount', 'tradehf', 'spot', 'spotaccount'];
  return spot.includes(key) ? undefined : reject('ROW_UNKNOWN_TYPE', `unknown KuCoin account type "${accountType}"`);
}
