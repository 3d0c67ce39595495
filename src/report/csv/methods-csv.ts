/**
 * methods.csv (`report --compare-methods`): one row per lot method, the tax year's results as
 * `report --method X` gives them, each exact total rounded once (as summary.json).
 */
import type { MethodComparison } from '../../pipeline/compare-methods.js';
import { formatMoney } from '../../model/rounding.js';
import { num, renderCsv } from './write-csv.js';

export const METHODS_HEADER = ['method', 'short_term', 'long_term', 'net', 'deductible', 'carryforward_short_term', 'carryforward_long_term'] as const;

export function renderMethodsCsv(comparison: MethodComparison): string {
  return renderCsv(METHODS_HEADER, comparison.map((m) => [
    m.method, num(formatMoney(m.shortTerm)), num(formatMoney(m.longTerm)), num(formatMoney(m.net)), num(formatMoney(m.deductible)),
    num(formatMoney(m.carryforwardShortTerm)), num(formatMoney(m.carryforwardLongTerm)),
  ]));
}
