/**
 * Placement rules one by one, through the pipeline on small inline files (amounts by hand), and
 * the 1099-DA reader's refusals, the TaxBit layout and corrected forms.
 */
import { describe, expect, it } from 'vitest';
import { toReportOptions } from '../../../cli/options.js';
import { computeReport, type InputFile } from '../../../pipeline/compute-report.js';
import { applyCorrections } from '../../../importers/form1099da/corrections.js';
import { detectForm1099Da, readForm1099Da } from '../../../importers/form1099da/read-form1099da.js';
import { buildForm8949Lines } from '../../../report/form8949-lines.js';
import { defaultArgs } from '../../../../test/support/run-report.js';

const KOINLY = 'Date,Sent Amount,Sent Currency,Received Amount,Received Currency,Fee Amount,Fee Currency,Net Worth Amount,Net Worth Currency,Label,Description,TxHash';
const TEMPLATE = 'Wallet,Broker,Asset,Units,Date Acquired,Date Sold,Proceeds,Cost Basis,Basis Reported,Proceeds Type,Term,Noncovered,Transaction ID';
const run = (files: InputFile[]) => computeReport(files, toReportOptions(defaultArgs()).options);

describe('placement: codes O, E, B (with and without amount), net proceeds, taxlot higher', () => {
  // 2 ETH bought 2024-06-01 for 4,000 in kraken: 1,000 per 0.5 ETH.
  const kraken = [
    KOINLY,
    '2024-06-01 10:00,4000,USD,2,ETH,,,,,,,',
    '2025-03-01 10:00,0.5,ETH,1500,USD,,,,,,S1,',
    '2025-04-01 10:00,0.5,ETH,1500,USD,10,USD,,,,S2,',
    '2025-05-01 10:00,0.5,ETH,1500,USD,10,USD,,,,S3,',
    '2025-07-01 10:00,0.5,ETH,1600,USD,20,USD,,,,S4,',
  ].join('\n');
  const form = [
    TEMPLATE,
    'kraken,Kraken,ETH,0.5,,2025-03-01,1550.00,800.00,no,gross,,yes,S1',
    'kraken,Kraken,ETH,0.5,,2025-04-01,1490.00,,no,net,,yes,S2',
    'kraken,Kraken,ETH,0.5,,2025-05-01,1450.00,,no,gross,,yes,S3',
    'kraken,Kraken,ETH,0.5,2024-06-01,2025-07-01,1600.00,900.00,yes,gross,long,no,S4',
  ].join('\n');
  const r = run([{ file: 'kraken.csv', text: kraken }, { file: 'kraken-1099da.csv', text: form }]);
  const lines = buildForm8949Lines(r.taxYear, r.disposals, r.form1099da.lines);
  const row = (i: number) => {
    const l = lines.find((x) => x.disposal.source.line === i + 2);
    return [l?.box, l?.shown.proceeds, l?.shown.costBasis, l?.code, l?.shown.adjustment, l?.shown.gain];
  };
  it('S1: reported proceeds higher (O −50); H shows another basis (B, zero amount)', () => {
    // taxlot 1,500 − 1,000 = 500; (d) 1,550, (e) 1,000, (g) −50 → 500
    expect(row(1)).toEqual(['H', '1550.00', '1000.00', 'BO', '-50.00', '500.00']);
  });
  it('S2: net proceeds 1,490 as reported: no E', () => {
    expect(row(2)).toEqual(['H', '1490.00', '1000.00', '', '0.00', '490.00']);
  });
  it('S3: taxlot\'s gross 1,500 above the 1,450 reported: (d) taxlot\'s, E −10', () => {
    expect(row(3)).toEqual(['H', '1500.00', '1000.00', 'E', '-10.00', '490.00']);
  });
  it('S4: G/J with the broker\'s basis 900 and a fee: BE, −100 − 20', () => {
    // taxlot: 1,600 − 20 = 1,580 − 1,000 = 580. B = 900 − 1,000 = −100, E = −20:
    // (h) 1,600 − 900 − 120 = 580
    expect(row(4)).toEqual(['J', '1600.00', '900.00', 'BE', '-120.00', '580.00']);
  });
  it('summary: byBox and the adjustments by code', () => {
    const cg = r.summary['capitalGains'] as Record<string, unknown>;
    // H: (d) 1,550 + 1,490 + 1,500; (e) 3 × 1,000; (g) −50 − 10; (h) 500 + 490 + 490
    expect(cg['byBox']).toEqual({
      H: { proceeds: '4540.00', costBasis: '3000.00', adjustment: '-60.00', gain: '1480.00', lines: 3 },
      J: { proceeds: '1600.00', costBasis: '900.00', adjustment: '-120.00', gain: '580.00', lines: 1 },
    });
    // B −100 (S4; S1's B has no amount), E −10 − 20, O −50
    expect((r.summary['form1099da'] as Record<string, unknown>)['adjustments']).toEqual({ B: '-100.00', E: '-30.00', O: '-50.00' });
  });
});

describe('reading the template', () => {
  it('accepts any case, extra columns, MM/DD/YYYY and VARIOUS; rejects bad rows with file:line', () => {
    const text = [
      'wallet,BROKER,asset,units,date acquired,date sold,proceeds,cost basis,basis reported,proceeds type,term,noncovered,box 4',
      'coinbase,CB,btc,0.5,VARIOUS,04/10/2025,"$1,234.50",,x,Gross Proceeds,Short-term,,0',
      ',CB,BTC,0.5,,2025-04-10,100,,no,gross,,no,0',
      'coinbase,CB,BTC,abc,,2025-04-10,100,,no,gross,,no,0',
      'coinbase,CB,BTC,1,,2025-13-01,100,,no,gross,,no,0',
      'coinbase,CB,BTC,1,,2025-04-10,100,,no,gross,maybe,no,0',
    ].join('\n');
    const found = detectForm1099Da(text);
    expect(found?.layout.id).toBe('form-1099da');
    const read = readForm1099Da('cb.csv', text, found as NonNullable<typeof found>);
    expect(read.file.accounting).toEqual({ rows: 5, imported: 1, skipped: 0, rejected: 4, skippedByReason: {} });
    expect(read.file.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([
      ['ROW_MISSING_VALUE', 3], ['ROW_BAD_NUMBER', 4], ['ROW_BAD_DATE', 5], ['ROW_UNKNOWN_TYPE', 6],
    ]);
    const [row] = read.rows;
    expect([row?.asset, row?.sold, row?.proceeds.toFixed(), row?.variousAcquired, row?.basisReported, row?.term]).toEqual(['BTC', '2025-04-10', '1234.5', true, true, 'short']);
  });
  it('an event export is not taken for a 1099-DA', () => {
    expect(detectForm1099Da(`${KOINLY}\n2024-06-01 10:00,4000,USD,2,ETH,,,,,,,`)).toBeUndefined();
  });
});

describe('the TaxBit 1099-DA template', () => {
  it('is read with the file name as wallet; basis reported = covered with a basis', () => {
    const text = [
      'account_id,asset_symbol,asset_dtif_code,asset_name,asset_quantity,acquired_date,disposed_date,proceeds,cost_basis,proceeds_type,gain_loss_classification,is_noncovered_security',
      'A1,BTC,,Bitcoin,1,2/1/2026,4/1/2026,110000,100000,Gross Proceeds,Short-term,FALSE',
      'A1,BTC,,Bitcoin,1,,3/1/2026,95000,,Gross Proceeds,,TRUE',
    ].join('\n');
    const found = detectForm1099Da(text);
    expect(found?.layout.id).toBe('taxbit-1099da');
    const rows = readForm1099Da('exports/kraken.csv', text, found as NonNullable<typeof found>).rows;
    expect(rows.map((r) => [r.wallet, r.broker, r.acquired ?? '', r.sold, r.basisReported, r.noncovered])).toEqual([
      ['kraken', 'A1', '2026-02-01', '2026-04-01', true, false],
      ['kraken', 'A1', '', '2026-03-01', false, true],
    ]);
  });
});

describe('corrected forms', () => {
  const read = (file: string, text: string) => {
    const found = detectForm1099Da(text);
    return readForm1099Da(file, text, found as NonNullable<typeof found>).rows;
  };
  it('a CORRECTED row replaces the first report of its transaction; a later file replaces an earlier one', () => {
    const first = read('a.csv', `${TEMPLATE},Corrected\ncoinbase,CB,BTC,1,,2025-04-10,100,,no,gross,,yes,T1,\ncoinbase,CB,BTC,1,,2025-04-11,200,,no,gross,,yes,T2,`);
    const second = read('b.csv', `${TEMPLATE},Corrected\ncoinbase,CB,BTC,1,,2025-04-10,150,,no,gross,,yes,T1,CORRECTED\ncoinbase,CB,BTC,1,,2025-04-11,250,,no,gross,,yes,T2,`);
    const out = applyCorrections([first, second]);
    expect(out.rows.map((r) => [r.transactionId, r.proceeds.toFixed()])).toEqual([['T1', '150'], ['T2', '250']]);
    expect(out.diagnostics.map((d) => [d.code, d.source?.file, d.source?.line])).toEqual([['DA_REPLACED', 'a.csv', 2], ['DA_REPLACED', 'a.csv', 3]]);
  });
});

describe('lenient on what a form prints', () => {
  it('a wallet in another case and a date with its time still match', () => {
    const events = `${KOINLY}\n2024-06-01 10:00,4000,USD,2,ETH,,,,,,,\n2025-03-01 10:00,0.5,ETH,1500,USD,,,,,,,`;
    const form = `${TEMPLATE}\nKraken,Kraken,eth,0.5,,2025-03-01 10:00:00 UTC,1500.00,,no,gross,,yes,S1`;
    const r = run([{ file: 'kraken.csv', text: events }, { file: 'f.csv', text: form }]);
    // 0.5 ETH, basis 1,000, sold 2025-03-01 for 1,500: short, box H, no code
    expect((r.summary['capitalGains'] as Record<string, unknown>)['byBox']).toEqual({
      H: { proceeds: '1500.00', costBasis: '1000.00', adjustment: '0.00', gain: '500.00', lines: 1 },
    });
  });
});

describe('two joined sales on one day stay apart', () => {
  it('each row keeps its own proceeds', () => {
    // 2 ETH at 2,000 each (1,000 per 0.5 ETH). Fills 0.2 + 0.3 sold at 3,000/ETH (600 + 900),
    // fills 0.4 + 0.6 at 4,000/ETH (1,600 + 2,400); the broker joins them as 0.5 for 1,500 and
    // 1.0 for 4,000. Cut in order: (0.2, 0.3) ↔ 0.5 and (0.4, 0.6) ↔ 1.0 — every line's (d) is
    // its own sale's price, no code. (One group would give 0.2 ETH 5,500 × 0.2/1.5 = 733.33.)
    const events = [
      KOINLY,
      '2024-06-01 10:00,4000,USD,2,ETH,,,,,,,',
      '2025-03-01 10:00,0.2,ETH,600,USD,,,,,,,',
      '2025-03-01 10:01,0.3,ETH,900,USD,,,,,,,',
      '2025-03-01 15:00,0.4,ETH,1600,USD,,,,,,,',
      '2025-03-01 15:01,0.6,ETH,2400,USD,,,,,,,',
    ].join('\n');
    const form = `${TEMPLATE}\nkraken,K,ETH,0.5,,2025-03-01,1500,,no,gross,,yes,A\nkraken,K,ETH,1.0,,2025-03-01,4000,,no,gross,,yes,B`;
    const r = run([{ file: 'kraken.csv', text: events }, { file: 'f.csv', text: form }]);
    const lines = buildForm8949Lines(r.taxYear, r.disposals, r.form1099da.lines);
    expect(lines.map((l) => [l.box, l.shown.proceeds, l.code])).toEqual([
      ['H', '600.00', ''], ['H', '900.00', ''], ['H', '1600.00', ''], ['H', '2400.00', ''],
    ]);
    expect(r.form1099da.match.groups.map((g) => g.rows.map((x) => x.transactionId).join('+'))).toEqual(['A', 'B']);
  });
});
