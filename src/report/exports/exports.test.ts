/**
 * The tax-software exports, checked against the formats as documented (docs/tax-rules.md §2.1–2.3) and
 * against numbers worked out by hand in test/support/report-scenario.ts.
 */
import { describe, expect, it } from 'vitest';
import { runKoinly, SCENARIO_2024, SCENARIO_2025 } from '../../../test/support/report-scenario.js';
import { buildForm8949Lines } from '../form8949-lines.js';
import { renderOutputs } from '../render-outputs.js';
import { loadTemplates } from '../templates.js';
import { renderTurboTaxGains } from './turbotax-gains-csv.js';

const run2025 = () => runKoinly({ 'wallet.csv': SCENARIO_2025 }, { year: 2025 });
const run2024 = () => runKoinly({ 'wallet.csv': SCENARIO_2024 }, { year: 2024 });
const text = (files: Map<string, string | Uint8Array>, name: string): string => {
  const f = files.get(name);
  if (typeof f !== 'string') throw new Error(`no ${name}`);
  return f;
};
const rows = (csv: string): string[] => csv.trimEnd().split('\n');

/** A TXF file as records of `[code, value]` fields, per the v042 spec: one field per line, `^` ends a record. */
function parseTxf(txf: string): { header: string[]; records: [string, string][][] } {
  expect(txf.endsWith('^\r\n')).toBe(true);
  const lines = txf.split('\r\n').slice(0, -1);
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (line === '^') blocks.push([]);
    else (blocks[blocks.length - 1] as string[]).push(line);
  }
  blocks.pop();
  const [header = [], ...records] = blocks;
  return { header, records: records.map((r) => r.map((l) => [l.slice(0, 1), l.slice(1)] as [string, string])) };
}

describe('Form 8949 lines', () => {
  it('are grouped short-term box first, numbered within the box', () => {
    const lines = buildForm8949Lines(2025, run2025().disposals);
    // Part I (box I) lines in disposal order, then Part II (box L).
    expect(lines.map((l) => `${l.ref} ${l.description}`)).toEqual(['I-1 1 ETH', 'I-2 0.5 ETH', 'I-3 0.5 SOL', 'I-4 0.5 SOL', 'L-1 0.05 BTC']);
    expect(lines.map((l) => l.gain.toFixed(2))).toEqual(['-700.00', '-249.90', '-0.25', '75.00', '2485.00']);
  });
});

describe('TurboTax gains CSV', () => {
  it('has the documented header, MM/DD/YYYY dates and two-decimal amounts', () => {
    const csv = text(renderOutputs(run2025(), { pdf: false }), 'turbotax-gains.csv');
    expect(rows(csv)).toEqual([
      'Currency Name,Purchase Date,Cost Basis,Date Sold,Proceeds',
      'ETH,02/01/2025,2500.00,06/01/2025,1800.00',
      'ETH,02/01/2025,1250.00,07/01/2025,1000.10',
      'SOL,08/01/2025,75.25,09/01/2025,75.00',
      // The uncovered 0.5 SOL: no acquisition date, zero basis (listed as missing basis in the PDF).
      'SOL,,0.00,09/01/2025,75.00',
      'BTC,03/01/2023,1505.00,03/10/2025,3990.00',
    ]);
  });

  it('splits above the row limit into numbered files with the lines in order', () => {
    const lines = buildForm8949Lines(2025, run2025().disposals);
    const layout = { ...loadTemplates().exports.turbotaxGains, maxRows: 2 };
    const files = renderTurboTaxGains(lines, layout);
    // 5 lines, at most 2 per file → 3 files of 2, 2 and 1 rows, each with the header.
    expect(files.map((f) => f.name)).toEqual(['turbotax-gains-1.csv', 'turbotax-gains-2.csv', 'turbotax-gains-3.csv']);
    expect(files.map((f) => rows(f.content).length - 1)).toEqual([2, 2, 1]);
    for (const f of files) expect(rows(f.content)[0]).toBe('Currency Name,Purchase Date,Cost Basis,Date Sold,Proceeds');
    const whole = rows(renderTurboTaxGains(lines, loadTemplates().exports.turbotaxGains)[0]?.content ?? '').slice(1);
    expect(files.flatMap((f) => rows(f.content).slice(1))).toEqual(whole);
  });
});

describe('TurboTax universal transaction CSV', () => {
  it('has the documented header and writes every event with its type, no negative numbers', () => {
    const csv = text(renderOutputs(run2025(), { pdf: false }), 'turbotax-transactions.csv');
    expect(rows(csv)[0]).toBe(
      'Date,Type,Sent Asset,Sent Amount,Received Asset,Received Amount,Fee Asset,Fee Amount,Market Value Currency,Market Value,Description,Transaction Hash,Transaction ID',
    );
    expect(rows(csv).slice(1)).toEqual([
      '3/1/2023 10:00,Buy,USD,3000,BTC,0.1,USD,10,USD,3000.00,,,wallet.csv:2',
      '2/1/2025 10:00,Buy,USD,5000,ETH,2,,,USD,5000.00,,,wallet.csv:3',
      '3/10/2025 10:00,Sale,BTC,0.05,USD,4000,USD,10,USD,4000.00,,,wallet.csv:4',
      '6/1/2025 10:00,Sale,ETH,1,USD,1800,,,USD,1800.00,,,wallet.csv:5',
      '7/1/2025 10:00,Sale,ETH,0.5,USD,1000.1,,,USD,1000.10,,,wallet.csv:6',
      '8/1/2025 10:00,Staking,,,SOL,0.5,,,USD,75.25,,,wallet.csv:7',
      // The Koinly description `=HYPERLINK(...)` comes out inert: prefixed with ' inside a quoted cell.
      '9/1/2025 10:00,Sale,SOL,1,USD,150,,,USD,150.00,"\'=HYPERLINK(""http://evil.example"",""click"")",,wallet.csv:8',
    ]);
    expect(csv).not.toMatch(/(^|,)-\d/m);
  });

  it('rounds quantities to at most 8 decimals', () => {
    const data = runKoinly({ 'w.csv': '2025-03-01 10:00,1000,USD,0.123456789123,ETH,,,,,,,' }, { year: 2025 });
    // 0.123456789123 → 8 decimals, half-even: 0.12345679 (the ninth digit is 9).
    expect(rows(text(renderOutputs(data, { pdf: false }), 'turbotax-transactions.csv'))[1]).toBe('3/1/2025 10:00,Buy,USD,1000,ETH,0.12345679,,,USD,1000.00,,,w.csv:2');
  });
});

describe('TaxAct CSV', () => {
  it('has TaxAct\'s column names and the Form 8949 box as reporting category', () => {
    const csv = text(renderOutputs(run2025(), { pdf: false }), 'taxact-capital-gains.csv');
    expect(rows(csv)).toEqual([
      'Description,Date Acquired,Date Sold,Sales Proceeds,Cost or Other Basis,Adjustment Code,Adjustment Amount,Reporting Category,Long/Short',
      '1 ETH,02/01/2025,06/01/2025,1800.00,2500.00,,,I,Short',
      '0.5 ETH,02/01/2025,07/01/2025,1000.10,1250.00,,,I,Short',
      '0.5 SOL,08/01/2025,09/01/2025,75.00,75.25,,,I,Short',
      // uncovered units: no acquisition date is known — not "Various" (several known dates,
      // Form 8949 col. (b)): the cell stays empty, for the user to complete
      '0.5 SOL,,09/01/2025,75.00,0.00,,,I,Short',
      '0.05 BTC,03/01/2023,03/10/2025,3990.00,1505.00,,,L,Long',
    ]);
  });

  it('uses C/F before 2025', () => {
    const csv = text(renderOutputs(run2024(), { pdf: false }), 'taxact-capital-gains.csv');
    // Lines: C-1 (4 ETH, short-term) first, then F-1 and F-2.
    expect(rows(csv).slice(1).map((r) => r.split(',').slice(-2).join(','))).toEqual(['C,Short', 'F,Long', 'F,Long']);
  });
});

describe('TXF v042', () => {
  it('2025: header with the pinned date; records with refnums 712/714, cost before proceeds, empty D/$ when unknown', () => {
    const { header, records } = parseTxf(text(renderOutputs(run2025(), { pdf: false }), 'capital-gains.txf'));
    // Export date = January 1 after the tax year (report-date.ts), never the clock.
    expect(header).toEqual(['V042', 'Ataxlot', 'D01/01/2026']);
    expect(records).toHaveLength(5);
    for (const r of records) expect(r.map(([code]) => code).join('')).toBe('TNCLPDD$$');
    const byRef = records.map((r) => r.map(([, v]) => v));
    expect(byRef[0]).toEqual(['D', '712', '1', '1', '1 ETH', '02/01/2025', '06/01/2025', '2500.00', '1800.00']);
    // I-4, the uncovered 0.5 SOL: no acquisition date, no basis — left empty for the user.
    expect(byRef[3]).toEqual(['D', '712', '1', '1', '0.5 SOL', '', '09/01/2025', '', '75.00']);
    expect(byRef[4]).toEqual(['D', '714', '1', '1', '0.05 BTC', '03/01/2023', '03/10/2025', '1505.00', '3990.00']);
  });

  it('2024: box C → 712, box F → 714', () => {
    const { header, records } = parseTxf(text(renderOutputs(run2024(), { pdf: false }), 'capital-gains.txf'));
    expect(header[2]).toBe('D01/01/2025');
    // Lines: C-1 (4 ETH, −2,000), then F-1 (0.5 BTC, +1,000), F-2 (3 ETH, −3,000).
    expect(records.map((r) => `${r[1]?.[1]} ${r[4]?.[1]} ${r[7]?.[1]} ${r[8]?.[1]}`)).toEqual([
      '712 4 ETH 8000.00 6000.00',
      '714 0.5 BTC 20000.00 21000.00',
      '714 3 ETH 6000.00 3000.00',
    ]);
  });
});

describe('audit trail CSV and formula injection', () => {
  it('traces each line to its lot and rows; a formula in a text cell is inert, numbers are untouched', () => {
    // A ticker that is a formula: bought 1 for 100, sold for 150 (held > 1 year → box L, +50);
    // then 1 ETH bought for 2,000 and sold for 1,300 (box I, −700).
    const data = runKoinly({
      'w.csv': [
        '2024-01-01 10:00,100,USD,1,=SUM(A1),,,,,,,',
        '2025-02-01 10:00,1,=SUM(A1),150,USD,,,,,,,',
        '2025-03-01 10:00,2000,USD,1,ETH,,,,,,,',
        '2025-04-01 10:00,1,ETH,1300,USD,,,,,,,',
      ].join('\n'),
    }, { year: 2025 });
    const files = renderOutputs(data, { pdf: false });
    const audit = rows(text(files, 'audit-trail.csv'));
    expect(audit[0]).toBe(
      'line,box,term,description,date_acquired,date_sold,proceeds,cost_basis,adjustment_code,adjustment,gain,asset,quantity,disposal_id,disposal_kind,wallet,counterpart,proceeds_source,basis_status,lot_id,lot_wallet,lot_source,disposal_source',
    );
    expect(audit[1]).toMatch(/^I-1,I,short,1 ETH,03\/01\/2025,04\/01\/2025,1300\.00,2000\.00,,0\.00,-700\.00,ETH,1,.*,w\.csv:4,w\.csv:5$/);
    expect(audit[2]).toMatch(/^L-1,L,long,1 =SUM\(A1\),01\/01\/2024,02\/01\/2025,150\.00,100\.00,,0\.00,50\.00,'=SUM\(A1\),1,.*,w\.csv:2,w\.csv:3$/);
    expect(rows(text(files, 'turbotax-gains.csv'))[2]).toBe("'=SUM(A1),01/01/2024,100.00,02/01/2025,150.00");
  });
});
