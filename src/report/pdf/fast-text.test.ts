/**
 * fast-text.ts measures exactly as pdfkit does (advances and kerning of the standard fonts), so a
 * table laid out with it breaks and aligns where pdfkit would.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fastText } from './fast-text.js';

describe('FastText.width', () => {
  it('equals pdfkit widthOfString, kerning pairs and WinAnsi extras included', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const t = fastText(doc);
    const samples = [
      '', 'AV', 'To', 'Yo.', 'WAVE', 'LTA', 'P.', '(1,234.50)', '03/10/2025', 'exports/kraken-ledger.csv:1234',
      'Digital assets, 76,000 transactions — see attached statement', '€ “quoted” … Œuvre ™', 'é ü ß ñ Ø ÿ', 'F’s r, y. T-',
    ];
    for (const font of ['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique']) {
      for (const size of [6.5, 7, 7.5, 9, 13]) {
        for (const s of samples) expect(t.width(s, font, size), `${font} ${size} ${s}`).toBe(doc.font(font).fontSize(size).widthOfString(s));
      }
    }
    // Kerning is applied: "AV" in Helvetica is narrower than "A" + "V" (KPX A V -70).
    expect(t.width('AV', 'Helvetica', 10)).toBeCloseTo(t.width('A', 'Helvetica', 10) + t.width('V', 'Helvetica', 10) - 0.7, 10);
  });
});
