/**
 * Bitstamp transaction history, v1 (the layout before 2025).
 *
 * Export: bitstamp.net › Account › Transactions › Export (CSV, all). Header
 * `Type,Datetime,Account,Amount,Value,Rate,Fee,Sub Type` (docs/formats.md §2.6, BittyTax and rotki).
 * Money cells carry their unit (`1.00000000 ETH`, `2214.01 EUR`); dates read
 * `Jan. 28, 2022, 12:31 AM` (and `May 5, …` without a dot). Zone: UTC (decision: rotki reads
 * these dates as UTC; the file states no zone). Row meanings: `map.ts`. `Account` (main or a
 * sub-account) is not used: all accounts of the login are one wallet, `bitstamp`.
 */
import { decimalWithUnit, instant, optional, text } from '../../columns.js';
import { defineImporter, type RowOutcome } from '../../importer-spec.js';
import { mapBitstampRow } from './map.js';

export const bitstampTransactionsV1 = defineImporter({
  id: 'bitstamp-transactions-v1',
  label: 'Bitstamp transaction history (v1, amounts with units)',
  howToExport: 'bitstamp.net › Account › Transactions › Export, all transactions, CSV',
  wallet: 'bitstamp',
  zone: 'UTC',
  columns: {
    type: text('Type'),
    datetime: instant('Datetime'),
    account: text('Account'),
    amount: decimalWithUnit('Amount'),
    value: optional(decimalWithUnit('Value')),
    rate: optional(decimalWithUnit('Rate')),
    fee: optional(decimalWithUnit('Fee')),
    subType: text('Sub Type'),
  },
  mapRow(row): RowOutcome {
    return mapBitstampRow({
      instant: row.datetime,
      type: row.type,
      subtype: row.subType,
      amount: row.amount,
      ...(row.value ? { value: row.value } : {}),
      ...(row.fee ? { fee: row.fee } : {}),
    });
  },
});
