/**
 * taxlot's own generic format: richer than Koinly's where it matters for an audit.
 *
 * One row per event with an explicit `type`, an optional explicit `wallet` (default: file name
 * stem), per-side values (`sent_value`, `received_value`, `fee_value` in `value_currency`,
 * default USD), and `counterpart` naming the destination wallet of a `transfer`.
 * Specification with examples: src/importers/README.md, "taxlot generic format".
 */
import { normalizeAsset } from '../model/asset.js';
import type { Dec } from '../model/decimal.js';
import type { IncomeKind, Quantity, RemovalKind, SpendKind } from '../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from './columns.js';
import { defineImporter, events, reject, type EventDraft, type RowOutcome } from './importer-spec.js';
import { lookupTable } from './lookup-table.js';

const INCOME_TYPES: Readonly<Record<string, IncomeKind>> = lookupTable({
  staking: 'staking', airdrop: 'airdrop', mining: 'mining', interest: 'interest', reward: 'reward', income: 'other',
});
const REMOVAL_TYPES: Readonly<Record<string, RemovalKind>> = lookupTable({ gift: 'gift', donation: 'donation', lost: 'lost' });
const SPEND_TYPES: Readonly<Record<string, SpendKind>> = lookupTable({
  spend: 'payment', payment: 'payment', cost: 'cost', tax: 'tax', 'loan-repayment': 'loan-repayment', 'margin-fee': 'margin-fee',
});

/** Every `type` value the format accepts, for the documentation and the error message. */
export const TAXLOT_GENERIC_TYPES: readonly string[] = [
  'buy', 'sell', 'trade', 'conversion', 'deposit', 'withdrawal', 'transfer', 'fee', 'fork', 'loan',
  ...Object.keys(INCOME_TYPES), ...Object.keys(REMOVAL_TYPES), ...Object.keys(SPEND_TYPES),
];

export const taxlotGeneric = defineImporter({
  id: 'taxlot-generic',
  label: 'taxlot generic format (explicit type, wallet, per-side values)',
  howToExport: 'write it by hand or from a spreadsheet; columns documented in src/importers/README.md',
  wallet: 'file-stem',
  columns: {
    time: instant('time'),
    type: text('type'),
    wallet: ifPresent(text('wallet')),
    sentAmount: optional(decimal('sent_amount')),
    sentAsset: text('sent_asset'),
    sentValue: ifPresent(decimal('sent_value')),
    receivedAmount: optional(decimal('received_amount')),
    receivedAsset: text('received_asset'),
    receivedValue: ifPresent(decimal('received_value')),
    feeAmount: ifPresent(decimal('fee_amount')),
    feeAsset: ifPresent(text('fee_asset')),
    feeValue: ifPresent(decimal('fee_value')),
    valueCurrency: ifPresent(text('value_currency')),
    counterpart: ifPresent(text('counterpart')),
    txHash: ifPresent(text('tx_hash')),
    note: ifPresent(text('note')),
  },
  mapRow(row): RowOutcome {
    const currency = normalizeAsset(row.valueCurrency || 'USD');
    const quantity = (amount: Dec | undefined, asset: string | undefined, value: Dec | undefined, name: string): Quantity | string | undefined => {
      if (amount === undefined || amount.isZero()) return undefined;
      if (amount.isNegative()) return `${name}_amount is negative (${amount.toFixed()}); amounts are positive, the type gives the direction`;
      if (!asset) return `${name}_amount has no ${name}_asset`;
      return { asset: normalizeAsset(asset), amount, ...(value !== undefined ? { value: { amount: value, currency } } : {}) };
    };
    const sent = quantity(row.sentAmount, row.sentAsset, row.sentValue, 'sent');
    const received = quantity(row.receivedAmount, row.receivedAsset, row.receivedValue, 'received');
    const fee = quantity(row.feeAmount, row.feeAsset, row.feeValue, 'fee');
    for (const q of [sent, received, fee]) if (typeof q === 'string') return reject('ROW_INCONSISTENT', q);
    const s = sent as Quantity | undefined;
    const r = received as Quantity | undefined;
    const type = row.type.trim().toLowerCase();
    const base = {
      instant: row.time,
      ...(row.wallet ? { wallet: row.wallet } : {}),
      ...(fee ? { fee: fee as Quantity } : {}),
      ...(row.txHash ? { txHash: row.txHash } : {}),
      ...(row.note ? { note: row.note } : {}),
    };
    const need = (q: Quantity | undefined, side: string): string | undefined =>
      q ? undefined : `type "${type}" needs ${side}_amount and ${side}_asset`;

    const missing = (sides: ('sent' | 'received')[]): RowOutcome | undefined => {
      for (const side of sides) {
        const problem = need(side === 'sent' ? s : r, side);
        if (problem) return reject('ROW_MISSING_VALUE', problem);
      }
      return undefined;
    };

    switch (type) {
      case 'buy':
      case 'sell':
      case 'trade':
        return missing(['sent', 'received']) ?? events({ kind: 'trade', sent: s as Quantity, received: r as Quantity, ...base });
      case 'deposit':
        return missing(['received']) ?? events({ kind: 'deposit', received: r as Quantity, ...base });
      case 'withdrawal':
        return missing(['sent']) ?? events({ kind: 'withdrawal', sent: s as Quantity, ...base });
      case 'transfer': {
        const m = missing(['sent']);
        if (m) return m;
        if (!row.counterpart) return reject('ROW_MISSING_VALUE', 'a transfer needs the destination wallet in "counterpart"');
        const got = r ?? (s as Quantity);
        if (got.asset !== (s as Quantity).asset || got.amount.greaterThan((s as Quantity).amount)) {
          return reject('ROW_INCONSISTENT', 'a transfer receives the same asset, at most the amount sent');
        }
        return events({ kind: 'transfer', toWallet: row.counterpart, sent: s as Quantity, received: got, matchedBy: 'stated', ...base } as EventDraft);
      }
      case 'conversion': {
        const m = missing(['sent', 'received']);
        if (m) return m;
        return events({ kind: 'conversion', sent: s as Quantity, received: r as Quantity, ...base });
      }
      case 'fee':
        if (!fee && !s) return reject('ROW_MISSING_VALUE', 'type "fee" needs fee_amount/fee_asset (or sent_amount/sent_asset)');
        return events({ kind: 'fee', ...base, fee: (fee as Quantity | undefined) ?? (s as Quantity) });
      case 'fork':
        // Rev. Rul. 2019-24: hard-fork coins are ordinary income (an airdrop) at market value when received
        return missing(['received']) ?? events({ kind: 'income', incomeKind: 'airdrop', received: r as Quantity, ...base });
      case 'loan':
        return missing(['received']) ?? events({ kind: 'acquisition', acquisitionKind: type, received: r as Quantity, ...base });
      default: {
        const incomeKind = INCOME_TYPES[type];
        if (incomeKind) return missing(['received']) ?? events({ kind: 'income', incomeKind, received: r as Quantity, ...base });
        const removalKind = REMOVAL_TYPES[type];
        if (removalKind) return missing(['sent']) ?? events({ kind: 'removal', removalKind, sent: s as Quantity, ...base });
        const spendKind = SPEND_TYPES[type];
        if (spendKind) return missing(['sent']) ?? events({ kind: 'spend', spendKind, sent: s as Quantity, ...base });
        return reject('ROW_UNKNOWN_TYPE', `unknown type "${row.type}"; expected one of ${TAXLOT_GENERIC_TYPES.join(', ')}`);
      }
    }
  },
});
