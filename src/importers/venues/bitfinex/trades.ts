/**
 * Bitfinex — trades report (docs/formats.md §2.11; BittyTax `bitfinex.py`). Both headers:
 * `#,PAIR,AMOUNT,PRICE,FEE,FEE PERC,FEE CURRENCY,DATE,ORDER ID` and the one without `FEE PERC`.
 *
 * Export: bitfinex.com › Reports (report.bitfinex.com) › Trades › Export (CSV).
 *
 * Mapping:
 * - `AMOUNT` is signed in the base currency: + buys base, − sells it. The quote side is
 *   |AMOUNT| × PRICE, kept exact (BittyTax rounds it to 8 places; the engine rounds nothing).
 * - `FEE` is negative in `FEE CURRENCY` (base or quote) and leaves in addition to both sides:
 *   `0.028 BTC @ 974.39, FEE -0.000028 BTC` → sent 27.28292 USD, received 0.028 BTC, fee 0.000028 BTC.
 *   A positive `FEE` is a maker rebate paid to the user: the trade plus an `income:reward` of it.
 * - `DATE` follows the report's date setting: default `DD-MM-YY HH:MM:SS` (day first — BittyTax
 *   and a public fixture, `04-02-20 16:52:06` at BTC 9212 = 4 Feb 2020), or ISO `YYYY-MM-DD …`.
 *   The report's time zone setting defaults to UTC; a user who changed it passes --input-timezone.
 * - Perpetual pairs (`…F0`) and funding symbols are rejected `ROW_UNSUPPORTED`. Margin trades on
 *   spot pairs carry no marker in this report and cannot be told apart (docs/formats.md §2.15).
 */
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { bitfinexAsset, readPair } from './symbols.js';

export const bitfinexTrades = defineImporter({
  id: 'bitfinex-trades',
  label: 'Bitfinex: trades report',
  howToExport: 'Bitfinex › Reports (report.bitfinex.com) › Trades › Export › CSV',
  wallet: 'bitfinex',
  zone: 'UTC',
  columns: {
    id: text('#'),
    pair: text('PAIR'),
    amount: decimal('AMOUNT'),
    price: decimal('PRICE'),
    fee: optional(decimal('FEE')),
    feePercent: ifPresent(text('FEE PERC')),
    feeCurrency: text('FEE CURRENCY'),
    date: instant('DATE', { order: 'dmy' }),
    orderId: text('ORDER ID'),
  },
  mapRow(row): RowOutcome {
    const pair = readPair(row.pair);
    if (pair.kind === 'derivative' || pair.kind === 'funding') {
      return reject('ROW_UNSUPPORTED', `Bitfinex ${pair.kind} trade on "${row.pair}"`, 'derivatives and funding are not supported yet; the row is counted as rejected');
    }
    if (pair.kind === 'unreadable') return reject('ROW_UNKNOWN_TYPE', `cannot read the Bitfinex pair "${row.pair}" as BASE/QUOTE`);
    if (row.amount.isZero()) return reject('ROW_MISSING_VALUE', 'AMOUNT is zero');
    if (!row.price.isPositive() || row.price.isZero()) return reject('ROW_INCONSISTENT', `PRICE ${row.price.toFixed()} is not positive`);
    const baseQty: Quantity = { asset: pair.base, amount: row.amount.abs() };
    const quoteQty: Quantity = { asset: pair.quote, amount: row.amount.abs().times(row.price) };
    const buy = row.amount.isPositive();
    const base = { instant: row.date, ...(row.orderId ? { note: `order ${row.orderId}` } : {}) };
    const fee = row.fee && !row.fee.isZero() ? row.fee : undefined;
    if (fee && row.feeCurrency === '') return reject('ROW_MISSING_VALUE', `FEE ${fee.toFixed()} without FEE CURRENCY`);
    const feeQty: Quantity | undefined = fee ? { asset: bitfinexAsset(row.feeCurrency), amount: fee.abs() } : undefined;
    const trade: EventDraft = {
      kind: 'trade',
      sent: buy ? quoteQty : baseQty,
      received: buy ? baseQty : quoteQty,
      ...base,
      ...(feeQty && fee?.isNegative() ? { fee: feeQty } : {}),
    };
    if (feeQty && fee?.isPositive()) {
      return events(trade, { kind: 'income', incomeKind: 'reward', received: feeQty, ...base, note: `maker rebate, order ${row.orderId}` });
    }
    return events(trade);
  },
});
