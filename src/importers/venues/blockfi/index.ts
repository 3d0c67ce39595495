/**
 * BlockFi (closed 2022; users still file with its exports; docs/formats.md "BlockFi"; rotki
 * `blockfi_transactions.py`, `blockfi_trades.py` and their test files, BittyTax `blockfi.py`):
 * - transactions: `Cryptocurrency, Amount, Transaction Type, [Exchange Rate Per Coin (USD),]
 *   Confirmed At`, amounts signed. `Deposit`, `Crypto Transfer` (signed), `ACH`/`Wire Deposit`
 *   arrive; `Withdrawal`, `ACH`/`Wire Withdrawal` leave; `Withdrawal Fee` is a fee; `Interest
 *   Payment` interest; `Bonus Payment`, `Referral Bonus`, `Crypto Cashback` rewards; `Trade`
 *   rows are the legs of trades the trades report states whole: skipped. No `Confirmed At`:
 *   pending, skipped.
 * - trades: `Trade ID, Date, Buy Quantity, Buy Currency, Sold Quantity, Sold Currency, Rate
 *   Amount, Rate Currency, Type[, Frequency, Destination]`: Sold for Buy.
 * BlockFi writes currencies in either case (`usdc`).
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, ifPresent, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type Importer, type RowOutcome } from '../../importer-spec.js';

export const blockfiTransactions = defineImporter({
  id: 'blockfi-transactions',
  label: 'BlockFi: transactions (Cryptocurrency, Amount, Transaction Type, Confirmed At)',
  howToExport: 'BlockFi › Wallet › Transaction history › Download CSV',
  wallet: 'blockfi',
  columns: {
    currency: text('Cryptocurrency'),
    amount: decimal('Amount'),
    type: text('Transaction Type'),
    rate: ifPresent(decimal('Exchange Rate Per Coin (USD)')),
    confirmed: optional(instant('Confirmed At')),
  },
  mapRow(row): RowOutcome {
    if (row.confirmed === undefined) return skip('not confirmed (no Confirmed At)');
    const t = row.type.trim().toLowerCase();
    const asset = normalizeAsset(row.currency);
    const amount = row.amount.abs();
    const value = row.rate && !row.rate.isZero() ? { value: { amount: row.rate.mul(amount), currency: 'USD' } } : {};
    const q = { asset, amount, ...value };
    const base = { instant: row.confirmed, note: row.type };
    if (amount.isZero()) return skip(`${row.type} of 0`);
    if (t === 'trade') return skip('trade leg: the trades report states the whole trade');
    if (t === 'interest payment') return events({ kind: 'income', incomeKind: 'interest', received: q, ...base });
    if (t === 'bonus payment' || t === 'referral bonus' || t === 'crypto cashback' || t === 'promo') return events({ kind: 'income', incomeKind: 'reward', received: q, ...base });
    if (t === 'withdrawal fee') return events({ kind: 'fee', fee: q, ...base });
    if (['deposit', 'wire deposit', 'ach deposit', 'crypto transfer', 'withdrawal', 'wire withdrawal', 'ach withdrawal'].includes(t)) {
      return row.amount.isNegative() ? events({ kind: 'withdrawal', sent: q, ...base }) : events({ kind: 'deposit', received: q, ...base });
    }
    return reject('ROW_UNKNOWN_TYPE', `unknown BlockFi Transaction Type "${row.type}"`);
  },
});

export const blockfiTrades = defineImporter({
  id: 'blockfi-trades',
  label: 'BlockFi: trades (Trade ID, Date, Buy Quantity, Buy Currency, Sold Quantity, Sold Currency, Rate Amount, …)',
  howToExport: 'BlockFi › Wallet › Trading › Download trade report (CSV)',
  wallet: 'blockfi',
  columns: {
    id: text('Trade ID'),
    date: instant('Date'),
    buyQty: decimal('Buy Quantity'),
    buyCur: text('Buy Currency'),
    soldQty: decimal('Sold Quantity'),
    soldCur: text('Sold Currency'),
    type: text('Type'),
  },
  signature: { also: ['Rate Amount', 'Rate Currency'] },
  mapRow(row): RowOutcome {
    if (row.soldQty.isZero() || row.buyQty.isZero()) return reject('ROW_MISSING_VALUE', 'Buy Quantity or Sold Quantity is 0');
    return events({
      kind: 'trade',
      sent: { asset: normalizeAsset(row.soldCur), amount: row.soldQty.abs() },
      received: { asset: normalizeAsset(row.buyCur), amount: row.buyQty.abs() },
      instant: row.date,
      note: `${row.type} trade ${row.id}`.trim(),
    });
  },
});

export const BLOCKFI_IMPORTERS: readonly Importer[] = [blockfiTransactions, blockfiTrades];
