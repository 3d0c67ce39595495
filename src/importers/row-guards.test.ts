/**
 * Row guards: dates before the first Bitcoin block or after the run's clock, and transaction
 * hashes a spreadsheet turned into scientific notation, are rejected rows with file and line —
 * for row importers and grouped ones alike, and the row accounting still adds up.
 */
import { describe, expect, it } from 'vitest';
import { ALL_IMPORTERS } from './index.js';
import { importFile } from './import-file.js';
import { dateOutOfRange, isSpreadsheetMangledId, withRowGuards } from './row-guards.js';

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0); // 2025-06-15T12:00:00Z
const importers = withRowGuards(ALL_IMPORTERS, { now: NOW });
const KOINLY = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';

const run = (file: string, rows: string[]) => importFile(file, `${KOINLY}\n${rows.join('\n')}\n`, { importers });
const errors = (r: ReturnType<typeof run>) =>
  r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.source?.file}:${d.source?.line} ${d.code}`);

describe('dateOutOfRange', () => {
  it('accepts 2009-01-03 00:00 UTC and refuses the instant before', () => {
    expect(dateOutOfRange(Date.UTC(2009, 0, 3), NOW)).toBeUndefined();
    expect(dateOutOfRange(Date.UTC(2009, 0, 3) - 1, NOW)).toContain('before 2009-01-03');
  });
  it('accepts up to one day after the clock (zone slack) and refuses later', () => {
    expect(dateOutOfRange(Date.UTC(2025, 5, 16, 12, 0, 0), NOW)).toBeUndefined();
    expect(dateOutOfRange(Date.UTC(2025, 5, 16, 12, 0, 1), NOW)).toBe('dated 2025-06-16T12:00:01Z, after today (2025-06-15): the date was probably misread');
  });
  it('refuses an instant that is not a number', () => expect(dateOutOfRange(Number.NaN, NOW)).toBeDefined());
});

describe('isSpreadsheetMangledId', () => {
  it.each(['1,55444E+13', '1.55444E+13', '2E+18', ' 7,1e+20 '])('%s is mangled', (id) => expect(isSpreadsheetMangledId(id)).toBe(true));
  it.each(['0xabc', '155444000000000', '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c', 'E+13', '1E-5', ''])('%s is not', (id) => expect(isSpreadsheetMangledId(id)).toBe(false));
});

describe('withRowGuards on a row importer (Koinly template)', () => {
  it('rejects rows dated before 2009-01-03 or after tomorrow, keeps the rest', () => {
    const r = run('w.csv', [
      '2009-01-02 23:59,100,USD,1,ETH,,,,,,,',
      '2009-01-03 00:00,100,USD,1,ETH,,,,,,,',
      '1970-01-01 00:00,100,USD,1,ETH,,,,,,,',
      '2025-06-16 11:00,100,USD,1,ETH,,,,,,,',
      '2205-06-16 11:00,100,USD,1,ETH,,,,,,,',
    ]);
    expect(errors(r)).toEqual(['w.csv:2 ROW_DATE_OUT_OF_RANGE', 'w.csv:4 ROW_DATE_OUT_OF_RANGE', 'w.csv:6 ROW_DATE_OUT_OF_RANGE']);
    expect(r.accounting).toMatchObject({ rows: 5, imported: 2, skipped: 0, rejected: 3 });
    expect(r.events.map((e) => e.source.line)).toEqual([3, 5]);
  });

  it('rejects a deposit or withdrawal whose hash a spreadsheet mangled; a trade keeps its row', () => {
    const r = run('w.csv', [
      '2024-01-01 10:00,,,0.5,ETH,,,,,,,"1,55444E+13"',
      '2024-01-02 10:00,0.5,ETH,,,,,,,,,1.55444E+13',
      '2024-01-03 10:00,100,USD,1,ETH,,,,,,,"1,55444E+13"',
      '2024-01-04 10:00,,,0.5,ETH,,,,,,,0xabc',
    ]);
    expect(errors(r)).toEqual(['w.csv:2 ROW_ID_MANGLED', 'w.csv:3 ROW_ID_MANGLED']);
    expect(r.accounting).toMatchObject({ rows: 4, imported: 2, rejected: 2 });
  });
});

describe('names', () => {
  it('rejects an asset code longer than 100 characters; 100 is accepted', () => {
    const r = run('w.csv', [`2024-01-01 10:00,100,USD,1,${'A'.repeat(101)},,,,,,,`, `2024-01-02 10:00,100,USD,1,${'A'.repeat(100)},,,,,,,`]);
    expect(errors(r)).toEqual(['w.csv:2 ROW_NAME_TOO_LONG']);
    expect(r.accounting).toMatchObject({ rows: 2, imported: 1, rejected: 1 });
  });
});

describe('withRowGuards on a grouped importer (Kraken ledgers)', () => {
  it('rejects both rows of a trade dated 2008, imports the other group', () => {
    const text = [
      '"txid","refid","time","type","subtype","aclass","asset","amount","fee","balance"',
      '"L1","T1","2008-01-04 14:02:11","trade","","currency","ZUSD",-1000.0000,0.0000,0',
      '"L2","T1","2008-01-04 14:02:11","trade","","currency","XXBT",0.0214000000,0.0000000000,0.0214',
      '"L3","T2","2022-01-04 14:02:11","trade","","currency","ZUSD",-1000.0000,0.0000,0',
      '"L4","T2","2022-01-04 14:02:11","trade","","currency","XXBT",0.0214000000,0.0000000000,0.0428',
    ].join('\n');
    const r = importFile('k.csv', text, { importers });
    expect(r.format).toBe('kraken-ledgers');
    expect(errors(r)).toEqual(['k.csv:2 ROW_DATE_OUT_OF_RANGE', 'k.csv:3 ROW_DATE_OUT_OF_RANGE']);
    expect(r.accounting).toMatchObject({ rows: 4, imported: 2, skipped: 0, rejected: 2 });
  });

  it('keeps ids, detection and every other field of the importers', () => {
    expect(importers.map((i) => i.id)).toEqual(ALL_IMPORTERS.map((i) => i.id));
    expect(importers.map((i) => Object.keys(i).sort().join())).toEqual(ALL_IMPORTERS.map((i) => Object.keys(i).sort().join()));
  });
});

describe('invisible characters in names, rows after rows', () => {
  it('refuses a lookalike each time it appears, however often the clean name came before', () => {
    const r = run('names.csv', [
      '2024-01-02 00:00:00,,,1,BTC,,,,,,,',
      '2024-01-03 00:00:00,,,1,B\u200bTC,,,,,,,',
      '2024-01-04 00:00:00,,,1,BTC,,,,,,,',
      '2024-01-05 00:00:00,,,1,B\u200bTC,,,,,,,',
    ]);
    expect(errors(r)).toEqual(['names.csv:3 ROW_NAME_INVISIBLE', 'names.csv:5 ROW_NAME_INVISIBLE']);
    expect(r.events.map((e) => e.source.line)).toEqual([2, 4]);
  });
});
