/**
 * The text layer of a PDF as `pdftotext -layout` (poppler-utils) sees it: what a reader, a
 * screen reader or an accountant's search finds — the independent check that the PDF says what
 * summary.json says. Requires `pdftotext` on the PATH (`apt-get install poppler-utils`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function poppler(tool: string, args: readonly string[], bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'taxlot-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    const r = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
    if (r.error || r.status !== 0) throw new Error(`${tool} failed (install poppler-utils): ${r.error?.message ?? r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(bytes: Uint8Array): string {
  return poppler('pdftotext', ['-layout', '-enc', 'UTF-8'], bytes);
}

/** `pdfinfo -isodates` as a map: `CreationDate` → `2026-01-01T00:00:00Z`, `Pages` → `10`, ... */
export function pdfInfo(bytes: Uint8Array): Map<string, string> {
  const out = poppler('pdfinfo', ['-isodates'], bytes);
  return new Map(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

/** The text of each page (pdftotext separates pages with a form feed). */
export function pdfPages(bytes: Uint8Array): string[] {
  return pdfText(bytes).split('\f').filter((p) => p.trim() !== '');
}

/** The amounts printed on the first line containing `label` (`1,234.50`, `(12.00)`), in order. */
export function amountsOnLine(text: string, label: string): string[] {
  const line = text.split('\n').find((l) => l.includes(label));
  if (line === undefined) throw new Error(`no line containing "${label}"`);
  return [...line.slice(line.indexOf(label) + label.length).matchAll(/\(?\d{1,3}(?:,\d{3})*\.\d{2}\)?/g)].map((m) => m[0]);
}
