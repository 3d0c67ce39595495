/**
 * Cell readers and asset codes shared by the Coinbase importers.
 *
 * Coinbase v4 money cells carry a currency symbol and a sign (`€3343.11`, `-€597.49846`,
 * `-$1.81992152988`, `CA$12.00`); BittyTax strips every non-numeric character. We strip only a
 * leading symbol (any run of non-digit characters after the sign) and let `parseNumber` read the
 * rest, so a malformed number is still reported instead of guessed.
 */
import { normalizeAsset, type AssetCode } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import type { Column } from '../../columns.js';
import { parseNumber } from '../../parse-number.js';
import { lookupTable } from '../../lookup-table.js';

const SYMBOL_PREFIX = /^([-+]?)\s*([^\d\s.,+\-()]*)\s*(.*)$/;

/** `-€597.49` → -597.49; `CA$1,234.50` → 1234.50; `(12.34)` → -12.34. */
function readMoney(cell: string, decimalSeparator: '.' | ',' | undefined): Dec | undefined {
  const m = SYMBOL_PREFIX.exec(cell.trim());
  if (!m) return undefined;
  const text = `${m[1] ?? ''}${m[3] ?? ''}`;
  return parseNumber(text, decimalSeparator ? { decimalSeparator } : {})?.value;
}

/** A money cell that may carry a currency symbol; empty cells are a problem (wrap in `optional`). */
export function money(header: string | RegExp | readonly (string | RegExp)[]): Column<Dec> {
  return {
    headers: Array.isArray(header) ? header : [header as string | RegExp],
    presence: 'required',
    parse(cell, ctx) {
      const t = (cell ?? '').trim();
      if (t === '') return { ok: false, problem: { code: 'ROW_MISSING_VALUE', message: `column "${ctx.header}" is empty` } };
      const value = readMoney(t, ctx.numberStyle.decimalSeparator);
      return value === undefined
        ? { ok: false, problem: { code: 'ROW_BAD_NUMBER', message: `cannot read "${t}" as an amount in column "${ctx.header}"` } }
        : { ok: true, value };
    },
  };
}

/**
 * A v1 money column whose header names its currency (`EUR Subtotal`): the cell's amount (or
 * `undefined` when empty) together with that currency.
 */
export function prefixedMoney(suffix: string): Column<{ amount: Dec | undefined; currency: string }> {
  const escaped = suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^([A-Za-z]{3}) ${escaped}$`, 'i');
  const inner = money(pattern);
  return {
    headers: [pattern],
    presence: 'required',
    parse(cell, ctx) {
      const currency = (pattern.exec(ctx.header)?.[1] ?? '').toUpperCase();
      if ((cell ?? '').trim() === '') return { ok: true, value: { amount: undefined, currency } };
      const r = inner.parse(cell, ctx);
      return r.ok ? { ok: true, value: { amount: r.value, currency } } : r;
    },
  };
}

/**
 * Coinbase tickers → common tickers. `ETH2` was Coinbase's name for staked ETH, migrated 1:1 to
 * ETH in 2023 (`Retail Eth2 Deprecation`), so it is the same holding; `CGLD` is Coinbase's old
 * ticker for Celo (CELO).
 */
const RENAMES: Readonly<Record<string, AssetCode>> = lookupTable({ ETH2: 'ETH', CGLD: 'CELO' });

export function coinbaseAsset(code: string): AssetCode {
  const a = normalizeAsset(code);
  return RENAMES[a] ?? a;
}

/** Row types of derivative products: rejected until derivatives support lands (never read as spot). */
export const DERIVATIVE_TYPE = /margin|futures?\b|perp|funding|liquidat|realized\s*p&?n?l|settlement/i;
export const DERIVATIVE_MESSAGE = (type: string): string =>
  `"${type}" is a margin/futures row; margin and futures support is not yet available`;
