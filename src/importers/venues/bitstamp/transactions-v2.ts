/**
 * Bitstamp transaction history, v2 (the "RFC 4180" layout of 2025).
 *
 * Export: bitstamp.net › Account › Transactions › Export (CSV, all). Header
 * `ID,Account,Type,Subtype,Datetime,Amount,Amount currency,Value,Value currency,Rate,Rate currency,Fee,Fee currency,Order ID`
 * (docs/formats.md §2.6). Amounts are plain numbers with the currency in its own column; `Datetime`
 * is ISO 8601 with `Z`. Row meanings: `map.ts` (same as v1).
 */
import type { Dec } from '../../../model/decimal.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, type RowOutcome } from '../../importer-spec.js';
import { mapBitstampRow, type Money } from './map.js';

const money = (value: Dec, unit: string): Money => (unit ? { value, unit } : { value });

export const bitstampTransactionsV2 = defineImporter({
  id: 'bitstamp-transactions-v2',
  label: 'Bitstamp transaction history (v2, 2025, currency columns)',
  howToExport: 'bitstamp.net › Account › Transactions › Export, all transactions, CSV',
  wallet: 'bitstamp',
  zone: 'UTC',
  columns: {
    id: text('ID'),
    account: text('Account'),
    type: text('Type'),
    subtype: text('Subtype'),
    datetime: instant('Datetime'),
    amount: decimal('Amount'),
    amountCurrency: text('Amount currency'),
    value: optional(decimal('Value')),
    valueCurrency: text('Value currency'),
    rate: optional(decimal('Rate')),
    rateCurrency: text('Rate currency'),
    fee: optional(decimal('Fee')),
    feeCurrency: text('Fee currency'),
    orderId: text('Order ID'),
  },
  mapRow(row): RowOutcome {
    return mapBitstampRow({
      instant: row.datetime,
      type: row.type,
      subtype: row.subtype,
      amount: money(row.amount, row.amountCurrency),
      ...(row.value ? { value: money(row.value, row.valueCurrency) } : {}),
      ...(row.fee ? { fee: money(row.fee, row.feeCurrency) } : {}),
    });
  },
});
