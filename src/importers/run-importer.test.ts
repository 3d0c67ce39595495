/** The shared driver: row accounting, grouped rows and the sources events cite, file context. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimal, instant, text } from './columns.js';
import { defineImporter, events, reject, skip, type MapContext, type RowOf, type RowOutcome } from './importer-spec.js';
import { importFile } from './import-file.js';

/** Rows `time,group,asset,amount`, grouped by `group` (empty: a row alone). */
const GROUP_COLUMNS = { time: instant('time'), group: text('group'), asset: text('asset'), amount: decimal('amount') };

function groupingImporter(id: string, mapGroup: (rows: readonly RowOf<typeof GROUP_COLUMNS>[], ctx: MapContext) => RowOutcome) {
  return defineImporter({ id, label: 'test', howToExport: 'test', wallet: 'test', columns: GROUP_COLUMNS, groupKey: (row) => row.group || undefined, mapGroup });
}

const grouped = groupingImporter('test-grouped', (rows, ctx) => {
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

describe('groups mapped as the file streams (groupWindow)', () => {
  let calls = 0;
  const counted = groupingImporter('test-counted', (rows) => {
    calls++;
    if (rows.some((r) => r.asset === 'SKIP')) return skip('skipped for the test');
    if (rows.some((r) => r.asset === 'BAD')) return reject('ROW_UNKNOWN_TYPE', 'rejected for the test');
    // one event per group, citing every row: what it holds shows which rows were grouped
    const [first] = rows;
    return events({ kind: 'deposit' as const, instant: first?.time ?? 0, received: { asset: rows.map((r) => r.asset).join('+'), amount: first?.amount as never } });
  });
  const HOLD_ALL = Number.MAX_SAFE_INTEGER;
  const run = (lines: readonly string[], groupWindow: number) => {
    calls = 0;
    const r = importFile('g.csv', ['time,group,asset,amount', ...lines].join('\n'), { importers: [counted], groupWindow });
    const view = {
      events: r.events.map((e) => [e.id, e.kind === 'deposit' ? e.received.asset : '', e.source.line, e.extraSources?.map((s) => s.line)]),
      diagnostics: r.diagnostics.map((d) => [d.code, d.source?.line, d.message]),
      accounting: r.accounting,
    };
    return { view, calls };
  };

  it('maps each group once when its rows sit together, with the result of holding every group', () => {
    // groups a, b, c each on adjacent lines; a row alone; a row with a bad amount between
    const lines = ['2024-01-01,a,BTC,1', '2024-01-01,a,ETH,2', '2024-01-02,b,SKIP,1', '2024-01-02,b,SOL,1', '2024-01-03,,ADA,5', '2024-01-04,c,BAD,x', '2024-01-05,c,BAD,1', '2024-01-05,c,BAD,2'];
    const held = run(lines, HOLD_ALL);
    const streamed = run(lines, 3);
    expect(streamed.view).toEqual(held.view);
    expect(streamed.calls).toBe(4); // a, b, the row alone, c: no second pass
    expect(held.view.events).toEqual([
      ['g.csv:2', 'BTC+ETH', 2, [3]],
      ['g.csv:6', 'ADA', 6, undefined],
    ]);
    // the row with a bad amount first (as read), then the groups' skips and rejections in line order
    expect(held.view.diagnostics.map(([code, line]) => [code, line])).toEqual([
      ['ROW_BAD_NUMBER', 7],
      ['ROW_SKIPPED', 4],
      ['ROW_SKIPPED', 5],
      ['ROW_UNKNOWN_TYPE', 8],
      ['ROW_UNKNOWN_TYPE', 9],
    ]);
  });

  it('with the default windows, reads again (window 10,000) a file whose group comes back after 256 rows', () => {
    // group a on lines 2 and 303, 300 groups of one row between
    const lines = ['2024-01-01,a,BTC,1', ...Array.from({ length: 300 }, (_, i) => `2024-01-02,g${i},ETH,1`), '2024-01-03,a,ADA,1'];
    calls = 0;
    const r = importFile('g.csv', ['time,group,asset,amount', ...lines].join('\n'), { importers: [counted] });
    expect(r.events.length).toBe(301);
    const [a] = r.events;
    expect([a?.kind === 'deposit' && a.received.asset, a?.source.line, a?.extraSources?.map((s) => s.line)]).toEqual(['BTC+ADA', 2, [303]]);
    // first pass: the groups of rows 0–44 mapped (each once 256 more rows were taken), then row 301
    // meets group a again; second pass: all 301 groups, mapped at the end
    expect(calls).toBe(45 + 301);
    expect(r.accounting).toMatchObject({ rows: 302, imported: 302, skipped: 0, rejected: 0 });
  });

  it('reads the file again, holding its groups, when a group comes back after it was mapped', () => {
    const lines = ['2024-01-01,a,BTC,1', '2024-01-02,b,ETH,1', '2024-01-03,c,SOL,1', '2024-01-04,a,ADA,1'];
    const streamed = run(lines, 2);
    expect(streamed.view).toEqual(run(lines, HOLD_ALL).view);
    expect(streamed.view.events.map((e) => e[1])).toEqual(['BTC+ADA', 'ETH', 'SOL']);
    expect(streamed.calls).toBe(1 + 3); // a mapped in the first pass; a, b, c in the second
  });

  it('gives the same events, diagnostics and counts whatever the window (random files)', () => {
    const row = fc.record({
      group: fc.constantFrom('', 'a', 'b', 'c', 'd', 'e'),
      asset: fc.constantFrom('BTC', 'ETH', 'SKIP', 'BAD'),
      amount: fc.constantFrom('1', '2.5', 'x'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), (rows, window) => {
        const lines = rows.map((r, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')},${r.group},${r.asset},${r.amount}`);
        expect(run(lines, window).view).toEqual(run(lines, HOLD_ALL).view);
      }),
      { numRuns: 300, seed: 8 },
    );
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
