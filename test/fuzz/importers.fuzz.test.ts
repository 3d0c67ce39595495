/**
 * Fuzzing every importer (fast-check, fixed seeds): each importer's fixtures
 * (`fixtures/importers/<id>/*.csv`), mutated the way broken and crafted files are (see
 * mutate-csv.ts), through the pure import the CLI runs (`importFile` with the guarded importer
 * list). Whatever the mutation:
 *  - nothing throws;
 *  - every row is accounted for: rows = imported + skipped + rejected;
 *  - every rejected row of a recognised file has an error diagnostic naming the file and a line;
 *  - every event points at a line of the file;
 *  - reading the text whole or as chunks cut anywhere gives the same result (the streaming reader).
 *
 * Runs per importer: TAXLOT_FUZZ_RUNS (default 120, so the whole file stays well under a minute on
 * two cores; `TAXLOT_FUZZ_RUNS=2000 npx vitest run test/fuzz` for a long run).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_IMPORTERS } from '../../src/importers/index.js';
import { importFile, type FileImport } from '../../src/importers/import-file.js';
import { withRowGuards } from '../../src/importers/row-guards.js';
import { FIXTURES } from '../support/run-report.js';
import { chunk, lineEnding, mutate, mutation } from './mutate-csv.js';

const RUNS = Number(process.env['TAXLOT_FUZZ_RUNS'] ?? 120);
const importers = withRowGuards(ALL_IMPORTERS, { now: Date.UTC(2026, 0, 1) });

/** The taxlot generic format has no fixture folder: its README example stands in. */
const GENERIC_EXAMPLE = `time,type,wallet,sent_amount,sent_asset,sent_value,received_amount,received_asset,received_value,fee_amount,fee_asset,fee_value,value_currency,counterpart,tx_hash,note
2024-01-05T10:00:00Z,buy,,3000,USD,,0.1,BTC,,10,USD,,USD,,,first buy
2024-02-01T09:00:00Z,transfer,,0.05,BTC,,0.0499,BTC,,,,,,ledger,0xabc,to cold storage
2024-03-01T00:00:00Z,staking,ledger,,,,0.5,SOL,50.25,,,,USD,,,
2024-04-01T00:00:00Z,sell,,0.01,BTC,,700,USD,,,,,USD,,,
`;

function fixturesOf(id: string): { name: string; text: string }[] {
  const dir = join(FIXTURES, 'importers', id);
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.csv')).sort();
  } catch {
    names = [];
  }
  const files = names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  return files.length > 0 ? files : [{ name: 'example.csv', text: GENERIC_EXAMPLE }];
}

/** What must hold for any import of any text. */
function checkImport(r: FileImport, file: string, text: string): void {
  const a = r.accounting;
  expect(a.rows).toBe(a.imported + a.skipped + a.rejected);
  for (const n of [a.rows, a.imported, a.skipped, a.rejected]) expect(Number.isInteger(n) && n >= 0).toBe(true);
  const physicalLines = text.split(/\r\n|\r|\n/).length;
  if (r.format !== undefined) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error' && d.source?.file === file);
    const errorLines = new Set(errors.map((d) => d.source?.line));
    // a summary of repeated diagnostics (bounded-diagnostics.ts) stands for `count` rows
    const summarised = errors.reduce((n, d) => n + (d.count !== undefined ? d.count - 1 : 0), 0);
    expect(errorLines.size + summarised).toBeGreaterThanOrEqual(a.rejected);
    for (const line of errorLines) expect(line !== undefined && line >= 1 && line <= physicalLines).toBe(true);
  } else {
    expect(a.imported).toBe(0);
    expect(r.diagnostics.some((d) => d.severity !== 'note' && d.file === file)).toBe(true);
  }
  for (const e of r.events) {
    expect(e.source.file).toBe(file);
    expect(e.source.line >= 1 && e.source.line <= physicalLines).toBe(true);
    expect(Number.isFinite(e.instant)).toBe(true);
  }
}

/** A comparable digest of an import (events and diagnostics as JSON, decimals as strings). */
const digest = (r: FileImport): string => JSON.stringify({ f: r.format, a: r.accounting, e: r.events, d: r.diagnostics });

describe.each(ALL_IMPORTERS.map((imp, i) => [imp.id, i] as const))('fuzz: %s', (id, seedIndex) => {
  const fixtures = fixturesOf(id);

  it('mutated rows never throw and every row is accounted for', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: fixtures.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        lineEnding,
        fc.boolean(),
        fc.array(fc.nat({ max: 100_000 }), { maxLength: 4 }),
        (which, mutations, eol, forced, cuts) => {
          const fixture = fixtures[which] as { name: string; text: string };
          const text = mutate(fixture.text, mutations).replace(/\n/g, eol);
          const file = `fuzz/${fixture.name}`;
          const opts = { importers, ...(forced ? { forcedFormat: id } : {}) };
          const whole = importFile(file, text, opts);
          checkImport(whole, file, text);
          const pieces = chunk(text, cuts);
          const streamed = importFile(file, () => pieces, opts);
          expect(digest(streamed)).toBe(digest(whole));
        },
      ),
      { numRuns: RUNS, seed: 20_260_109 + seedIndex },
    );
  });
});
