/**
 * Header lines below the first (header-lines.ts) and headers that fit two formats (detect.ts).
 * Expected events worked out by hand from the rows and the Koinly template's semantics.
 */
import { describe, expect, it } from 'vitest';
import { ALL_IMPORTERS } from './index.js';
import { importFile } from './import-file.js';
import { koinlyUniversal } from './koinly-universal.js';

const HEADER = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
const SWAPPED = 'Date,Received Amount,Received Currency,Sent Amount,Sent Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
const run = (lines: string[]) => importFile('w.csv', lines.join('\n'), { importers: [koinlyUniversal] });
const trades = (r: ReturnType<typeof run>) =>
  r.events.map((e) => (e.kind === 'trade' ? `${e.sent.amount.toFixed()} ${e.sent.asset} -> ${e.received.amount.toFixed()} ${e.received.asset}` : e.kind));

describe('a header repeated further down', () => {
  it('with its columns in another order: the rows after it are read by its names (a buy stays a buy)', () => {
    const r = run([HEADER, '2023-03-01 10:00,2000,USD,10,SOL,,,,,,,', SWAPPED, '2023-03-02 10:00,5,SOL,1000,USD,,,,,,,']);
    // line 4 under the swapped header: received 5 SOL for 1000 USD sent — a second buy, not a sale of 5 SOL
    expect(trades(r)).toEqual(['2000 USD -> 10 SOL', '1000 USD -> 5 SOL']);
    expect(r.accounting).toMatchObject({ rows: 3, imported: 2, skipped: 1, rejected: 0 });
    expect(r.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['CSV_HEADER_CHANGED', 3]]);
  });

  it('as it was: skipped, nothing changes', () => {
    const r = run([HEADER, '2023-03-01 10:00,2000,USD,10,SOL,,,,,,,', HEADER, '2023-03-02 10:00,1000,USD,5,SOL,,,,,,,']);
    expect(trades(r)).toEqual(['2000 USD -> 10 SOL', '1000 USD -> 5 SOL']);
    expect(r.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['ROW_SKIPPED', 3]]);
  });

  it('without columns the format needs: an error, its rows rejected up to a header the format reads', () => {
    const r = run([
      HEADER,
      '2023-03-01 10:00,2000,USD,10,SOL,,,,,,,',
      'Date,Sent Amount,Sent Currency,Fee Amount,Fee Currency,Label',
      '2023-03-02 10:00,1,SOL,,,',
      HEADER,
      '2023-03-04 10:00,1000,USD,5,SOL,,,,,,,',
    ]);
    expect(trades(r)).toEqual(['2000 USD -> 10 SOL', '1000 USD -> 5 SOL']);
    expect(r.accounting).toMatchObject({ rows: 5, imported: 2, skipped: 1, rejected: 2 });
    expect(r.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([
      ['CSV_HEADER_MISMATCH', 3],
      ['CSV_HEADER_MISMATCH', 4],
      ['ROW_SKIPPED', 5],
    ]);
  });

  it('does not take a data row for a header', () => {
    const r = run([HEADER, '2023-03-01 10:00,2000,USD,10,SOL,,,,,,Date,Label']);
    expect(r.accounting).toMatchObject({ rows: 1, imported: 1 });
  });
});

describe('a header that fits two formats', () => {
  it('is refused as FORMAT_AMBIGUOUS naming both, not read as the one with more columns', () => {
    // the Koinly template's columns and the taxlot generic format's, on one header line
    const header = `${HEADER},time,type,sent_amount,sent_asset,received_amount,received_asset`;
    const r = importFile('both.csv', [header, `2023-03-01 10:00,2000,USD,10,SOL,,,,,,,,2023-03-01T10:00:00Z,buy,2000,USD,10,SOL`].join('\n'), {
      importers: ALL_IMPORTERS,
    });
    expect(r.format).toBeUndefined();
    expect(r.events).toEqual([]);
    expect(r.accounting).toMatchObject({ rows: 1, rejected: 1 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FORMAT_AMBIGUOUS']);
    expect(r.diagnostics[0]?.message).toContain('koinly-universal');
    expect(r.diagnostics[0]?.message).toContain('taxlot-generic');
  });

  it('is read as the format --format names', () => {
    const header = `${HEADER},time,type,sent_amount,sent_asset,received_amount,received_asset`;
    const r = importFile('both.csv', [header, `2023-03-01 10:00,2000,USD,10,SOL,,,,,,,,2023-03-01T10:00:00Z,buy,2000,USD,10,SOL`].join('\n'), {
      importers: ALL_IMPORTERS,
      forcedFormat: 'koinly-universal',
    });
    expect(r.format).toBe('koinly-universal');
    expect(r.events.length).toBe(1);
  });
});
