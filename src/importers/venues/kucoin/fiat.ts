/**
 * KuCoin fiat exports: "Buy Crypto" orders (two layouts) and fiat deposits (docs/formats.md §2.7;
 * BittyTax `parse_kucoin_fiat_trades`, `parse_kucoin_fiat_trades_v2`, `parse_kucoin_deposits_fiat`).
 *
 * Menu: KuCoin › Orders › Buy Crypto (Fiat) Orders › Export; Assets › Fiat Deposit History › Export.
 * Headers:
 * - v1 `Order ID,Order Type,Currency (Crypto),Crypto Quantity,,Price,Currency (Fiat),Fiat Amount,
 *   Fee Currency,Fee,Status,Time(UTC±hh:mm)` — KuCoin writes the quantity header as the quoted cell
 *   `"Crypto Quantity,"`; a file with a plain `Crypto Quantity` and an empty column is read the same;
 * - v2 `Order ID,Currency (Crypto),Crypto Quantity,Currency (Fiat),Fiat Amount,Fee Currency (Fiat),
 *   Fee (Fiat),Fee Currency (Crypto),Fee (Crypto),Payment Method,Status,Time(UTC±hh:mm)`;
 * - deposits `Order ID,Currency (Fiat),Fiat Amount,Fee,Deposit Method,Status,Time(UTC±hh:mm)`.
 *
 * Mapping (as BittyTax): a completed order (`DONE` in v1, `SUCCEEDED` in v2; `SUCCESS` accepted
 * too) is a trade: `Fiat Amount` fiat sent, `Crypto Quantity` crypto received, the fee leaving in
 * addition. Decision (v1 has `Order Type`): `SELL` reverses the legs; `BUY` or empty is a
 * purchase; any other order type is rejected by name. v2 states a fiat and a crypto fee: the one
 * that is non-zero is the fee; both non-zero is rejected (one fee per event). A completed fiat
 * deposit (`SUCCEEDED`) is a deposit of `Fiat Amount`, its `Fee` in the same currency in
 * addition. Failed, cancelled and pending orders moved nothing: skipped naming the status; any
 * other status is rejected. Times: the header's offset (a bare header is Singapore time).
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { KUCOIN_DEFAULT_ZONE, missing } from './common.js';

const DONE = new Set(['DONE', 'SUCCEEDED', 'SUCCESS', 'COMPLETED']);
const NOT_DONE = new Set(['FAIL', 'FAILED', 'FAILURE', 'CANCEL', 'CANCELED', 'CANCELLED', 'PROCESSING', 'PENDING', 'EXPIRED', 'REFUNDED', 'CLOSED']);
const TIME = /^Time(\s*\((UTC|GMT)[^)]*\))?$/i;

function status(value: string, what: string): RowOutcome | undefined {
  const s = value.toUpperCase();
  if (DONE.has(s)) return undefined;
  if (NOT_DONE.has(s)) return skip(`KuCoin ${what} not completed (status ${value})`);
  return reject('ROW_UNKNOWN_TYPE', `unknown KuCoin ${what} status "${value}"`);
}

function fee(amount: Dec | undefined, currency: string): Quantity | undefined {
  return amount && !amount.isZero() && currency !== '' ? { asset: normalizeAsset(currency), amount: amount.abs() } : undefined;
}

function fiatTrade(p: { instant: number; side: 'buy' | 'sell'; crypto: Quantity; fiat: Quantity; fee?: Quantity | undefined; note: string }): RowOutcome {
  return events({
    kind: 'trade',
    instant: p.instant,
    sent: p.side === 'buy' ? p.fiat : p.crypto,
    received: p.side === 'buy' ? p.crypto : p.fiat,
    ...(p.fee ? { fee: p.fee } : {}),
    note: p.note,
  });
}

export const kucoinFiatOrdersV1 = defineImporter({
  id: 'kucoin-fiat-orders-v1',
  label: 'KuCoin Buy Crypto (fiat) orders, v1 (`Order Type,…,Crypto Quantity,,Price,…`)',
  howToExport: 'KuCoin › Orders › Fiat Orders › Export',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    orderId: text('Order ID'),
    orderType: text('Order Type'),
    crypto: text('Currency (Crypto)'),
    quantity: optional(decimal(['Crypto Quantity,', 'Crypto Quantity'])),
    fiat: text('Currency (Fiat)'),
    fiatAmount: optional(decimal('Fiat Amount')),
    feeCurrency: text('Fee Currency'),
    fee: optional(decimal('Fee')),
    status: text('Status'),
    time: optional(instant(TIME)),
  },
  signature: { also: ['Price'] },
  mapRow(row) {
    const s = status(row.status, 'fiat order');
    if (s) return s;
    const type = row.orderType.toLowerCase();
    if (type !== '' && type !== 'buy' && type !== 'sell') return reject('ROW_UNKNOWN_TYPE', `unknown KuCoin fiat order type "${row.orderType}"`);
    if (row.time === undefined) return missing('Time');
    if (row.quantity === undefined) return missing('Crypto Quantity');
    if (row.fiatAmount === undefined) return missing('Fiat Amount');
    if (row.crypto === '' || row.fiat === '') return reject('ROW_MISSING_VALUE', 'Currency (Crypto) or Currency (Fiat) is empty');
    return fiatTrade({
      instant: row.time,
      side: type === 'sell' ? 'sell' : 'buy',
      crypto: { asset: normalizeAsset(row.crypto), amount: row.quantity.abs() },
      fiat: { asset: normalizeAsset(row.fiat), amount: row.fiatAmount.abs() },
      fee: fee(row.fee, row.feeCurrency),
      note: `fiat order ${row.orderId}`,
    });
  },
});

export const kucoinFiatOrdersV2 = defineImporter({
  id: 'kucoin-fiat-orders-v2',
  label: 'KuCoin Buy Crypto (fiat) orders, v2 (`Fee (Fiat)`, `Fee (Crypto)`, `Payment Method`)',
  howToExport: 'KuCoin › Orders › Fiat Orders › Export',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    orderId: text('Order ID'),
    crypto: text('Currency (Crypto)'),
    quantity: optional(decimal('Crypto Quantity')),
    fiat: text('Currency (Fiat)'),
    fiatAmount: optional(decimal('Fiat Amount')),
    fiatFeeCurrency: text('Fee Currency (Fiat)'),
    fiatFee: optional(decimal('Fee (Fiat)')),
    cryptoFeeCurrency: text('Fee Currency (Crypto)'),
    cryptoFee: optional(decimal('Fee (Crypto)')),
    method: text('Payment Method'),
    status: text('Status'),
    time: optional(instant(TIME)),
  },
  mapRow(row) {
    const s = status(row.status, 'fiat order');
    if (s) return s;
    if (row.time === undefined) return missing('Time');
    if (row.quantity === undefined) return missing('Crypto Quantity');
    if (row.fiatAmount === undefined) return missing('Fiat Amount');
    if (row.crypto === '' || row.fiat === '') return reject('ROW_MISSING_VALUE', 'Currency (Crypto) or Currency (Fiat) is empty');
    const fiatFee = fee(row.fiatFee, row.fiatFeeCurrency || row.fiat);
    const cryptoFee = fee(row.cryptoFee, row.cryptoFeeCurrency || row.crypto);
    if (fiatFee && cryptoFee) return reject('ROW_UNSUPPORTED', 'fiat order with both a fiat and a crypto fee', 'enter it in the taxlot generic format as a trade plus a fee row');
    return fiatTrade({
      instant: row.time,
      side: 'buy',
      crypto: { asset: normalizeAsset(row.crypto), amount: row.quantity.abs() },
      fiat: { asset: normalizeAsset(row.fiat), amount: row.fiatAmount.abs() },
      fee: fiatFee ?? cryptoFee,
      note: `fiat order ${row.orderId}${row.method ? ` (${row.method})` : ''}`,
    });
  },
});

export const kucoinFiatDeposits = defineImporter({
  id: 'kucoin-fiat-deposits',
  label: 'KuCoin fiat deposits (`Order ID,Currency (Fiat),Fiat Amount,Fee,Deposit Method,…`)',
  howToExport: 'KuCoin › Assets › Fiat Deposit History › Export',
  wallet: 'kucoin',
  zone: KUCOIN_DEFAULT_ZONE,
  columns: {
    orderId: text('Order ID'),
    fiat: text('Currency (Fiat)'),
    amount: optional(decimal('Fiat Amount')),
    fee: optional(decimal('Fee')),
    method: text('Deposit Method'),
    status: text('Status'),
    time: optional(instant(TIME)),
  },
  mapRow(row) {
    const s = status(row.status, 'fiat deposit');
    if (s) return s;
    if (row.time === undefined) return missing('Time');
    if (row.amount === undefined) return missing('Fiat Amount');
    if (row.fiat === '') return missing('Currency (Fiat)');
    const f = fee(row.fee, row.fiat);
    return events({
      kind: 'deposit',
      instant: row.time,
      received: { asset: normalizeAsset(row.fiat), amount: row.amount.abs() },
      ...(f ? { fee: f } : {}),
      note: `fiat deposit ${row.orderId}${row.method ? ` (${row.method})` : ''}`,
    });
  },
});
