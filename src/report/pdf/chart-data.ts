/**
 * What the charts plot: realized gain or loss of the Form 8949 lines (line-rounded, so the bars
 * add up to the Schedule D totals) by month of disposal and by asset.
 */
import { ZERO, type Dec } from '../../model/decimal.js';
import type { Form8949Line } from '../form8949-lines.js';

export interface ChartBar {
  readonly label: string;
  readonly value: Dec;
}

/**
 * Twelve bars, January to December, labelled with `months`.
 * @example gainsByMonth(lines, ['Jan', ...]).map((b) => b.value.toFixed(2)) // → ['0.00', '0.00', '2485.00', ...]
 */
export function gainsByMonth(lines: readonly Form8949Line[], months: readonly string[]): ChartBar[] {
  const sums: Dec[] = Array.from({ length: 12 }, () => ZERO);
  for (const l of lines) {
    const m = Number(l.sold.slice(5, 7)) - 1;
    sums[m] = (sums[m] as Dec).plus(l.gain);
  }
  return sums.map((value, i) => ({ label: months[i] ?? String(i + 1), value }));
}

/**
 * The `top` assets by size of their gain or loss (ties by name), then one bar for all others.
 * @example gainsByAsset(lines, 1, (n) => `${n} others`).map((b) => b.label) // → ['BTC', '2 others'] (BTC 2,485, ETH −949.90, SOL 74.75)
 */
export function gainsByAsset(lines: readonly Form8949Line[], top: number, others: (count: number) => string): ChartBar[] {
  const sums = new Map<string, Dec>();
  for (const l of lines) sums.set(l.disposal.asset, (sums.get(l.disposal.asset) ?? ZERO).plus(l.gain));
  const sorted = [...sums.entries()]
    .map(([label, value]) => ({ label, value }))
    .sort((a, b) => b.value.abs().comparedTo(a.value.abs()) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  if (sorted.length <= top + 1) return sorted;
  const rest = sorted.slice(top);
  return [...sorted.slice(0, top), { label: others(rest.length), value: rest.reduce((s, b) => s.plus(b.value), ZERO) }];
}
