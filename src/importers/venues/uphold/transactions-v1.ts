/**
 * Uphold — transaction history, v1 layout (docs/formats.md §2.12; BittyTax `parse_uphold_v1`):
 * `date,id,type,value_in_<CCY>,commission_in_<CCY>,pair,rate,origin_currency,origin_amount,
 * origin_commission,destination_currency,destination_amount,destination_commission`
 * (`<CCY>` is the user's display currency, e.g. `value_in_GBP`).
 *
 * Export: uphold.com › Activity › Export transactions (CSV), 2018–2019 site.
 *
 * Mapping — the same reading as v2 (`transactions-v2.ts`), so both layouts give the same events:
 * `origin_amount` left the origin, `destination_amount` arrived; the commission was taken out of
 * the origin amount (Uphold API: origin amount = amount + commission; BittyTax books the fee of a
 * same-currency row as `origin_amount − destination_amount`, the same figure). `origin_commission`
 * (origin currency) and `destination_commission` (destination currency) state that one commission
 * twice; decision: the origin one is the fee, the destination one is used only when the origin one
 * is empty or zero (never both, which would count it twice).
 * - `in` / `deposit`: same currency → deposit of the gross amount, fee apart; currencies differ
 *   (card purchase) → deposit of the origin amount, then a trade origin → destination.
 * - `out` / `withdrawal`: same currency → withdrawal; currencies differ → a trade origin →
 *   destination, then a withdrawal of the destination amount.
 * - `transfer`: between the user's own cards; currencies differ → trade, same → skipped (a fee on
 *   it, if any, is a fee event). Any other `type` is rejected by name.
 * This layout has no status column: every row is a completed transaction. `value_in_<CCY>` is a
 * valuation in the display currency, not attached. Dates: ISO or JavaScript `Date.toString()`
 * with their own offset; wall-clock dates are read as UTC.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Quantity } from '../../../model/ledger-event.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type EventDraft, type RowOutcome } from '../../importer-spec.js';
import { tradeLegs } from './legs.js';
import { lookupTable } from '../../lookup-table.js';

const TYPES: Readonly<Record<string, 'in' | 'out' | 'transfer'>> = lookupTable({ in: 'in', deposit: 'in', out: 'out', withdrawal: 'out', transfer: 'transfer' });

export const upholdTransactionsV1 = defineImporter({
  id: 'uphold-transactions-v1',
  label: 'Uphold: transaction history, v1 (date, id, type, value_in_…, origin_…, destination_…)',
  howToExport: 'Uphold › Activity › Export transactions (CSV), 2018–2019 site',
  wallet: 'uphold',
  zone: 'UTC',
  columns: {
    date: instant('date'),
    id: text('id'),
    type: text('type'),
    pair: text('pair'),
    originCurrency: text('origin_currency'),
    originAmount: decimal('origin_amount'),
    originCommission: optional(decimal('origin_commission')),
    destinationCurrency: text('destination_currency'),
    destinationAmount: decimal('destination_amount'),
    destinationCommission: optional(decimal('destination_commission')),
  },
  signature: { also: ['rate'] },
  mapRow(row): RowOutcome {
    const type = TYPES[row.type.toLowerCase()];
    if (!type) return reject('ROW_UNKNOWN_TYPE', `unknown Uphold type "${row.type}"`);
    if (row.originCurrency === '' || row.destinationCurrency === '') return reject('ROW_MISSING_VALUE', 'origin_currency or destination_currency is empty');
    const origin: Quantity = { asset: normalizeAsset(row.originCurrency), amount: row.originAmount.abs() };
    const destination: Quantity = { asset: normalizeAsset(row.destinationCurrency), amount: row.destinationAmount.abs() };
    const fee: Quantity | undefined =
      row.originCommission && !row.originCommission.isZero()
        ? { asset: origin.asset, amount: row.originCommission.abs() }
        : row.destinationCommission && !row.destinationCommission.isZero()
          ? { asset: destination.asset, amount: row.destinationCommission.abs() }
          : undefined;
    const base = { instant: row.date, note: `Uphold ${row.type}${row.pair ? ` ${row.pair}` : ''}, id ${row.id}` };
    const withFee = fee ? { fee } : {};
    const legs = tradeLegs(origin, destination, fee);
    if (typeof legs === 'string') return reject('ROW_INCONSISTENT', legs);
    if (origin.asset === destination.asset) {
      if (type === 'transfer') return fee ? events({ kind: 'fee', fee, ...base }) : skip("Uphold: transfer between the user's own Uphold cards; holdings unchanged");
      return events(type === 'in' ? { kind: 'deposit', received: legs.received, ...withFee, ...base } : { kind: 'withdrawal', sent: legs.sent, ...withFee, ...base });
    }
    const trade: EventDraft = { kind: 'trade', sent: legs.sent, received: legs.received, ...withFee, ...base };
    if (type === 'in') return events({ kind: 'deposit', received: origin, ...base }, trade);
    if (type === 'out') return events(trade, { kind: 'withdrawal', sent: destination, ...base });
    return events(trade);
  },
});
