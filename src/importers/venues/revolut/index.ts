/**
 * Revolut — crypto account statement (docs/formats.md §3.3; BittyTax `revolut.py`): `Symbol, Type,
 * Quantity, Price, Value, Fees, Date`. `Value` and `Fees` are money with their currency sign
 * (`£1,234.56`, `€`, `$`). `Buy` received Quantity of Symbol for Value (fees in addition);
 * `Sell` gave Quantity for Value; `Receive` / `Send` move crypto in / out; `Staking reward` is
 * staking income, `Learn reward` other income (at Value); `Stake` / `Unstake` move within
 * Revolut (skipped). Dates are the app's local time: UTC unless `--input-timezone`.
 */
import { normalizeAsset } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import { parseNumber } from '../../parse-number.js';
import { decimal, instant, text, type Column } from '../../columns.js';
import { defineImporter, events, reject, skip, type Importer, type RowOutcome } from '../../importer-spec.js';

interface Money {
  readonly amount: Dec;
  readonly currency: string;
}

const SIGNS: Readonly<Record<string, string>> = { '£': 'GBP', '€': 'EUR', $: 'USD' };

/** `£1,234.56`, `€0.50`, `$-3.00`, `1,234.56 EUR`, or empty. */
function money(header: string): Column<Money | undefined> {
  return {
    headers: [header],
    presence: 'required',
    parse(cell, ctx) {
      const t = (cell ?? '').trim();
      if (t === '' || t === '-') return { ok: true, value: undefined };
      const m = /^(-?)([£€$]?)(-?)([\d,]*\.?\d+)\s*([A-Z]{3})?$/.exec(t);
      const currency = m ? (m[5] ?? SIGNS[m[2] ?? ''] ?? '') : '';
      const n = m ? parseNumber((m[4] ?? '').replace(/,/g, '')) : undefined;
      if (!m || !n || currency === '') return { ok: false, problem: { code: 'ROW_BAD_NUMBER', message: `cannot read "${t}" as money with its currency in column "${ctx.header}"` } };
      return { ok: true, value: { amount: n.value.abs(), currency } };
    },
  };
}

export const revolutCrypto = defineImporter({
  id: 'revolut-crypto',
  label: 'Revolut: crypto account statement (Symbol, Type, Quantity, Price, Value, Fees, Date)',
  howToExport: 'Revolut app › Crypto › ⋯ › Statements › Account statement (Excel/CSV)',
  wallet: 'revolut',
  columns: {
    symbol: text('Symbol'),
    type: text('Type'),
    quantity: decimal('Quantity'),
    value: money('Value'),
    fees: money('Fees'),
    date: instant('Date'),
  },
  signature: { also: ['Price'] },
  mapRow(row): RowOutcome {
    const crypto = { asset: normalizeAsset(row.symbol), amount: row.quantity.abs() };
    const fiat = row.value ? { asset: row.value.currency, amount: row.value.amount } : undefined;
    const fee = row.fees && !row.fees.amount.isZero() ? { fee: { asset: row.fees.currency, amount: row.fees.amount } } : {};
    const valued = fiat ? { ...crypto, value: { amount: fiat.amount, currency: fiat.asset } } : crypto;
    const base = { instant: row.date, note: row.type, ...fee };
    const t = row.type.trim().toLowerCase();
    if (t === 'stake' || t === 'unstake') return skip(`${row.type}: moved within Revolut, no holding changes`);
    if (t === 'buy') return fiat ? events({ kind: 'trade', sent: fiat, received: crypto, ...base }) : reject('ROW_MISSING_VALUE', 'Buy without Value');
    if (t === 'sell') return fiat ? events({ kind: 'trade', sent: crypto, received: fiat, ...base }) : reject('ROW_MISSING_VALUE', 'Sell without Value');
    if (t === 'receive') return events({ kind: 'deposit', received: crypto, ...base });
    if (t === 'send') return events({ kind: 'withdrawal', sent: crypto, ...base });
    if (t === 'staking reward') return events({ kind: 'income', incomeKind: 'staking', received: valued, ...base });
    if (t === 'learn reward' || t === 'reward') return events({ kind: 'income', incomeKind: 'other', received: valued, ...base });
    return reject('ROW_UNKNOWN_TYPE', `unknown Revolut Type "${row.type}"`);
  },
});

export const REVOLUT_IMPORTERS: readonly Importer[] = [revolutCrypto];
