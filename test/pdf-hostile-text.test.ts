/**
 * Text from the inputs in the PDF: wallet (file) names, asset codes and the label are drawn as
 * text, never as PDF syntax. A name full of PDF operators and string delimiters (`)Tj`, `(`, `\`),
 * line breaks, control characters or the longest names accepted must leave a PDF that poppler reads,
 * whose figures are still right (worked by hand below) and whose text shows the names as text.
 */
import { describe, expect, it } from 'vitest';
import { renderOutputs } from '../src/report/render-outputs.js';
import { pdfInfo, pdfText } from './support/pdf-text.js';
import { runKoinly } from './support/report-scenario.js';

const WALLET = 'evil) Tj ET BT /F1 99 Tf (pwned\\ (x';
const ASSET = 'Q)TJ(\\';
// 2025-01-02 buy 10 units for 100.00; 2025-02-01 sell 10 for 120.00: short-term gain 20.00 (box I).
const ROWS = `2025-01-02 10:00,100,USD,10,${ASSET},,,,,,,
  2025-02-01 10:00,10,${ASSET},120,USD,,,,,,,`;

function pdfOf(label: string, wallet = WALLET, asset = ASSET): Uint8Array {
  const data = runKoinly({ [`${wallet}.csv`]: ROWS.replaceAll(ASSET, asset) }, { year: 2025 });
  const pdf = renderOutputs(data, { label }).get('report.pdf');
  if (!(pdf instanceof Uint8Array)) throw new Error('no report.pdf');
  return pdf;
}

describe('hostile text in the PDF', () => {
  it('PDF operators and delimiters in a wallet name, asset and label stay text', () => {
    const pdf = pdfOf('Client ) Tj (x) \\ ET');
    const info = pdfInfo(pdf);
    expect(Number(info.get('Pages'))).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain('Client ) Tj (x) \\ ET');
    expect(text).toContain('evil) Tj ET BT');
    expect(text).toContain('Q)TJ(\\');
    expect(text).not.toContain('pwned\n');
    expect(text).toMatch(/120\.00/);
    expect(text).toMatch(/100\.00/);
    expect(text).toMatch(/20\.00/);
  });

  it('line breaks, control characters and the longest names neither break the PDF nor reach its text', () => {
    // the longest wallet a file name gives (255 bytes), the longest asset code an importer accepts
    // (100, src/importers/row-guards.ts), a 1,000-character label
    const pdf = pdfOf(`A\nB\r\u0000\u0007\u001b[31m${'L'.repeat(1_000)}`, `w\u0001\u001b[2Jx\ny${'W'.repeat(240)}`, 'Z'.repeat(100));
    expect(Number(pdfInfo(pdf).get('Pages'))).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f]/);
    expect(text).toMatch(/20\.00/);
  });
});
