/**
 * Bitfinex — deposits and withdrawals report (docs/formats.md §2.11; BittyTax `bitfinex.py`). Headers:
 * `#,STARTED,UPDATED,CURRENCY,STATUS,AMOUNT,FEES,DESCRIPTION,TRANSACTION ID,NOTE`,
 * `#,DATE,CURRENCY,STATUS,AMOUNT,FEES,DESCRIPTION,TRANSACTION ID,NOTE` and the same without `NOTE`.
 *
 * Export: bitfinex.com › Reports (report.bitfinex.com) › Movements › Export (CSV).
 *
 * Mapping:
 * - Only `COMPLETED` rows moved funds; any other status (CANCELED, PENDING, …) is skipped naming it.
 * - `AMOUNT` is signed: + deposit, − withdrawal. `FEES` (negative) is charged in the same currency
 *   in addition to the amount (BittyTax books it the same way).
 * - The instant is `UPDATED` (when the movement completed) where the report has it, else `DATE`;
 *   dates follow the report setting like the trades report (day-first default, or ISO), UTC.
 * - `TRANSACTION ID` is the on-chain hash (empty for bank wires); `DESCRIPTION` (usually the
 *   address) and `NOTE` become the note.
 */
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type RowOutcome } from '../../importer-spec.js';
import { bitfinexAsset } from './symbols.js';

export const bitfinexMovements = defineImporter({
  id: 'bitfinex-movements',
  label: 'Bitfinex: deposits and withdrawals (movements) report',
  howToExport: 'Bitfinex › Reports (report.bitfinex.com) › Movements › Export › CSV',
  wallet: 'bitfinex',
  zone: 'UTC',
  columns: {
    id: text('#'),
    date: instant(['UPDATED', 'DATE'], { order: 'dmy' }),
    currency: text('CURRENCY'),
    status: text('STATUS'),
    amount: decimal('AMOUNT'),
    fees: optional(decimal('FEES')),
    description: text('DESCRIPTION'),
    txId: text('TRANSACTION ID'),
    note: ifPresent(text('NOTE')),
  },
  mapRow(row): RowOutcome {
    if (row.status.toUpperCase() !== 'COMPLETED') {
      return skip(`Bitfinex movement with status ${row.status || '(empty)'}: not completed, no funds moved`);
    }
    if (row.amount.isZero()) return reject('ROW_MISSING_VALUE', 'AMOUNT is zero');
    if (row.currency === '') return reject('ROW_MISSING_VALUE', 'CURRENCY is empty');
    const asset = bitfinexAsset(row.currency);
    const moved: Quantity = { asset, amount: row.amount.abs() };
    const note = [row.description, row.note].filter((s) => s).join(' — ');
    const base = {
      instant: row.date,
      ...(row.fees && !row.fees.isZero() ? { fee: { asset, amount: row.fees.abs() } } : {}),
      ...(row.txId ? { txHash: row.txId } : {}),
      ...(note ? { note } : {}),
    };
    return events(row.amount.isPositive() ? { kind: 'deposit', received: moved, ...base } : { kind: 'withdrawal', sent: moved, ...base });
  },
});
