/** A cell of Unix seconds (`1681300000`), as Trezor Suite writes it, as an instant. */
import type { Column } from '../../columns.js';

export function epochSeconds(header: string): Column<number> {
  return {
    headers: [header],
    presence: 'required',
    parse(cell, ctx) {
      const t = (cell ?? '').trim();
      if (!/^\d{9,11}$/.test(t)) {
        return { ok: false, problem: { code: t === '' ? 'ROW_MISSING_VALUE' : 'ROW_BAD_DATE', message: `cannot read "${t}" as Unix seconds in column "${ctx.header}"` } };
      }
      return { ok: true, value: Number(t) * 1000 };
    },
  };
}
