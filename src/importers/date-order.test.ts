/**
 * A file's day-month order is decided for the whole file (date-order.ts), never row by row; a leap
 * second is refused. Expected instants are worked out by hand from the cells.
 */
import { describe, expect, it } from 'vitest';
import { instant, text } from './columns.js';
import { defineImporter, events } from './importer-spec.js';
import { importFile } from './import-file.js';
import { koinlyUniversal } from './koinly-universal.js';
import type { DateOrder } from './parse-instant.js';

const HEADER = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
const row = (date: string, i = 1): string => `${date},,,${i},BTC,,,,,,,`;

function koinly(dates: readonly string[], dateOrder?: DateOrder, header = HEADER, sep = ',') {
  const lines = [header, ...dates.map((d, i) => (sep === ',' ? row(d, i + 1) : row(d, i + 1).replace(/,/g, ';')))];
  return importFile('wallet.csv', lines.join('\n'), { importers: [koinlyUniversal], ...(dateOrder ? { dateOrder } : {}) });
}
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16);
const codes = (r: ReturnType<typeof koinly>): string[] => r.diagnostics.map((d) => d.code);

describe('a file decides its day-month order as a whole', () => {
  it('reads every row day-first when one row proves it, even the rows before that one', () => {
    // a UK-locale spreadsheet's Koinly file: 05/06/2024 is 5 June because 13/06/2024 exists
    const r = koinly(['01/06/2023 10:00', '05/06/2024 10:00', '13/06/2024 10:00']);
    expect(r.events.map((e) => iso(e.instant))).toEqual(['2023-06-01T10:00', '2024-06-05T10:00', '2024-06-13T10:00']);
    expect(r.diagnostics).toEqual([]);
    expect(r.accounting).toMatchObject({ rows: 3, imported: 3, rejected: 0 });
  });

  it('reads the rows before the proof day-first when the proof comes thousands of rows later (a re-read)', () => {
    const dates = Array.from({ length: 3000 }, () => '02/03/2024 10:00');
    const r = koinly([...dates, '28/02/2024 10:00']);
    expect(r.events.length).toBe(3001);
    expect(iso(r.events[0]?.instant ?? 0)).toBe('2024-03-02T10:00');
    expect(iso(r.events[3000]?.instant ?? 0)).toBe('2024-02-28T10:00');
    expect(codes(r)).toEqual([]);
  });

  it('reads month-first when a row proves that (06/13/2024), without a warning', () => {
    const r = koinly(['06/01/2024 10:00', '06/13/2024 10:00']);
    expect(r.events.map((e) => iso(e.instant))).toEqual(['2024-06-01T10:00', '2024-06-13T10:00']);
    expect(codes(r)).toEqual([]);
  });

  it('refuses the whole file when one row is only day-first and another only month-first, naming both lines', () => {
    const r = koinly(['01/06/2024 10:00', '06/13/2024 10:00', '13/06/2024 10:00']);
    expect(r.events).toEqual([]);
    expect(r.accounting).toMatchObject({ rows: 3, imported: 0, skipped: 0, rejected: 3 });
    expect(codes(r)).toEqual(['DATE_ORDER_CONFLICT']);
    const d = r.diagnostics[0];
    expect(d?.source?.line).toBe(4);
    expect(d?.message).toContain('line 4 ("13/06/2024 10:00")');
    expect(d?.message).toContain('line 3 ("06/13/2024 10:00")');
    expect(d?.hint).toContain('--date-order');
  });

  it('warns, naming the assumption, when no row settles the order; month-first in a "," file', () => {
    const r = koinly(['01/06/2024 10:00', '05/06/2024 10:00']);
    expect(r.events.map((e) => iso(e.instant))).toEqual(['2024-01-06T10:00', '2024-05-06T10:00']);
    expect(codes(r)).toEqual(['DATE_ORDER_ASSUMED']);
    expect(r.diagnostics[0]?.message).toContain('read as month-first (MM/DD/YYYY)');
    expect(r.diagnostics[0]?.hint).toContain('--date-order dmy');
  });

  it('assumes day-first in a ";" file (the layout of decimal-comma spreadsheets), still with the warning', () => {
    const r = koinly(['01/06/2024 10:00', '05/06/2024 10:00'], undefined, HEADER.replace(/,/g, ';'), ';');
    expect(r.events.map((e) => iso(e.instant))).toEqual(['2024-06-01T10:00', '2024-06-05T10:00']);
    expect(codes(r)).toEqual(['DATE_ORDER_ASSUMED']);
    expect(r.diagnostics[0]?.hint).toContain('--date-order mdy');
    // dd-mm-yyyy, as a Dutch spreadsheet writes it
    const dashes = koinly(['01-06-2024 10:00', '05-06-2024 10:00'], undefined, HEADER.replace(/,/g, ';'), ';');
    expect(dashes.events.map((e) => iso(e.instant))).toEqual(['2024-06-01T10:00', '2024-06-05T10:00']);
  });

  it('does not warn when the order changes nothing (03/03/2024) or the dates are ISO', () => {
    expect(codes(koinly(['03/03/2024 10:00', '12/12/2024 10:00']))).toEqual([]);
    expect(codes(koinly(['2024-06-05 10:00', '2024-06-01 10:00']))).toEqual([]);
  });

  it('follows --date-order without a warning, and refuses the file on a row against it', () => {
    const dmy = koinly(['01/06/2024 10:00', '05/06/2024 10:00'], 'dmy');
    expect(dmy.events.map((e) => iso(e.instant))).toEqual(['2024-06-01T10:00', '2024-06-05T10:00']);
    expect(codes(dmy)).toEqual([]);
    const against = koinly(['01/06/2024 10:00', '13/06/2024 10:00'], 'mdy');
    expect(codes(against)).toEqual(['DATE_ORDER_CONFLICT']);
    expect(against.diagnostics[0]?.source?.line).toBe(3);
    expect(against.diagnostics[0]?.message).toContain('--date-order mdy');
    expect(against.accounting).toMatchObject({ rows: 2, rejected: 2 });
  });

  it('reads YY-MM-DD (Binance) year-first without a warning, and --date-order ymd reads 24/06/13 as 2024-06-13', () => {
    expect(koinly(['24-06-05 10:00', '24-06-01 10:00']).events.map((e) => iso(e.instant))).toEqual(['2024-06-05T10:00', '2024-06-01T10:00']);
    expect(codes(koinly(['24-06-05 10:00']))).toEqual([]);
    expect(koinly(['24/06/13 10:00'], 'ymd').events.map((e) => iso(e.instant))).toEqual(['2024-06-13T10:00']);
  });

  it('keeps a date that is none in any order (31/02/2024) a row problem, not the file\'s', () => {
    const r = koinly(['13/06/2024 10:00', '31/02/2024 10:00']);
    expect(r.accounting).toMatchObject({ rows: 2, imported: 1, rejected: 1 });
    expect(codes(r)).toEqual(['ROW_BAD_DATE']);
  });
});

describe('an order the format documents', () => {
  // like Bitfinex: the export states dates day-first
  const dayFirst = defineImporter({
    id: 'test-day-first',
    label: 'test',
    howToExport: 'test',
    wallet: 'test',
    columns: { date: instant('DATE', { order: 'dmy' }), asset: text('ASSET') },
    mapRow: (r) => events({ kind: 'deposit', instant: r.date, received: { asset: r.asset, amount: undefined as never } }),
  });
  const run = (dates: string[], dateOrder?: DateOrder) =>
    importFile('x.csv', ['DATE,ASSET', ...dates.map((d) => `${d},BTC`)].join('\n'), { importers: [dayFirst], ...(dateOrder ? { dateOrder } : {}) });

  it('is followed without a warning when the dates leave it open', () => {
    const r = run(['01-06-24 10:00:00', '05-06-24 10:00:00']);
    expect(r.events.map((e) => iso(e.instant))).toEqual(['2024-06-01T10:00', '2024-06-05T10:00']);
    expect(r.diagnostics).toEqual([]);
  });

  it('refuses the file when a row contradicts it, and --date-order overrides it', () => {
    const r = run(['01/06/2024 10:00', '06/13/2024 10:00']);
    expect(r.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['DATE_ORDER_CONFLICT', 3]]);
    expect(r.diagnostics[0]?.message).toContain('this format');
    expect(run(['01/06/2024 10:00', '06/13/2024 10:00'], 'mdy').events.map((e) => iso(e.instant))).toEqual(['2024-01-06T10:00', '2024-06-13T10:00']);
  });
});

describe('leap seconds', () => {
  it('refuses 23:59:60 as a bad date with a hint, instead of moving the row into the next day and year', () => {
    const r = koinly(['2024-12-31 23:59:60', '2016-12-31T23:59:60Z', '2024-12-31 23:59:59']);
    expect(r.accounting).toMatchObject({ rows: 3, imported: 1, rejected: 2 });
    expect(r.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([
      ['ROW_BAD_DATE', 2],
      ['ROW_BAD_DATE', 3],
    ]);
    expect(r.diagnostics[0]?.message).toContain('leap second');
    expect(r.diagnostics[0]?.hint).toContain(':59');
    expect(iso(r.events[0]?.instant ?? 0)).toBe('2024-12-31T23:59');
  });
});
