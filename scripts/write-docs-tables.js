#!/usr/bin/env node
/**
 * `npm run docs:tables`: regenerate the tables that mirror data — the diagnostics catalogue and the
 * output files in README.md (from src/diagnostics/codes.ts and src/report/output-files.ts) and the broken-input table in fixtures/broken/README.md
 * (from fixtures/broken/expected.json). Runs on the build (dist/); test/docs-tables.test.ts fails
 * when either README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brokenInputsTable, diagnosticsTable, replaceBetweenMarkers } from '../dist/diagnostics/docs-tables.js';
import { outputsTable } from '../dist/report/output-files.js';

const root = join(import.meta.dirname, '..');
const update = (file, name, content) => {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = replaceBetweenMarkers(before, name, content);
  if (after !== before) writeFileSync(path, after);
  process.stdout.write(`${file}: ${after === before ? 'up to date' : 'updated'}\n`);
};

update('README.md', 'diagnostics', diagnosticsTable());
update('README.md', 'outputs', outputsTable());
const { entries } = JSON.parse(readFileSync(join(root, 'fixtures', 'broken', 'expected.json'), 'utf8'));
update(join('fixtures', 'broken', 'README.md'), 'broken-inputs', brokenInputsTable(entries));
