/**
 * Bar charts drawn with pdfkit's vector primitives (rectangles and lines, no images), so they are
 * sharp at any zoom and byte-identical across runs. Amounts are Decs: converted to numbers only
 * for coordinates; every printed label is formatted from a Dec.
 */
import { Dec, type Dec as DecType } from '../../model/decimal.js';
import type { ChartBar } from './chart-data.js';
import { formatAmount, groupThousands } from './format-amount.js';
import { pdfSafe, truncate } from './fit-text.js';
import { put } from './page.js';
import type { PdfContext } from './pdf-context.js';
import { COLOR, FONT, SIZE } from './theme.js';

export interface ChartBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Axis {
  readonly min: DecType;
  readonly max: DecType;
  readonly step: DecType;
}

/**
 * A "nice" axis (steps of 1, 2 or 5 × 10^k) covering zero and every value, about five steps.
 * @example niceAxis([dec('2485'), dec('-700')]) // → { min: -1000, max: 3000, step: 1000 }
 */
export function niceAxis(values: readonly DecType[]): Axis {
  let lo = new Dec(0);
  let hi = new Dec(0);
  for (const v of values) {
    if (v.lessThan(lo)) lo = v;
    if (v.greaterThan(hi)) hi = v;
  }
  const span = hi.minus(lo);
  if (span.isZero()) return { min: new Dec(0), max: new Dec(1), step: new Dec(1) };
  const raw = span.dividedBy(5);
  const exp = raw.abs().log(10).floor();
  const unit = new Dec(10).pow(exp);
  const step = [1, 2, 5, 10].map((m) => unit.times(String(m))).find((s) => s.greaterThanOrEqualTo(raw)) ?? unit.times(10);
  return {
    min: lo.dividedBy(step).floor().times(step),
    max: hi.dividedBy(step).ceil().times(step),
    step,
  };
}

const SCALES: readonly (readonly [string, string])[] = [['1e12', 'T'], ['1e9', 'B'], ['1e6', 'M']];

/**
 * An axis tick: grouped digits, or from a million up the short scale (`2.5M`, `100B`), so that a
 * tick never runs out of its slot; negatives in parentheses like every amount.
 * @example tickLabel(dec('-50000000000')) === '(50B)'
 */
export function tickLabel(v: DecType): string {
  const abs = v.abs();
  const scale = SCALES.find(([f]) => abs.greaterThanOrEqualTo(f));
  const text = scale ? `${groupThousands(abs.dividedBy(scale[0]).toFixed())}${scale[1]}` : groupThousands(abs.toFixed());
  return v.isNegative() ? `(${text})` : text;
}

/** Font size at which `text` fits `width` (at most `size`, at least 4). */
function fitSize(ctx: PdfContext, text: string, font: string, size: number, width: number): number {
  ctx.doc.font(font).fontSize(size);
  const w = ctx.doc.widthOfString(text);
  return w <= width ? size : Math.max(4, Math.floor(((size * width) / w) * 10) / 10);
}

const n = (d: DecType): number => Number(d.toFixed(6));

/** Vertical bars (one per category, e.g. month) around a zero line, with a y axis. */
export function drawColumnChart(ctx: PdfContext, box: ChartBox, bars: readonly ChartBar[]): void {
  const { doc } = ctx;
  const axis = niceAxis(bars.map((b) => b.value));
  const plotX = box.x + 56;
  const plotW = box.width - 60;
  const plotTop = box.y + 14;
  const plotH = box.height - 40;
  const yOf = (v: DecType): number => plotTop + ((n(axis.max) - n(v)) / (n(axis.max) - n(axis.min))) * plotH;
  for (let t = axis.min; t.lessThanOrEqualTo(axis.max); t = t.plus(axis.step)) {
    const y = yOf(t);
    doc.moveTo(plotX, y).lineTo(plotX + plotW, y).lineWidth(t.isZero() ? 0.9 : 0.3).strokeColor(t.isZero() ? COLOR.ink : COLOR.rule).stroke();
    put(ctx, tickLabel(t), box.x, y - 3, { size: SIZE.small, color: COLOR.muted, width: 50, align: 'right' });
  }
  const slot = plotW / Math.max(1, bars.length);
  const zero = yOf(new Dec(0));
  bars.forEach((b, i) => {
    const x = plotX + i * slot + slot * 0.18;
    const w = slot * 0.64;
    const y = yOf(b.value);
    if (!b.value.isZero()) {
      doc.rect(x, Math.min(y, zero), w, Math.max(0.8, Math.abs(zero - y))).fill(b.value.isNegative() ? COLOR.loss : COLOR.gain);
      const labelY = b.value.isNegative() ? Math.max(y, zero) + 2 : Math.min(y, zero) - 9;
      const label = formatAmount(b.value);
      const size = fitSize(ctx, label, FONT.regular, SIZE.small - 0.5, slot - 2);
      put(ctx, label, x - slot * 0.18, labelY, { size, color: COLOR.ink, width: slot, align: 'center' });
    }
    put(ctx, b.label, plotX + i * slot, plotTop + plotH + 12, { size: SIZE.small + 0.5, color: COLOR.muted, width: slot, align: 'center' });
  });
}

/** Horizontal bars (one per category, e.g. asset) left or right of a zero line; values in a column at the right. */
export function drawBarChart(ctx: PdfContext, box: ChartBox, bars: readonly ChartBar[]): void {
  const { doc } = ctx;
  const axis = niceAxis(bars.map((b) => b.value));
  const labelW = 90;
  const valueW = 80;
  const plotX = box.x + labelW + 10;
  const plotW = box.width - labelW - valueW - 30;
  const plotTop = box.y + 4;
  const plotH = box.height - 22;
  const xOf = (v: DecType): number => plotX + ((n(v) - n(axis.min)) / (n(axis.max) - n(axis.min))) * plotW;
  for (let t = axis.min; t.lessThanOrEqualTo(axis.max); t = t.plus(axis.step)) {
    const x = xOf(t);
    doc.moveTo(x, plotTop).lineTo(x, plotTop + plotH).lineWidth(t.isZero() ? 0.9 : 0.3).strokeColor(t.isZero() ? COLOR.ink : COLOR.rule).stroke();
    put(ctx, tickLabel(t), x - 30, plotTop + plotH + 4, { size: SIZE.small, color: COLOR.muted, width: 60, align: 'center' });
  }
  const slot = plotH / Math.max(1, bars.length);
  const barH = Math.min(16, slot * 0.65);
  const zero = xOf(new Dec(0));
  const valueX = box.x + box.width - valueW;
  bars.forEach((b, i) => {
    const y = plotTop + i * slot + (slot - barH) / 2;
    const textY = y + barH / 2 - 3.5;
    // A long ticker shrinks a little, then is cut: it never runs into the margin.
    const nameSize = Math.max(5.5, fitSize(ctx, pdfSafe(b.label), FONT.bold, SIZE.table, labelW));
    ctx.doc.font(FONT.bold).fontSize(nameSize);
    const name = truncate(pdfSafe(b.label), labelW, (s) => ctx.doc.widthOfString(s));
    put(ctx, name, box.x, textY, { font: FONT.bold, size: nameSize, width: labelW, align: 'right' });
    const x = xOf(b.value);
    const color = b.value.isNegative() ? COLOR.loss : COLOR.gain;
    if (!b.value.isZero()) doc.rect(Math.min(x, zero), y, Math.max(0.8, Math.abs(x - zero)), barH).fill(color);
    const amount = formatAmount(b.value);
    const size = fitSize(ctx, amount, FONT.bold, SIZE.table, valueW);
    put(ctx, amount, valueX, textY, { font: FONT.bold, size, width: valueW, align: 'right', color: b.value.isNegative() ? COLOR.loss : COLOR.ink });
  });
}
