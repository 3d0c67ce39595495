/**
 * Golden importer fixtures: every `fixtures/importers/<importer-id>/<case>.csv` must be detected
 * by exactly the importer named by its folder, and its events, row accounting and diagnostics
 * must equal `<case>.csv.expected.txt` beside it. Expected files are reviewed by hand against the
 * format's documented semantics (docs/formats.md); `vitest -u` rewrites them for review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_IMPORTERS } from '../src/importers/index.js';
import { importFile } from '../src/importers/import-file.js';
import { formatEvent } from '../src/model/format-event.js';
import { formatDiagnostic, sortDiagnostics } from '../src/diagnostics/format-diagnostic.js';

const root = join(import.meta.dirname, '..', 'fixtures', 'importers');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => f.endsWith('.csv')).map((f) => [d.name, f] as const));

describe.each(cases)('%s/%s', (importerId, fileName) => {
  const path = join(root, importerId, fileName);
  const result = importFile(fileName, readFileSync(path, 'utf8'), { importers: ALL_IMPORTERS });

  it('is detected by exactly its own importer', () => {
    expect(result.format).toBe(importerId);
  });

  it('keeps the row accounting invariant', () => {
    const a = result.accounting;
    expect(a.rows).toBe(a.imported + a.skipped + a.rejected);
  });

  it('produces the expected events and diagnostics', async () => {
    const a = result.accounting;
    const text = [
      `# rows ${a.rows}, imported ${a.imported}, skipped ${a.skipped}, rejected ${a.rejected}`,
      ...result.events.map(formatEvent),
      ...sortDiagnostics(result.diagnostics).map((d) => `! ${formatDiagnostic(d).replace(/\n/g, '\n!')}`),
      '',
    ].join('\n');
    await expect(text).toMatchFileSnapshot(`${path}.expected.txt`);
  });
});
