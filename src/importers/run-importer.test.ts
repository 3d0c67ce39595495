/** The shared driver: row accounting, grouped rows and the sources events cite, file context. */
import { describe, expect, it } from 'vitest';
import { decimal, instant, text } from './columns.js';
import { defineImporter, events, skip } from './importer-spec.js';
import { importFile } from './import-file.js';

const grouped = defineImporter({
  id: 'test-grouped',
  label: 'test',
  howToExport: 'test',
  wallet: 'test',
  columns: { time: instant('time'), group: text('group'), asset: text('asset'), amount: decimal('amount') },
  groupKey: (row) => row.group || undefined,
  mapGroup: (rows, ctx) => {
    if (rows[0]?.asset === 'SKIP') return skip('skipped for the test');
    // one deposit per row of the group; each cites its own row
    return events(
      ...rows.map((r, i) => ({
        kind: 'deposit' as const,
        instant: r.time,
        received: { asset: r.asset, amount: r.amount },
        note: ctx.file.name,
        groupRows: [i],
      })),
    );
  },
});

const csv = ['time,group,asset,amount', '2024-01-01,g1,BTC,1', '2024-01-02,g2,SKIP,1', '2024-01-03,g1,ETH,2', '2024-01-04,,SOL,3', '2024-01-05,g2,SKIP,1'].join('\n');

describe('runImporter with groups', () => {
  const r = importFile('data.csv', csv, { importers: [grouped] });

  it('keeps rows = imported + skipped + rejected, counting every row of a group', () => {
    expect(r.accounting).toMatchObject({ rows: 5, imported: 3, skipped: 2, rejected: 0 });
  });

  it('lets each event of a group cite its own row (groupRows), and gives the spec the file name', () => {
    // g1 = lines 2 and 4 → two events citing lines 2 and 4; the ungrouped row on line 5 alone
    expect(r.events.map((e) => [e.source.line, e.extraSources?.map((s) => s.line) ?? [], e.note])).toEqual([
      [2, [], 'data.csv'],
      [4, [], 'data.csv'],
      [5, [], 'data.csv'],
    ]);
    expect(r.events.map((e) => e.id)).toEqual(['data.csv:2#1', 'data.csv:4#2', 'data.csv:5']);
    expect(r.events.some((e) => 'groupRows' in e)).toBe(false);
  });
});

describe('files re-saved by a European spreadsheet (";" and decimal commas)', () => {
  it('reads decimal commas and day-first dates in a ";" file', async () => {
    const { ALL_IMPORTERS } = await import('./index.js');
    const text = [
      'Date;Sent Amount;Sent Currency;Received Amount;Received Currency;Fee Amount;Fee Currency;Net Worth Amount;Net Worth Currency;Label;Description;TxHash',
      '17.11.2021 10:21;3.000,50;USD;0,1;BTC;1,25;USD;;;;;',
    ].join('\n');
    const r = importFile('wallet.csv', text, { importers: ALL_IMPORTERS });
    expect(r.format).toBe('koinly-universal');
    const e = r.events[0];
    // 3.000,50 = 3000.5; 0,1 = 0.1; 1,25 = 1.25; 17.11.2021 is 17 November
    expect(e?.kind === 'trade' ? [e.sent.amount.toFixed(), e.received.amount.toFixed(), e.fee?.amount.toFixed()] : []).toEqual(['3000.5', '0.1', '1.25']);
    expect(new Date(e?.instant ?? 0).toISOString()).toBe('2021-11-17T10:21:00.000Z');
  });

  it('keeps decimal points in a ";" file that uses them', async () => {
    const { numberStyleOf } = await import('./run-importer.js');
    expect(numberStyleOf(';', [{ line: 2, cells: ['0.5', '1200.25'] }])).toEqual({});
    expect(numberStyleOf(';', [{ line: 2, cells: ['0,5', '1.200,25'] }])).toEqual({ decimalSeparator: ',' });
    expect(numberStyleOf(',', [{ line: 2, cells: ['0,5'] }])).toEqual({});
  });
});

describe('rows that do not fit the header', () => {
  it('skips a repeated header (two exports joined) and rejects a row with extra cells', async () => {
    const { ALL_IMPORTERS } = await import('./index.js');
    const header =
      'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
    const text = [
      header,
      '2024-01-01 10:00,100,USD,0.01,BTC,,,,,,,',
      header,
      '2024-02-01 00:00,0.5,ETH,,,,,,,,moved, to cold,0xBEEF',
    ].join('\n');
    const r = importFile('w.csv', text, { importers: ALL_IMPORTERS });
    expect(r.accounting).toMatchObject({ rows: 3, imported: 1, skipped: 1, rejected: 1 });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.source?.line])).toEqual([['CSV_MALFORMED', 4]]);
  });
});
