/**
 * Bittrex order histories (docs/formats.md "Bittrex"; rotki `bittrex.py`, BittyTax `bittrex.py`,
 * everytrade `BittrexBeanV1..3`). Bittrex closed in 2023; users still hold its exports:
 * - 2023 (`bittrex-orders`): a `Name:` / `UserID:` / `Date Generated:` preamble, then `TXID, Time
 *   (UTC), Transaction, Order Type, Market, Base, Quote, Price, Quantity (Base), Fees (Quote),
 *   Total (Quote), Approx Value (USD), Time In Force, Notes`. `Total` is what a buy paid, fee
 *   included, or what a sale brought in, fee deducted ("Bought 731.28 SWT for 0.2499 BTC").
 * - 2017–2019 (`bittrex-orders-v1`): `OrderUuid, Exchange, Type, Quantity, Limit, CommissionPaid,
 *   Price, Opened, Closed`; `Exchange` is `QUOTE-BASE` (`BTC-ETH`: ETH priced in BTC); `Price`
 *   is the order's total in the quote currency before the commission.
 * - 2019–2020 (`bittrex-orders-v2`): `Uuid, Exchange, TimeStamp, OrderType, Limit, Quantity,
 *   QuantityRemaining, Commission, Price, PricePerUnit, …, Closed`: the filled quantity is
 *   Quantity − QuantityRemaining, `Price` the total as in v1.
 * - the upper-case full history (`bittrex-orders-v0`): `UUID, QUOTE, MARKET, ORDERTYPE, LIMIT,
 *   CEILING, QUANTITY, FILLED, PROCEEDS, COMISSIONPAID, OPENED, CLOSED, …`.
 * The commission is in the quote currency and leaves in addition to the amounts.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';

const HOW = 'Bittrex › Orders › Order history › Download (CSV); after the 2023 closure, the emailed account export';

function trade(side: string, base: string, quote: string, baseAmount: Dec, quoteAmount: Dec, fee: Dec | undefined, instantMs: number, note: string): RowOutcome {
  const s = side.toUpperCase();
  const buy = s.includes('BUY') || s === 'BOUGHT';
  const sell = s.includes('SELL') || s === 'SOLD';
  if (!buy && !sell) return reject('ROW_UNKNOWN_TYPE', `unknown Bittrex order type "${side}"`);
  if (baseAmount.isZero()) return skip('order with nothing filled');
  const b = { asset: normalizeAsset(base), amount: baseAmount.abs() };
  const q = { asset: normalizeAsset(quote), amount: quoteAmount.abs() };
  const withFee = fee && !fee.isZero() ? { fee: { asset: q.asset, amount: fee.abs() } } : {};
  return events(buy ? { kind: 'trade', sent: q, received: b, instant: instantMs, note, ...withFee } : { kind: 'trade', sent: b, received: q, instant: instantMs, note, ...withFee });
}

function splitMarket(exchange: string): [string, string] | undefined {
  const [quote, base] = exchange.split('-');
  return quote && base ? [quote, base] : undefined;
}

export const bittrexOrders = defineImporter({
  id: 'bittrex-orders',
  label: 'Bittrex: order history, 2023 export (TXID, Time (UTC), Transaction, Market, Base, Quote, …)',
  howToExport: HOW,
  wallet: 'bittrex',
  columns: {
    txid: text('TXID'),
    time: instant('Time (UTC)'),
    transaction: text('Transaction'),
    base: text('Base'),
    quote: text('Quote'),
    quantity: decimal('Quantity (Base)'),
    fees: optional(decimal('Fees (Quote)')),
    total: decimal('Total (Quote)'),
  },
  signature: { also: ['Market', 'Price'] },
  mapRow(row): RowOutcome {
    const fee = row.fees?.abs();
    const buy = row.transaction.toLowerCase() === 'bought';
    // Total: paid with the fee (buy) or received without it (sale); the event states the fee apart
    const quote = fee ? (buy ? row.total.abs().minus(fee) : row.total.abs().plus(fee)) : row.total.abs();
    if (quote.isNegative()) return reject('ROW_INCONSISTENT', 'Fees (Quote) exceed Total (Quote)');
    return trade(row.transaction, row.base, row.quote, row.quantity, quote, fee, row.time, `order ${row.txid}`);
  },
});

export const bittrexOrdersV1 = defineImporter({
  id: 'bittrex-orders-v1',
  label: 'Bittrex: order history, 2017–2019 (OrderUuid, Exchange, Type, Quantity, Limit, CommissionPaid, Price, Opened, Closed)',
  howToExport: HOW,
  wallet: 'bittrex',
  columns: {
    id: text('OrderUuid'),
    exchange: text('Exchange'),
    type: text('Type'),
    quantity: decimal('Quantity'),
    commission: optional(decimal('CommissionPaid')),
    price: decimal('Price'),
    closed: instant('Closed'),
  },
  signature: { also: ['Limit', 'Opened'] },
  mapRow(row): RowOutcome {
    const m = splitMarket(row.exchange);
    if (!m) return reject('ROW_MISSING_VALUE', `cannot read market "${row.exchange}" (QUOTE-BASE)`);
    return trade(row.type, m[1], m[0], row.quantity, row.price, row.commission, row.closed, `order ${row.id}`);
  },
});

export const bittrexOrdersV2 = defineImporter({
  id: 'bittrex-orders-v2',
  label: 'Bittrex: order history, 2019–2020 (Uuid, Exchange, TimeStamp, OrderType, Quantity, QuantityRemaining, Commission, Price, …)',
  howToExport: HOW,
  wallet: 'bittrex',
  columns: {
    id: text('Uuid'),
    exchange: text('Exchange'),
    type: text('OrderType'),
    quantity: decimal('Quantity'),
    remaining: optional(decimal('QuantityRemaining')),
    commission: optional(decimal('Commission')),
    price: decimal('Price'),
    closed: instant('Closed'),
  },
  signature: { also: ['TimeStamp', 'PricePerUnit'] },
  mapRow(row): RowOutcome {
    const m = splitMarket(row.exchange);
    if (!m) return reject('ROW_MISSING_VALUE', `cannot read market "${row.exchange}" (QUOTE-BASE)`);
    const filled = row.remaining ? row.quantity.minus(row.remaining) : row.quantity;
    return trade(row.type, m[1], m[0], filled, row.price, row.commission, row.closed, `order ${row.id}`);
  },
});

export const bittrexOrdersV0 = defineImporter({
  id: 'bittrex-orders-v0',
  label: 'Bittrex: full order history, upper-case header (UUID, QUOTE, MARKET, ORDERTYPE, …, FILLED, PROCEEDS, COMISSIONPAID, …)',
  howToExport: HOW,
  wallet: 'bittrex',
  columns: {
    id: text('UUID'),
    quote: text('QUOTE'),
    market: text('MARKET'),
    type: text('ORDERTYPE'),
    filled: decimal('FILLED'),
    proceeds: decimal('PROCEEDS'),
    commission: optional(decimal('COMISSIONPAID')),
    closed: instant('CLOSED'),
    opened: ifPresent(text('OPENED')),
  },
  mapRow(row): RowOutcome {
    return trade(row.type, row.market, row.quote, row.filled, row.proceeds, row.commission, row.closed, `order ${row.id}`);
  },
});
