/**
 * Uphold — transaction history, v2 layout (docs/formats.md §2.12; BittyTax `uphold.py`, rotki
 * `uphold_transactions.py`): `Date,Destination,Destination Amount,Destination Currency,Fee Amount,
 * Fee Currency,Id,Origin,Origin Amount,Origin Currency,Status,Type`. The file starts with a BOM
 * (the driver strips it). Dates are JavaScript `Date.toString()` with their own offset
 * (`Tue May 26 2020 18:06:28 GMT+0000`), so the zone never matters.
 *
 * Export: uphold.com › Activity › ⋯ › Export transactions (CSV).
 *
 * Mapping. `Origin`/`Destination` are `uphold` or an outside node (a network such as
 * `xrp-ledger`, `credit-card`, a bank). Only `completed` rows moved funds; other statuses are
 * skipped naming the status. Decision where the sources are silent or disagree: a row is read as
 * "Origin Amount left the origin, Destination Amount arrived, the fee was taken out of the side
 * whose currency it is in" (Uphold's API: an origin amount includes fee and commission; rotki adds a
 * destination-currency fee back to the destination amount). So the Uphold balance changes by
 * exactly −Origin / +Destination, and:
 * - `in`, same currency: deposit of the gross amount, fee apart (a transfer from another Uphold
 *   member, origin `uphold`, reads the same way: an unexplained arrival the engine reports).
 * - `in`, currencies differ (card purchase, crypto sent to a card of another asset): deposit of
 *   the origin amount, then a trade origin → destination (BittyTax books only the deposit; rotki
 *   only the trade; both events keep every asset's balance right).
 * - `out`, same currency: withdrawal. `out`, currencies differ (converted on the way out): a trade
 *   origin → destination, then a withdrawal of the destination amount.
 * - `transfer`: between the user's own cards; currencies differ → trade, same → skipped (a fee
 *   on it, if any, is a fee event). Any other `Type` is rejected by name.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { tradeLegs } from './legs.js';

export const upholdTransactionsV2 = defineImporter({
  id: 'uphold-transactions-v2',
  label: 'Uphold: transaction history (Date, Destination, …, Status, Type)',
  howToExport: 'Uphold › Activity › ⋯ › Export transactions (CSV)',
  wallet: 'uphold',
  zone: 'UTC',
  columns: {
    date: instant('Date'),
    destination: text('Destination'),
    destinationAmount: decimal('Destination Amount'),
    destinationCurrency: text('Destination Currency'),
    feeAmount: optional(decimal('Fee Amount')),
    feeCurrency: text('Fee Currency'),
    id: text('Id'),
    origin: text('Origin'),
    originAmount: decimal('Origin Amount'),
    originCurrency: text('Origin Currency'),
    status: text('Status'),
    type: text('Type'),
  },
  mapRow(row): RowOutcome {
    if (row.status.toLowerCase() !== 'completed') return skip(`Uphold transaction with status ${row.status || '(empty)'}: not completed, no funds moved`);
    const type = row.type.toLowerCase();
    if (type !== 'in' && type !== 'out' && type !== 'transfer') return reject('ROW_UNKNOWN_TYPE', `unknown Uphold Type "${row.type}"`);
    if (row.originCurrency === '' || row.destinationCurrency === '') return reject('ROW_MISSING_VALUE', 'Origin Currency or Destination Currency is empty');
    const origin: Quantity = { asset: normalizeAsset(row.originCurrency), amount: row.originAmount.abs() };
    const destination: Quantity = { asset: normalizeAsset(row.destinationCurrency), amount: row.destinationAmount.abs() };
    const fee: Quantity | undefined =
      row.feeAmount && !row.feeAmount.isZero()
        ? { asset: normalizeAsset(row.feeCurrency || row.originCurrency), amount: row.feeAmount.abs() }
        : undefined;
    const base = { instant: row.date, note: `${row.origin} → ${row.destination}, id ${row.id}` };
    const withFee = fee ? { fee } : {};
    const legs = tradeLegs(origin, destination, fee);
    if (typeof legs === 'string') return reject('ROW_INCONSISTENT', legs);

    if (origin.asset === destination.asset) {
      if (type === 'transfer') return fee ? events({ kind: 'fee', fee, ...base }) : skip('Uphold: transfer between the user\'s own Uphold cards; holdings unchanged');
      // One asset: the legs' sent side is what left net of the fee, the received side what
      // arrived gross of it; both equal the origin amount when the row is consistent.
      return events(type === 'in' ? { kind: 'deposit', received: legs.received, ...withFee, ...base } : { kind: 'withdrawal', sent: legs.sent, ...withFee, ...base });
    }
    const trade: EventDraft = { kind: 'trade', sent: legs.sent, received: legs.received, ...withFee, ...base };
    if (type === 'in') return events({ kind: 'deposit', received: origin, ...base }, trade);
    if (type === 'out') return events(trade, { kind: 'withdrawal', sent: destination, ...base });
    return events(trade);
  },
});
