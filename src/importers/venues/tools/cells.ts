/** Cells other tools' exports share: a date that may be Unix seconds / milliseconds, legs. */
import { normalizeAsset } from '../../../model/asset.js';
import type { Dec } from '../../../model/decimal.js';
import type { Quantity } from '../../../model/ledger-event.js';
import type { Column } from '../../columns.js';
import { parseInstant, type DateOrder } from '../../parse-instant.js';

/** A date cell: Unix seconds (10 digits), milliseconds (13 digits), or a date in `order`. */
export function epochOrDate(header: string | readonly string[], order?: DateOrder): Column<number> {
  return {
    headers: typeof header === 'string' ? [header] : header,
    presence: 'required',
    parse(cell, ctx) {
      const t = (cell ?? '').trim();
      let value: number | undefined;
      if (/^\d{13}$/.test(t)) value = Number(t);
      else if (/^\d{9,10}$/.test(t)) value = Number(t) * 1000;
      else value = parseInstant(t, order ? { zone: ctx.zone, order } : { zone: ctx.zone });
      if (value === undefined) return { ok: false, problem: { code: t === '' ? 'ROW_MISSING_VALUE' : 'ROW_BAD_DATE', message: `cannot read "${t}" as a date/time in column "${ctx.header}"` } };
      return { ok: true, value };
    },
  };
}

/** A positive quantity, or undefined when the amount is missing, zero or has no asset. */
export function leg(asset: string | undefined, amount: Dec | undefined, value?: { amount: Dec | undefined; currency: string }): Quantity | undefined {
  if (!asset || !amount || amount.isZero()) return undefined;
  const q = { asset: normalizeAsset(asset), amount: amount.abs() };
  return value?.amount && !value.amount.isZero() ? { ...q, value: { amount: value.amount.abs(), currency: normalizeAsset(value.currency) } } : q;
}
