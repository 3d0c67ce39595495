/**
 * The tables that mirror data stay in step with it: README "Diagnostics" lists exactly the codes
 * of src/diagnostics/codes.ts (severity and hint included), and fixtures/broken/README.md shows
 * exactly fixtures/broken/expected.json. Fix a failure with `npm run docs:tables`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/diagnostics/codes.js';
import { betweenMarkers, brokenInputsTable, diagnosticsTable, replaceBetweenMarkers } from '../src/diagnostics/docs-tables.js';
import { BROKEN, brokenEntries } from './support/broken-corpus.js';
import { MANIFEST_FILE } from '../src/cli/report-folder.js';
import { MANIFEST_NAME, OUTPUT_FILES, outputsTable } from '../src/report/output-files.js';
import { REPORT_FILES } from '../src/report/render-outputs.js';
import { loadTemplates } from '../src/report/templates.js';

const ROOT = join(import.meta.dirname, '..');
const OUT_OF_DATE = 'out of date: run `npm run docs:tables`';

describe('generated documentation tables', () => {
  it('README "Diagnostics" lists every code of the catalogue, with its severity and hint', () => {
    const table = betweenMarkers(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'diagnostics');
    expect(table, OUT_OF_DATE).toBe(diagnosticsTable());
    // and the table really is the catalogue: one row per code, in order
    const codes = (table ?? '').split('\n').slice(2).map((l) => /^\| `([A-Z0-9_]+)` \| (error|warning|note) \|/.exec(l)?.[1]);
    expect(codes).toEqual(Object.keys(CODES));
  });

  it('README "Outputs" lists exactly the output registry, one row per file', () => {
    const table = betweenMarkers(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'outputs');
    expect(table, OUT_OF_DATE).toBe(outputsTable());
    const names = (table ?? '').split('\n').slice(2).map((l) => /^\| `([^`]+)` \|/.exec(l)?.[1]);
    expect(names).toEqual(OUTPUT_FILES.map((f) => f.name));
  });

  it('the registry is the list of the writer and of the PDF: each name once, the manifest named as the folder writer names it, a template text for each file the PDF lists', () => {
    const names = OUTPUT_FILES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(MANIFEST_NAME).toBe(MANIFEST_FILE);
    expect([...REPORT_FILES, MANIFEST_NAME].sort()).toEqual([...names].sort());
    const listed = OUTPUT_FILES.filter((f) => f.onPdfExportsPage).map((f) => f.name);
    expect(listed).toEqual(Object.keys(loadTemplates('us').report.exports.files));
  });

  it('fixtures/broken/README.md shows exactly expected.json', () => {
    const table = betweenMarkers(readFileSync(join(BROKEN, 'README.md'), 'utf8'), 'broken-inputs');
    expect(table, OUT_OF_DATE).toBe(brokenInputsTable(brokenEntries()));
  });

  it('replaceBetweenMarkers keeps the markers and what is around them', () => {
    const text = 'a\n<!-- t:start -->\nold\n<!-- t:end -->\nb';
    expect(replaceBetweenMarkers(text, 't', 'new')).toBe('a\n<!-- t:start -->\nnew\n<!-- t:end -->\nb');
    expect(() => replaceBetweenMarkers('no markers', 't', 'x')).toThrow();
  });

  it('a hint with a pipe, an asterisk or <angle brackets> does not break the table', () => {
    expect(diagnosticsTable({ X: { severity: 'note', hint: 'a | b, *.csv, --format <id>' } })).toContain('| `X` | note | a \\| b, \\*.csv, --format &lt;id> |');
  });
});
