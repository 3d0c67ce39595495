/**
 * Page geometry, fonts and colours of the PDF: US Letter, landscape, the 14 standard PDF fonts
 * (nothing embedded, nothing read at render time beyond pdfkit's own metrics).
 */
export const PAGE = {
  width: 792,
  height: 612,
  left: 40,
  right: 752,
  top: 36,
  /** Lowest y any content may reach; the footer lives below. */
  bottom: 556,
} as const;

export const CONTENT_WIDTH = PAGE.right - PAGE.left;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', oblique: 'Helvetica-Oblique' } as const;

export const SIZE = { title: 16, heading: 11, body: 9, table: 7.5, tableHeading: 7, small: 6.5, cover: 26 } as const;

export const COLOR = {
  ink: '#1b1f24',
  muted: '#5f6b7a',
  rule: '#c5ccd6',
  accent: '#1f3a5f',
  headerFill: '#e6ebf2',
  zebra: '#f6f8fb',
  totalFill: '#edf1f6',
  gain: '#2e7d32',
  loss: '#c0392b',
  ok: '#2e7d32',
  warn: '#b26a00',
  error: '#b3261e',
} as const;
