/**
 * Shakepay — transaction history (docs/formats.md "Shakepay"; everytrade `ShakePayBeanV1` test,
 * BittyTax `shakepay` support): `Transaction Type, Date, Amount Debited, Debit Currency, Amount
 * Credited, Credit Currency, Exchange Rate, Credit/Debit, Spot Rate` (`"1,000"` with thousands
 * separators; dates `2020-03-11T19:59:15+00`). `exchange` trades Debited for Credited; `fiat
 * funding` / `fiat cashout` move Canadian dollars; `crypto funding` / `crypto cashout` move
 * crypto in and out; `peer transfer` by its Credit/Debit side; `shakingsats`, `card cashbacks`,
 * `referral reward` are rewards. The wallet is `shakepay`.
 */
import { normalizeAsset } from '../../../model/asset.js';
import { decimal, optional, text, type Column } from '../../columns.js';
import { defineImporter, events, reject, type Importer, type RowOutcome } from '../../importer-spec.js';
import { parseInstant } from '../../parse-instant.js';

/** `2020-03-11T19:59:15+00`: an ISO date whose offset has hours only. */
function shakepayDate(header: string): Column<number> {
  return {
    headers: [header],
    presence: 'required',
    parse(cell, ctx) {
      const t = (cell ?? '').trim().replace(/([+-]\d{2})$/, '$1:00');
      const value = parseInstant(t, { zone: ctx.zone });
      return value === undefined ? { ok: false, problem: { code: t === '' ? 'ROW_MISSING_VALUE' : 'ROW_BAD_DATE', message: `cannot read "${t}" as a date/time in column "${ctx.header}"` } } : { ok: true, value };
    },
  };
}

const REWARDS = new Set(['shakingsats', 'card cashbacks', 'card cashback', 'referral reward', 'other rewards', 'shakesquad']);

export const shakepayTransactions = defineImporter({
  id: 'shakepay-transactions',
  label: 'Shakepay: transactions (Transaction Type, Date, Amount Debited, Debit Currency, Amount Credited, …, Spot Rate)',
  howToExport: 'Shakepay app › Settings › Download transaction history (CSV)',
  wallet: 'shakepay',
  columns: {
    type: text('Transaction Type'),
    date: shakepayDate('Date'),
    debited: optional(decimal('Amount Debited')),
    debitCur: text('Debit Currency'),
    credited: optional(decimal('Amount Credited')),
    creditCur: text('Credit Currency'),
    direction: text('Credit/Debit'),
  },
  signature: { also: ['Exchange Rate', 'Spot Rate'] },
  mapRow(row): RowOutcome {
    const sent = row.debited && row.debitCur && !row.debited.isZero() ? { asset: normalizeAsset(row.debitCur), amount: row.debited.abs() } : undefined;
    const received = row.credited && row.creditCur && !row.credited.isZero() ? { asset: normalizeAsset(row.creditCur), amount: row.credited.abs() } : undefined;
    const base = { instant: row.date, note: row.type };
    const t = row.type.trim().toLowerCase();
    if (t === 'exchange' || t === 'purchase/sale') return sent && received ? events({ kind: 'trade', sent, received, ...base }) : reject('ROW_MISSING_VALUE', 'an exchange needs Amount Debited and Amount Credited');
    if (REWARDS.has(t)) return received ? events({ kind: 'income', incomeKind: 'reward', received, ...base }) : reject('ROW_MISSING_VALUE', `${row.type} needs Amount Credited`);
    if (received && !sent) return events({ kind: 'deposit', received, ...base });
    if (sent && !received) return events({ kind: 'withdrawal', sent, ...base });
    return reject('ROW_UNKNOWN_TYPE', `Shakepay "${row.type}" with both or neither amounts is not understood`);
  },
});

export const SHAKEPAY_IMPORTERS: readonly Importer[] = [shakepayTransactions];
