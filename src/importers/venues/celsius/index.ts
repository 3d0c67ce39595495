/**
 * Celsius Network (bankrupt 2022; its exports remain the record) — transaction report (docs/formats.md
 * §3.3; BittyTax `celsius.py`): `Internal id, Date and time, Transaction type, Coin type, Coin
 * amount, USD Value, Original Reward Coin|Original Interest Coin, Reward|Interest Amount In
 * Original Coin, Confirmed`. Only `Confirmed` = `Yes` rows count. `Deposit`, `Inbound
 * Transfer`, `Transfer` arrive; `Withdrawal`, `Outbound Transfer` leave; `Interest` / `Reward`
 * are interest at `USD Value`; `Referred Award` / `Referrer Award` rewards; `Promo Code Reward`,
 * `Bonus Token` airdrops; a `Swap out` and a `Swap in` at one date and time make one trade.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, instant, optional, text } from '../../columns.js';
import { defineImporter, events, reject, skip, type Importer, type RowOutcome } from '../../importer-spec.js';

const kind = (t: string) => t.trim().toLowerCase();

export const celsiusTransactions = defineImporter({
  id: 'celsius-transactions',
  label: 'Celsius: transaction report (Internal id, Date and time, Transaction type, Coin type, Coin amount, USD Value, …, Confirmed)',
  howToExport: 'Celsius app › Profile › Download transactions report (CSV, emailed)',
  wallet: 'celsius',
  columns: {
    id: text('Internal id'),
    date: instant('Date and time'),
    type: text('Transaction type'),
    coin: text('Coin type'),
    amount: decimal('Coin amount'),
    usd: optional(decimal('USD Value')),
    confirmed: text('Confirmed'),
  },
  groupKey: (row) => (kind(row.type).startsWith('swap') ? `swap\u0000${row.date}` : undefined),
  mapGroup(rows): RowOutcome {
    const [first] = rows;
    if (!first) return skip('empty group');
    if (rows.some((r) => r.confirmed.toLowerCase() !== 'yes')) return skip('not confirmed');
    const q = (r: typeof first) => ({ asset: normalizeAsset(r.coin), amount: r.amount.abs(), ...(r.usd && !r.usd.isZero() ? { value: { amount: r.usd.abs(), currency: 'USD' } } : {}) });
    const base = { instant: first.date, note: `${first.type} ${first.id}` };
    const t = kind(first.type);
    if (t.startsWith('swap')) {
      const out = rows.find((r) => kind(r.type) === 'swap out');
      const inn = rows.find((r) => kind(r.type) === 'swap in');
      if (!out || !inn || rows.length !== 2) return reject('ROW_INCONSISTENT', 'a swap needs one Swap out and one Swap in at the same date and time');
      return events({ kind: 'trade', sent: q(out), received: q(inn), ...base });
    }
    if (['deposit', 'inbound transfer', 'transfer'].includes(t)) return events({ kind: 'deposit', received: q(first), ...base });
    if (['withdrawal', 'outbound transfer'].includes(t)) return events({ kind: 'withdrawal', sent: q(first), ...base });
    if (t === 'interest' || t === 'reward') return events({ kind: 'income', incomeKind: 'interest', received: q(first), ...base });
    if (t === 'referred award' || t === 'referrer award') return events({ kind: 'income', incomeKind: 'reward', received: q(first), ...base });
    if (t === 'promo code reward' || t === 'bonus token') return events({ kind: 'income', incomeKind: 'airdrop', received: q(first), ...base });
    return reject('ROW_UNKNOWN_TYPE', `unknown Celsius Transaction type "${first.type}"`);
  },
});

export const CELSIUS_IMPORTERS: readonly Importer[] = [celsiusTransactions];
