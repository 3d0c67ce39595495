/**
 * Koinly "Bulk edit in Excel" transactions export — Koinly's own list of every transaction of an
 * account, all wallets in one file (Koinly support, "Bulk edit in Excel",
 * support.koinly.io/en/articles/9490043-bulk-edit-in-excel; BittyTax `parse_koinly_bulk_edit` and
 * its tests/parsers/test_koinly.py).
 *
 * Header: `ID (read-only),Parent ID (read-only),Date (UTC),Type,Tag,From Wallet (read-only),
 * From Wallet ID,From Amount,From Currency,To Wallet (read-only),To Wallet ID,To Amount,To Currency,
 * Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Fee Worth Amount,Fee Worth Currency,
 * Net Value (read-only),Fee Value (read-only),Value Currency (read-only),Deleted,…,TxSrc,TxDest,
 * TxHash,Description`.
 *
 * Cells: currency and wallet cells carry Koinly's internal id after a `;` (`WFLR;9546698`,
 * `Flare (FLR);flare`, `GBP;1`), which is dropped. Dates are UTC.
 *
 * Mapping (the meanings of the universal template, `koinly-universal.ts`):
 * - `Deleted` true → skipped (Koinly keeps deleted rows in the export).
 * - `transfer` with both sides → a stated transfer from the From wallet to the To wallet (the
 *   amounts may differ by a network fee); any other row with both sides → a trade in the To
 *   wallet (BittyTax); only a To side → a deposit whose `Tag` gives its meaning (`reward` →
 *   staking income, untagged → own funds arriving); only a From side → a withdrawal read the same
 *   way (`cost` → a spend, untagged → own funds leaving). An unknown tag is rejected by name.
 * - Value: `Net Value (read-only)` in `Value Currency (read-only)`, else `Net Worth Amount` in
 *   `Net Worth Currency` (BittyTax's order); the fee's value likewise.
 * - Wallet: the row's wallet name; the file name when the cell is empty.
 */
import { normalizeAsset } from '../model/asset.js';
import { withFields } from '../model/copy-fields.js';
import type { Dec } from '../model/decimal.js';
import type { Quantity, StatedValue } from '../model/ledger-event.js';
import { decimal, ifPresent, instant, optional, text } from './columns.js';
import { defineImporter, events, reject, skip, type EventDraft, type RowOutcome } from './importer-spec.js';
import { KOINLY_DEPOSIT_LABELS, KOINLY_WITHDRAWAL_LABELS, mapDeposit, mapWithdrawal, normalizeLabel, type Base } from './koinly-universal.js';

/** `WFLR;9546698` → `WFLR`; `Flare (FLR);flare` → `Flare (FLR)`. */
export const stripKoinlyId = (cell: string): string => (cell.split(';', 1)[0] ?? '').trim();

function value(amount: Dec | undefined, currency: string): StatedValue | undefined {
  const code = stripKoinlyId(currency);
  return amount !== undefined && !amount.isZero() && !amount.isNegative() && code ? { amount, currency: normalizeAsset(code) } : undefined;
}

export const koinlyBulkEdit = defineImporter({
  id: 'koinly-bulk-edit',
  label: 'Koinly "bulk edit in Excel" transaction export (all wallets; wallet = the row\'s wallet)',
  howToExport: 'Koinly › Transactions › ⋯ › Bulk edit in Excel › download the CSV',
  wallet: 'file-stem',
  columns: {
    id: text('ID (read-only)'),
    date: instant('Date (UTC)'),
    type: text('Type'),
    tag: text('Tag'),
    fromWallet: text('From Wallet (read-only)'),
    fromAmount: optional(decimal('From Amount')),
    fromCurrency: text('From Currency'),
    toWallet: text('To Wallet (read-only)'),
    toAmount: optional(decimal('To Amount')),
    toCurrency: text('To Currency'),
    feeAmount: optional(decimal('Fee Amount')),
    feeCurrency: text('Fee Currency'),
    netWorthAmount: optional(decimal('Net Worth Amount')),
    netWorthCurrency: text('Net Worth Currency'),
    feeWorthAmount: optional(decimal('Fee Worth Amount')),
    feeWorthCurrency: text('Fee Worth Currency'),
    netValue: optional(decimal('Net Value (read-only)')),
    feeValue: optional(decimal('Fee Value (read-only)')),
    valueCurrency: text('Value Currency (read-only)'),
    deleted: text('Deleted'),
    txHash: ifPresent(text('TxHash')),
    description: ifPresent(text('Description')),
  },
  mapRow(row): RowOutcome {
    if (/^(true|yes|1)$/i.test(row.deleted.trim())) return skip('Koinly row marked Deleted');
    const side = (amount: Dec | undefined, currency: string, column: string): Quantity | undefined | string => {
      if (amount === undefined || amount.isZero()) return undefined;
      if (amount.isNegative()) return `${column} is negative (${amount.toFixed()}); Koinly amounts are positive`;
      const code = stripKoinlyId(currency);
      if (code === '') return `${column} has an amount but no currency`;
      return { asset: normalizeAsset(code), amount };
    };
    const from = side(row.fromAmount, row.fromCurrency, 'From Amount');
    const to = side(row.toAmount, row.toCurrency, 'To Amount');
    const feeQ = side(row.feeAmount, row.feeCurrency, 'Fee Amount');
    for (const s of [from, to, feeQ]) if (typeof s === 'string') return reject('ROW_INCONSISTENT', s);
    const worth = value(row.netValue, row.valueCurrency) ?? value(row.netWorthAmount, row.netWorthCurrency);
    const feeWorth = value(row.feeValue, row.valueCurrency) ?? value(row.feeWorthAmount, row.feeWorthCurrency);
    const fee = feeQ as Quantity | undefined;
    const withWorth = (q: Quantity): Quantity => (worth ? withFields(q, { value: worth }) : q);
    const base: Base = {
      instant: row.date,
      ...(fee ? { fee: feeWorth ? withFields(fee, { value: feeWorth }) : fee } : {}),
      ...(row.txHash ? { txHash: row.txHash } : {}),
      ...(row.description ? { note: row.description } : {}),
    };
    const inWallet = (name: string): { wallet?: string } => (stripKoinlyId(name) ? { wallet: stripKoinlyId(name) } : {});
    const s = from as Quantity | undefined;
    const r = to as Quantity | undefined;
    const type = row.type.trim().toLowerCase();
    const tag = normalizeLabel(row.tag);
    const walletOf = (o: RowOutcome, name: string): RowOutcome =>
      o.kind === 'events' ? events(...o.events.map((e) => ({ ...e, ...inWallet(name) }) as EventDraft)) : o;

    if (s && r && type === 'transfer') {
      const toWallet = stripKoinlyId(row.toWallet);
      if (!toWallet) return reject('ROW_MISSING_VALUE', 'a Koinly transfer without its To Wallet');
      return events({ kind: 'transfer', toWallet, sent: s, received: r, matchedBy: 'stated', ...base, ...inWallet(row.fromWallet) } as EventDraft);
    }
    if (s && r) return events({ kind: 'trade', sent: s, received: withWorth(r), ...base, ...inWallet(row.toWallet) } as EventDraft);
    if (r) {
      const meaning = KOINLY_DEPOSIT_LABELS[tag];
      if (!meaning) return reject('ROW_UNKNOWN_TYPE', `unknown Koinly tag "${row.tag}" on a deposit`);
      return walletOf(mapDeposit(meaning, withWorth(r), base), row.toWallet);
    }
    if (s) {
      const meaning = KOINLY_WITHDRAWAL_LABELS[tag];
      if (!meaning) return reject('ROW_UNKNOWN_TYPE', `unknown Koinly tag "${row.tag}" on a withdrawal`);
      return walletOf(mapWithdrawal(meaning, withWorth(s), base), row.fromWallet);
    }
    if (fee) return events({ kind: 'fee', ...base, fee, ...inWallet(row.fromWallet || row.toWallet) } as EventDraft);
    return reject('ROW_MISSING_VALUE', 'the row has no From, To or Fee amount');
  },
});
