/**
 * The charts of report.html as inline SVG (no script, no network): net gain by month of sale,
 * and income by kind. Labels are escaped; bar heights are presentation only (JS numbers from the
 * rounded strings), never a figure of the report.
 */
import type { ReportData } from '../../pipeline/compute-report.js';
import type { Form8949Line } from '../form8949-lines.js';
import { escapeHtml } from './escape-html.js';

interface Bar { label: string; value: number; text: string }

export function chartsSvg(data: ReportData, lines: readonly Form8949Line[]): string {
  const months = new Map<string, number>();
  for (const l of lines) months.set(l.sold.slice(5, 7), (months.get(l.sold.slice(5, 7)) ?? 0) + Number(l.shown.gain));
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const gainBars = names.map((n, i) => {
    const v = months.get(String(i + 1).padStart(2, '0')) ?? 0;
    return { label: n, value: v, text: v.toFixed(2) };
  });
  const income = Object.entries(data.summary.income.byKind).map(([k, v]) => ({ label: k, value: Number(v), text: v }));
  return `<figure><figcaption>Net gain by month of sale (${escapeHtml(data.options.currency)})</figcaption>${bars(gainBars, 36)}</figure>`
    + `<figure><figcaption>Income by kind (${escapeHtml(data.options.currency)})</figcaption>${bars(income, 64)}</figure>`;
}

function bars(list: readonly Bar[], w: number): string {
  const h = 140;
  const max = Math.max(1, ...list.map((b) => Math.abs(b.value)));
  const hasNeg = list.some((b) => b.value < 0);
  const zero = hasNeg ? h / 2 : h;
  const scale = (hasNeg ? h / 2 : h) / max;
  const parts = list.map((b, i) => {
    const bh = Math.abs(b.value) * scale;
    const y = b.value >= 0 ? zero - bh : zero;
    return `<g><title>${escapeHtml(`${b.label}: ${b.text}`)}</title><rect x="${i * w + 4}" y="${y.toFixed(1)}" width="${w - 8}" height="${bh.toFixed(1)}" class="${b.value < 0 ? 'neg' : 'pos'}"/>`
      + `<text x="${i * w + w / 2}" y="${h + 14}" text-anchor="middle">${escapeHtml(b.label)}</text></g>`;
  });
  return `<svg viewBox="0 0 ${list.length * w} ${h + 20}" width="${list.length * w}" height="${h + 20}" role="img"><line x1="0" x2="${list.length * w}" y1="${zero}" y2="${zero}" class="axis"/>${parts.join('')}</svg>`;
}
