/**
 * Overlapping exports must not double count: identical rows in another file of the same
 * importer and wallet are skipped (counted once) with a warning; similar events from different
 * exports are flagged.
 */
import { describe, expect, it } from 'vitest';
import { toReportOptions } from '../src/cli/options.js';
import { computeReport } from '../src/pipeline/compute-report.js';
import { defaultArgs } from './support/run-report.js';

const KRAKEN = '"txid","refid","time","type","subtype","aclass","asset","amount","fee","balance"';
const rows = [
  '"L1","R1","2024-01-04 14:02:11","trade","","currency","ZUSD",-1000.0000,2.6000,3997.4000',
  '"L2","R1","2024-01-04 14:02:11","trade","","currency","XXBT",0.0250000000,0.0000000000,0.0250000000',
  '"L3","R2","2024-03-04 10:00:00","trade","","currency","XXBT",-0.0250000000,0.0000000000,0.0000000000',
  '"L4","R2","2024-03-04 10:00:00","trade","","currency","ZUSD",1500.0000,3.0000,5494.4000',
];
const options = toReportOptions(defaultArgs()).options;

describe('overlapping exports', () => {
  it('the same Kraken rows in two files are counted once', () => {
    // Jan–Feb export has R1; Jan–Mar export has R1 and R2. Sale: proceeds 1500 − 3 = 1497,
    // basis 1000 + 2.6 = 1002.6 → gain 494.40, whether or not the overlap is imported twice.
    const r = computeReport(
      [
        { file: 'kraken-jan-feb.csv', text: [KRAKEN, rows[0], rows[1]].join('\n') },
        { file: 'kraken-jan-mar.csv', text: [KRAKEN, ...rows].join('\n') },
      ],
      options,
    );
    expect(r.summary['inputs']).toEqual({ files: 2, rows: 6, imported: 4, skipped: 2, rejected: 0 });
    expect((r.summary['capitalGains'] as { net: string }).net).toBe('494.40');
    expect(r.diagnostics.filter((d) => d.code === 'DUPLICATE_ROWS').map((d) => d.message)).toEqual([
      '2 of 4 rows repeat rows of kraken-jan-feb.csv; each is counted once',
    ]);
  });

  it('identical rows within one file are not merged (two equal fills are two trades)', () => {
    const r = computeReport([{ file: 'k.csv', text: [KRAKEN, rows[0], rows[1], rows[0], rows[1]].join('\n') }], options);
    expect(r.summary['inputs']).toEqual({ files: 1, rows: 4, imported: 4, skipped: 0, rejected: 0 });
  });

  it('a copy of a file under another folder is counted once', () => {
    const koinly = [
      'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash',
      '2024-01-04 14:02:11,1000,USD,0.025,BTC,,,,,,,',
    ].join('\n');
    const r = computeReport(
      [
        { file: 'ledger.csv', text: koinly },
        { file: 'backup/ledger.csv', text: koinly },
      ],
      options,
    );
    expect(r.summary['inputs']).toEqual({ files: 2, rows: 2, imported: 1, skipped: 1, rejected: 0 });
  });

  it('the same movement in two different exports is flagged, both kept', () => {
    // A Koinly file named kraken.csv (wallet "kraken") restating the Kraken ledger's first trade.
    const koinly = [
      'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash',
      '2024-01-04 14:02:11,1000,USD,0.025,BTC,2.6,USD,,,,,',
    ].join('\n');
    const r = computeReport(
      [
        { file: 'kraken-ledgers.csv', text: [KRAKEN, rows[0], rows[1]].join('\n') },
        { file: 'kraken.csv', text: koinly },
      ],
      options,
    );
    const flagged = r.diagnostics.filter((d) => d.code === 'POSSIBLE_DUPLICATE');
    expect(flagged.map((d) => [d.source?.file, d.message])).toEqual([['kraken.csv', 'same trade as kraken-ledgers.csv:2 (kraken-ledgers); both are counted']]);
  });
});
