/**
 * Text measuring and drawing for the standard PDF fonts without pdfkit's per-call work.
 *
 * pdfkit's `text()` re-derives each glyph and looks up each kerning pair by a string key, twice
 * (to encode, then to advance the cursor), and a table cell is measured once or twice more to fit
 * and align it: on a statement of thousands of pages that is most of the PDF's time. Here each
 * font's metrics are read once from pdfkit's own AFM data into arrays indexed by WinAnsi code:
 *
 * - `width` returns exactly what `doc.widthOfString` returns (same integer advances and kerning,
 *   same scaling), so layout is unchanged;
 * - `draw` writes a batch of text runs as one text object in the page's content stream, with the
 *   same glyph codes, kerning adjustments and baseline placement as pdfkit's `_fragment`.
 *
 * It reads pdfkit internals (`_font`, `page.fonts`, the AFM tables) — pinned pdfkit 0.17 — and
 * falls back to pdfkit itself for any character outside WinAnsi (which `pdfSafe` never lets through).
 * Only files in this folder import pdfkit.
 */
import type { Measure } from './fit-text.js';

interface AfmFont {
  encodeText(text: string): string[];
  characterToGlyph(code: number): string;
  widthOfGlyph(glyph: string): number;
  getKernPair(left: string, right: string | undefined): number;
}

interface StandardFontObject {
  readonly id: string;
  readonly ascender: number;
  readonly font?: AfmFont;
  ref(): unknown;
}

interface DocInternals {
  _font: StandardFontObject;
  page: { fonts: Record<string, unknown>; height: number };
}

/** What one font needs to measure and encode text: advances and kerning by WinAnsi code. */
interface Metrics {
  readonly font: StandardFontObject;
  /** Advance of each WinAnsi code, in 1/1000 em. */
  readonly widths: Int32Array;
  /** Kerning of a pair of WinAnsi codes (`left * 256 + right`), in 1/1000 em. */
  readonly kerning: Int16Array;
}

/** One piece of text at a position (top-left, as `doc.text` takes it). */
export interface TextRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly font: string;
  readonly size: number;
  readonly color: string;
}

/** A filled rectangle, top-left and size as `doc.rect` takes them, colour `#rrggbb`. */
export interface Background {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly color: string;
}

/** Unicode code unit → WinAnsi code (0 when the standard fonts cannot show it). */
const WIN_ANSI = new Int16Array(65536);
/** Each WinAnsi code inside a PDF literal string: `(`, `)` and `\\` escaped, other bytes as they are. */
const LITERAL: string[] = Array.from({ length: 256 }, (_, i) => {
  const ch = String.fromCharCode(i);
  return ch === '(' || ch === ')' || ch === '\\' ? `\\${ch}` : ch;
});
/** pdfkit's number format in content streams (PDFObject.number). */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/** The printable characters of the standard fonts, as pdfkit encodes them. */
function fillWinAnsi(afm: AfmFont): void {
  if (WIN_ANSI[65] !== 0) return;
  const extra = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
  for (let c = 0x20; c <= 0xff; c++) if (c <= 0x7e || c >= 0xa0) WIN_ANSI[c] = c;
  for (const ch of extra) WIN_ANSI[ch.charCodeAt(0)] = parseInt(afm.encodeText(ch)[0] as string, 16);
}

export class FastText {
  private readonly byName = new Map<string, Metrics | null>();
  private readonly colors = new Map<string, string>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** The metrics of a standard font; null for a font pdfkit measures otherwise (embedded). */
  private metrics(name: string): Metrics | null {
    let m = this.byName.get(name);
    if (m !== undefined) return m;
    this.doc.font(name);
    const font = (this.doc as unknown as DocInternals)._font;
    const afm = font.font;
    if (!afm || typeof afm.getKernPair !== 'function') {
      this.byName.set(name, null);
      return null;
    }
    fillWinAnsi(afm);
    const widths = new Int32Array(256);
    const glyphs: (string | undefined)[] = new Array(256);
    for (let u = 0; u < 65536; u++) {
      const code = WIN_ANSI[u] as number;
      if (code === 0 || glyphs[code] !== undefined) continue;
      const glyph = afm.characterToGlyph(u);
      glyphs[code] = glyph;
      widths[code] = afm.widthOfGlyph(glyph);
    }
    const kerning = new Int16Array(65536);
    for (let a = 0; a < 256; a++) {
      const ga = glyphs[a];
      if (ga === undefined) continue;
      for (let b = 0; b < 256; b++) {
        const gb = glyphs[b];
        if (gb !== undefined) kerning[a * 256 + b] = afm.getKernPair(ga, gb);
      }
    }
    m = { font, widths, kerning };
    this.byName.set(name, m);
    return m;
  }

  /** Text width at `size`: exactly `doc.font(font).fontSize(size).widthOfString(text)`. */
  width(text: string, font: string, size: number): number {
    const m = this.metrics(font);
    if (m === null) return this.doc.font(font).fontSize(size).widthOfString(text);
    let total = 0;
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const code = WIN_ANSI[text.charCodeAt(i)] as number;
      if (code === 0) return this.doc.font(font).fontSize(size).widthOfString(text);
      if (prev >= 0) total += m.kerning[prev * 256 + code] as number;
      total += m.widths[code] as number;
      prev = code;
    }
    // pdfkit: (sum of advances × size / 1000 + character spacing) × horizontal scaling / 100
    return ((total * (size / 1000) + 0) * 100) / 100;
  }

  /** A `Measure` for fit-text.ts. */
  measure(font: string, size: number): Measure {
    return (text) => this.width(text, font, size);
  }

  /**
   * Draw runs as one text object (after anything drawn before, under anything drawn after).
   * A run with a character outside WinAnsi is drawn by pdfkit instead.
   */
  draw(runs: readonly TextRun[], background?: Background): void {
    const doc = this.doc as unknown as DocInternals & PDFKit.PDFDocument;
    const height = doc.page.height;
    const ops: string[] = [];
    // A filled rectangle under the text, in the same write (pdfkit's `rect().fill()`, inside q/Q).
    if (background) ops.push(`q ${this.rgb(background.color)} rg ${num(background.x)} ${num(background.y)} ${num(background.width)} ${num(background.height)} re f Q`);
    ops.push('q', `1 0 0 -1 0 ${num(height)} cm`, 'BT');
    const slow: TextRun[] = [];
    let font = '';
    let size = -1;
    let color = '';
    for (const r of runs) {
      if (r.text.length === 0) continue;
      const m = this.metrics(r.font);
      const tj = m === null || !/^#[0-9a-f]{6}$/i.test(r.color) ? undefined : this.encode(m, r.text);
      if (m === null || tj === undefined) {
        slow.push(r);
        continue;
      }
      if (doc.page.fonts[m.font.id] == null) doc.page.fonts[m.font.id] = m.font.ref();
      if (r.color !== color) {
        color = r.color;
        ops.push(`${this.rgb(color)} rg`);
      }
      if (r.font !== font || r.size !== size) {
        font = r.font;
        size = r.size;
        ops.push(`/${m.font.id} ${num(size)} Tf`);
      }
      const dy = (m.font.ascender / 1000) * r.size;
      ops.push(`1 0 0 1 ${num(r.x)} ${num(height - r.y - dy)} Tm`, tj);
    }
    ops.push('ET', 'Q');
    if (font === '') ops.length = background ? 1 : 0;
    if (ops.length > 0) doc.addContent(ops.join('\n'));
    for (const r of slow) doc.font(r.font).fontSize(r.size).fillColor(r.color).text(r.text, r.x, r.y, { lineBreak: false });
  }

  /**
   * `[(text) kern (text) ...] TJ`: pdfkit's glyph codes and kerning adjustments, written as literal
   * strings (half the bytes of pdfkit's hex strings; the content stream is latin1, so a WinAnsi
   * code above 0x7f is its own byte); undefined for a character outside WinAnsi.
   */
  private encode(m: Metrics, text: string): string | undefined {
    const parts: string[] = [];
    let run = '';
    for (let i = 0; i < text.length; i++) {
      const code = WIN_ANSI[text.charCodeAt(i)] as number;
      if (code === 0) return undefined;
      run += LITERAL[code] as string;
      const next = i + 1 < text.length ? (WIN_ANSI[text.charCodeAt(i + 1)] as number) : 0;
      const kern = next === 0 ? 0 : (m.kerning[code * 256 + next] as number);
      if (kern !== 0) {
        parts.push(`(${run})${num(-kern)}`);
        run = '';
      }
    }
    if (run !== '') parts.push(`(${run})`);
    return `[${parts.join('')}]TJ`;
  }

  /** `#1b1f24` → `0.105882 0.121569 0.141176`, pdfkit's normalisation. */
  private rgb(color: string): string {
    let out = this.colors.get(color);
    if (out === undefined) {
      const hex = parseInt(color.slice(1), 16);
      out = [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((p) => num(p / 255)).join(' ');
      this.colors.set(color, out);
    }
    return out;
  }
}

const instances = new WeakMap<PDFKit.PDFDocument, FastText>();

/** The document's FastText (one per document: metrics are read once). */
export function fastText(doc: PDFKit.PDFDocument): FastText {
  let t = instances.get(doc);
  if (!t) {
    t = new FastText(doc);
    instances.set(doc, t);
  }
  return t;
}
