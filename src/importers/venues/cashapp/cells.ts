/**
 * Cash App cells: dates with a zone abbreviation (`2023-01-15 10:30:00 EST`; BittyTax's `GMT` / `BST` too) and money in
 * US style (`$1,234.56`, `-$5.00`, `($5.00)` for a negative).
 */
import type { Column } from '../../columns.js';
import type { Dec } from '../../../model/decimal.js';
import { parseNumber } from '../../parse-number.js';
import { parseInstant } from '../../parse-instant.js';

const US_ZONES: Readonly<Record<string, string>> = {
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
  AKST: '-09:00', AKDT: '-08:00', HST: '-10:00', UTC: '+00:00', GMT: '+00:00', BST: '+01:00', CET: '+01:00', CEST: '+02:00',
};

export function usZoneInstant(header: string): Column<number> {
  return {
    headers: [header],
    presence: 'required',
    parse(cell, ctx) {
      const t = (cell ?? '').trim();
      const m = /^(.*?)\s+([A-Z]{3,4})$/.exec(t);
      const zone = m?.[2] ? US_ZONES[m[2]] : undefined;
      const value = m?.[1] && zone ? parseInstant(m[1], { zone }) : parseInstant(t, { zone: ctx.zone });
      if (value === undefined) return { ok: false, problem: { code: t === '' ? 'ROW_MISSING_VALUE' : 'ROW_BAD_DATE', message: `cannot read "${t}" as a date/time in column "${ctx.header}"` } };
      return { ok: true, value };
    },
  };
}

/** `$1,234.56`, `-$5`, `$-5`, `($5.00)` → a signed decimal; empty → undefined. */
export function usMoney(header: string): Column<Dec | undefined> {
  return {
    headers: [header],
    presence: 'required',
    parse(cell, ctx) {
      const t = (cell ?? '').trim();
      if (t === '') return { ok: true, value: undefined };
      const paren = /^\((.*)\)$/.exec(t);
      const body = (paren?.[1] ?? t).replace(/[$,\s]/g, '').replace(/^(-?)\+?/, '$1');
      const n = /^-?\d+(\.\d+)?$/.test(body) ? parseNumber(body) : undefined;
      if (!n) return { ok: false, problem: { code: 'ROW_BAD_NUMBER', message: `cannot read "${t}" as an amount in column "${ctx.header}"` } };
      const d = n.value;
      return { ok: true, value: paren ? d.neg() : d };
    },
  };
}
