/**
 * The same exports with and without an overrides file, each checked in summary.json to the cent.
 * Every figure is worked by hand in the comments (FIFO; Koinly-template rows start on line 2).
 */
import { describe, expect, it } from 'vitest';
import { toReportOptions } from '../src/cli/options.js';
import { computeReport } from '../src/pipeline/compute-report.js';
import { readOverrides } from '../src/overrides/read-overrides.js';
import { renderOutputs } from '../src/report/render-outputs.js';
import { cliArgs, KOINLY_HEADER } from './support/report-scenario.js';

interface Summary {
  taxYear: number;
  capitalGains: Record<'shortTerm' | 'longTerm', { proceeds: string; costBasis: string; gain: string; disposals: number }> & { net: string };
  income: { total: string; byKind: Record<string, string> };
  missingBasis: { disposals: number; proceeds: string };
  inputs: { rows: number; imported: number; skipped: number; rejected: number };
  diagnostics: { errors: number; warnings: number };
}

function run(files: Record<string, string>, overrides?: unknown, args: Record<string, unknown> = {}) {
  const { options } = toReportOptions(cliArgs(args));
  const read = overrides === undefined ? undefined : readOverrides('overrides.json', typeof overrides === 'string' ? overrides : JSON.stringify(overrides, null, 2));
  const inputs = Object.entries(files).map(([file, rows]) => ({ file, text: `${KOINLY_HEADER}\n${rows.trim().split('\n').map((l) => l.trim()).join('\n')}\n` }));
  const data = computeReport(inputs, { ...options, ...(read ? { overrides: read.overrides } : {}) });
  const diagnostics = [...(read?.diagnostics ?? []), ...data.diagnostics];
  return { data, s: data.summary as unknown as Summary, codes: diagnostics.map((d) => d.code), diagnostics };
}

const st = (s: Summary) => [s.capitalGains.shortTerm.proceeds, s.capitalGains.shortTerm.costBasis, s.capitalGains.shortTerm.gain];
const lt = (s: Summary) => [s.capitalGains.longTerm.proceeds, s.capitalGains.longTerm.costBasis, s.capitalGains.longTerm.gain];

describe('a deposit relabelled as a gift received', () => {
  // line 2: 1 ETH arrives 2024-03-01, worth 3,000.00 then; line 3: sold 2024-09-01 for 3,500.00
  const gift = { 'wallet.csv': '2024-03-01 10:00,,,1,ETH,,,3000,USD,,,\n2024-09-01 10:00,1,ETH,3500,USD,,,,,,,' };

  it('without overrides: a lot of unknown basis, sold at zero basis', () => {
    const { s, codes } = run(gift);
    // 3,500.00 − 0 = 3,500.00 short-term, all of it missing basis
    expect(st(s)).toEqual(['3500.00', '0.00', '3500.00']);
    expect(s.missingBasis).toEqual({ disposals: 1, proceeds: '3500.00' });
    expect(codes).toEqual(expect.arrayContaining(['DEPOSIT_UNMATCHED', 'MISSING_BASIS']));
  });

  it("with the donor's basis and date: the donor's holding period and basis", () => {
    const { s, codes, data } = run(gift, { rows: [{ file: 'wallet.csv', line: 2, as: 'gift-received', basis: '2000.00', acquired: '2022-01-10' }] });
    // value at the gift 3,000 ≥ donor basis 2,000: basis 2,000, acquired 2022-01-10 → long-term; 3,500 − 2,000 = 1,500.00
    expect(lt(s)).toEqual(['3500.00', '2000.00', '1500.00']);
    expect(s.capitalGains.shortTerm.disposals).toBe(0);
    expect(s.missingBasis.disposals).toBe(0);
    expect(codes).not.toContain('DEPOSIT_UNMATCHED');
    expect(data.overridesApplied.map((a) => [a.where, a.change])).toEqual([['rows[0]', 'relabel']]);
    // the audit trail says which override changed the line's lot row, from what to what
    const audit = (renderOutputs(data, { pdf: false }).get('audit-trail.csv') as string).trimEnd().split('\n');
    expect(audit[0]?.endsWith(',override')).toBe(true);
    expect(audit[1]).toContain('rows[0]: deposit of 1 ETH [value 3000 USD] → gift received of 1 ETH [value 3000 USD], basis 2000 acquired 2022-01-10');
    // without overrides the file has no such column
    expect((renderOutputs(run(gift).data, { pdf: false }).get('audit-trail.csv') as string).split('\n')[0]?.endsWith(',override')).toBe(false);
  });

  it('dual basis (Treas. Reg. 1.1015-1): value at the gift below the donor basis', () => {
    // donor basis 4,000 (2022-01-10); worth 3,000 at the gift (2024-03-01). Two sales of 0.5 ETH:
    //  line 3: for 1,250 → below the loss basis 1,500 (0.5 × 3,000): loss from 1,500, holding from the gift → short-term −250.00
    //  line 4: for 1,750 → between 1,500 and 2,000 (0.5 × 4,000): neither gain nor loss, basis = proceeds 1,750, long-term (donor's date)
    const { s } = run(
      { 'wallet.csv': '2024-03-01 10:00,,,1,ETH,,,3000,USD,,,\n2024-09-01 10:00,0.5,ETH,1250,USD,,,,,,,\n2024-09-02 10:00,0.5,ETH,1750,USD,,,,,,,' },
      { rows: [{ file: 'wallet.csv', line: 2, as: 'gift-received', basis: '4000', acquired: '2022-01-10' }] },
    );
    expect(st(s)).toEqual(['1250.00', '1500.00', '-250.00']);
    expect(lt(s)).toEqual(['1750.00', '1750.00', '0.00']);
  });
});

describe('income relabelled', () => {
  // line 2: 0.5 SOL deposit worth 75.25 (2024-05-01); line 3: sold for 100.00 (2024-06-01)
  const files = { 'w.csv': '2024-05-01 10:00,,,0.5,SOL,,,75.25,USD,,,\n2024-06-01 10:00,0.5,SOL,100,USD,,,,,,,' };
  it('is staking income at its value, and the lot has that basis', () => {
    expect(run(files).s.income.total).toBe('0.00');
    const { s } = run(files, { rows: [{ file: 'w.csv', line: 2, as: 'income', kind: 'staking' }] });
    expect(s.income.total).toBe('75.25');
    expect(s.income.byKind.staking).toBe('75.25');
    // 100.00 − 75.25 = 24.75 short-term
    expect(st(s)).toEqual(['100.00', '75.25', '24.75']);
  });
});

describe('a transfer paired by hand across wallets', () => {
  // a.csv line 2: buy 1 BTC for 40,000 (2024-01-05); line 3: withdraw 1 BTC worth 45,000 (2024-02-01)
  // b.csv line 2: 0.999 BTC arrive 2024-02-10 (9 days later: outside the 48 h window); line 3: sold for 60,000 (2024-06-01)
  const files = {
    'a.csv': '2024-01-05 10:00,40000,USD,1,BTC,,,,,,,\n2024-02-01 10:00,1,BTC,,,,,45000,USD,,,',
    'b.csv': '2024-02-10 10:00,,,0.999,BTC,,,,,,,\n2024-06-01 10:00,0.999,BTC,60000,USD,,,,,,,',
  };
  it('without overrides: the sale has no basis', () => {
    const { s } = run(files);
    expect(st(s)).toEqual(['60000.00', '0.00', '60000.00']);
    expect(s.missingBasis.proceeds).toBe('60000.00');
  });
  it('with the pair: basis carried, the 0.001 BTC lost on the way is a fee disposal', () => {
    const { s, codes } = run(files, { transfers: [{ from: { file: 'a.csv', line: 3 }, to: { file: 'b.csv', line: 2 } }] });
    // fee: 0.001 BTC worth 45,000 × 0.001 = 45.00, basis 40.00 → +5.00
    // sale: 0.999 BTC, basis 39,960.00 → 60,000 − 39,960 = 20,040.00
    expect(st(s)).toEqual(['60045.00', '40000.00', '20045.00']);
    expect(s.missingBasis.disposals).toBe(0);
    expect(codes).not.toContain('DEPOSIT_UNMATCHED');
    expect(codes).not.toContain('WITHDRAWAL_UNMATCHED');
  });
});

describe('a rejected row given its meaning', () => {
  // line 2: a deposit labelled "weird" (rejected); line 3: 2 DOT sold for 20.00 (2024-05-01)
  const files = { 'w.csv': '2024-04-01 10:00,,,2,DOT,,,,,weird,,\n2024-05-01 10:00,2,DOT,20,USD,,,,,,,' };
  it('becomes an imported row: airdrop income of 14.00, and rows = imported + skipped + rejected holds', () => {
    const before = run(files);
    expect(before.s.inputs).toEqual({ files: 1, rows: 2, imported: 1, skipped: 0, rejected: 1 });
    expect(before.codes).toContain('ROW_UNKNOWN_TYPE');
    const { s, codes } = run(files, { rows: [{ file: 'w.csv', line: 2, as: 'income', kind: 'airdrop', asset: 'DOT', amount: '2', date: '2024-04-01T10:00:00Z', value: '14.00' }] });
    expect(s.inputs).toEqual({ files: 1, rows: 2, imported: 2, skipped: 0, rejected: 0 });
    expect(codes).not.toContain('ROW_UNKNOWN_TYPE');
    expect(s.income.byKind.airdrop).toBe('14.00');
    // 20.00 − 14.00 = 6.00
    expect(st(s)).toEqual(['20.00', '14.00', '6.00']);
    expect(s.diagnostics.errors).toBe(0);
  });
});

describe('a rejected row given its meaning by "as" alone', () => {
  // line 2: 0.5 SOL arrive worth 60.00, labelled "bounty" (not a Koinly label: rejected); line 3: sold for 70.00
  const files = { 'w.csv': '2024-04-01 10:00,,,0.5,SOL,,,60,USD,bounty,,\n2024-05-01 10:00,0.5,SOL,70,USD,,,,,,,' };
  it('is read again without its label: reward income at the value the row states', () => {
    expect(run(files).codes).toContain('ROW_UNKNOWN_TYPE');
    const { s, codes } = run(files, { rows: [{ file: 'w.csv', line: 2, as: 'income', kind: 'reward' }] });
    expect(codes).not.toContain('ROW_UNKNOWN_TYPE');
    expect(s.inputs).toEqual({ files: 1, rows: 2, imported: 2, skipped: 0, rejected: 0 });
    expect(s.income.byKind.reward).toBe('60.00');
    // 70.00 − 60.00 = 10.00
    expect(st(s)).toEqual(['70.00', '60.00', '10.00']);
  });
  it('a meaning that contradicts the row (units arrived, "gift-given") is refused', () => {
    const { codes, s } = run(files, { rows: [{ file: 'w.csv', line: 2, as: 'gift-given' }] });
    expect(codes).toEqual(expect.arrayContaining(['OVERRIDES_INVALID', 'ROW_UNKNOWN_TYPE']));
    expect(s.inputs.rejected).toBe(1);
  });
});

describe('an ignored duplicate', () => {
  // line 2: buy 2 ETH for 4,000; line 3: sell 1 ETH for 3,000; line 4: the same sale exported twice
  const files = { 'w.csv': '2024-01-01 10:00,4000,USD,2,ETH,,,,,,,\n2024-06-01 10:00,1,ETH,3000,USD,,,,,,,\n2024-06-01 10:00,1,ETH,3000,USD,,,,,,,' };
  it('counts as skipped and its sale is gone', () => {
    // both sales: 6,000 − 4,000 = 2,000; one: 3,000 − 2,000 = 1,000
    expect(st(run(files).s)).toEqual(['6000.00', '4000.00', '2000.00']);
    const { s } = run(files, { rows: [{ file: 'w.csv', line: 4, ignore: 'exported twice by the exchange' }] });
    expect(st(s)).toEqual(['3000.00', '2000.00', '1000.00']);
    expect(s.inputs).toEqual({ files: 1, rows: 3, imported: 2, skipped: 1, rejected: 0 });
  });
});

describe('a missing price set by value', () => {
  // line 2: 10 XYZ staking reward with no value; line 3: sold for 80.00
  const files = { 'w.csv': '2024-05-01 10:00,,,10,XYZ,,,,,reward,,\n2024-07-01 10:00,10,XYZ,80,USD,,,,,,,' };
  it('values the income and clears PRICE_MISSING', () => {
    const before = run(files);
    expect(before.codes).toContain('PRICE_MISSING');
    expect(before.s.income.total).toBe('0.00');
    const { s, codes } = run(files, { rows: [{ file: 'w.csv', line: 2, value: '50.00' }] });
    expect(codes).not.toContain('PRICE_MISSING');
    expect(s.income.byKind.staking).toBe('50.00');
    // 80.00 − 50.00 = 30.00
    expect(st(s)).toEqual(['80.00', '50.00', '30.00']);
  });
  it('or by price (extension): 10 XYZ × 4.25 = 42.50', () => {
    const { s, codes } = run(files, { rows: [{ file: 'w.csv', line: 2, price: '4.25' }] });
    expect(codes).not.toContain('PRICE_MISSING');
    expect(s.income.total).toBe('42.50');
    // 80.00 − 42.50 = 37.50
    expect(st(s)).toEqual(['80.00', '42.50', '37.50']);
  });
});

describe('a 2025 allocation stated', () => {
  // a.csv: line 2 buy 1 BTC for 20,000 (2023-01-01); line 3 buy 1 BTC for 40,000 (2024-01-01); line 4 withdraw 1 BTC (2024-06-01 12:00)
  // b.csv: line 2 1 BTC arrives (2024-06-01 12:30, paired); line 3 sold for 90,000 (2025-03-01)
  const files = {
    'a.csv': '2023-01-01 10:00,20000,USD,1,BTC,,,,,,,\n2024-01-01 10:00,40000,USD,1,BTC,,,,,,,\n2024-06-01 12:00,1,BTC,,,,,,,,,',
    'b.csv': '2024-06-01 12:30,,,1,BTC,,,,,,,\n2025-03-01 10:00,1,BTC,90000,USD,,,,,,,',
  };
  it('default rule: the transfer moved the FIFO lot (2023, 20,000) to b', () => {
    // 90,000 − 20,000 = 70,000 long-term
    expect(lt(run(files).s)).toEqual(['90000.00', '20000.00', '70000.00']);
  });
  it("the taxpayer's own allocation replaces it", () => {
    const allocation = [
      { wallet: 'a', asset: 'BTC', units: '1', basis: '20000', acquired: '2023-01-01' },
      { wallet: 'b', asset: 'BTC', units: '1', basis: '40000.00', acquired: '2024-01-01' },
    ];
    const { s, data } = run(files, { allocation });
    // 90,000 − 40,000 = 50,000; acquired 2024-01-01, sold 2025-03-01: long-term
    expect(lt(s)).toEqual(['90000.00', '40000.00', '50000.00']);
    expect(data.overridesApplied.filter((a) => a.change === 'allocation')).toHaveLength(2);
  });
  it('an allocation that does not match the holdings is OVERRIDES_INVALID and the default applies', () => {
    const { s, diagnostics } = run(files, { allocation: [{ wallet: 'a', asset: 'BTC', units: '1', basis: '20000', acquired: '2023-01-01' }, { wallet: 'b', asset: 'BTC', units: '0.5', basis: '40000', acquired: '2024-01-01' }] });
    expect(lt(s)).toEqual(['90000.00', '20000.00', '70000.00']);
    const bad = diagnostics.filter((d) => d.code === 'OVERRIDES_INVALID');
    // JSON.stringify(…, 2): line 1 "{", 2 "allocation": [, 3–9 the first entry (5 keys), 10 the second's "{"
    expect(bad.map((d) => [d.source?.file, d.source?.line])).toEqual([['overrides.json', 10]]);
  });
});

describe('overrides that cannot apply', () => {
  const files = { 'w.csv': '2024-01-01 10:00,4000,USD,2,ETH,,,,,,,\n2024-06-01 10:00,1,ETH,3000,USD,,,,,,,' };
  it('an override naming no row is OVERRIDE_UNMATCHED (a warning) and changes nothing', () => {
    const { s, diagnostics } = run(files, { rows: [{ file: 'w.csv', line: 9, ignore: 'x' }, { file: 'nope.csv', line: 2, ignore: 'x' }] });
    expect(diagnostics.filter((d) => d.code === 'OVERRIDE_UNMATCHED').map((d) => d.source?.line)).toEqual([3, 8]); // entries of 3 keys take 5 lines: 3–7, then 8
    expect(st(s)).toEqual(['3000.00', '2000.00', '1000.00']);
    expect(s.diagnostics.errors).toBe(0);
  });
  it('a contradiction (gift received on a sale or withdrawal) is OVERRIDES_INVALID', () => {
    const w = { 'w.csv': '2024-01-01 10:00,4000,USD,2,ETH,,,,,,,\n2024-06-01 10:00,1,ETH,,,,,,,,,' };
    const { codes } = run(w, { rows: [{ file: 'w.csv', line: 3, as: 'gift-received', basis: '1', acquired: '2023-01-01' }] });
    expect(codes).toContain('OVERRIDES_INVALID');
    expect(codes).toContain('WITHDRAWAL_UNMATCHED');
  });
  it('a malformed file, an impossible date and a second override for one row: each OVERRIDES_INVALID at its line', () => {
    expect(readOverrides('o.json', '{"rows": [\n  {"file": "w.csv",\n "line": 2,, }]}').diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['OVERRIDES_INVALID', 3]]);
    const r = readOverrides('o.json', JSON.stringify({
      rows: [{ file: 'w.csv', line: 2, as: 'gift-received', basis: '1', acquired: '2024-02-30' }, { file: 'w.csv', line: 3, ignore: 'a' }, { file: 'w.csv', line: 3, ignore: 'b' }],
      liabilities: [{ venue: 'kraken', asset: 'USD', date: '2024-05-01', status: 'owed' }, { venue: 'kraken', asset: 'USD', date: '2024-05-01', status: 'repaid' }],
      deposits: [],
    }, null, 2));
    expect(r.diagnostics.map((d) => d.message.split(':')[0])).toEqual(['unknown key(s) "deposits"; the keys read are liabilities, rows, transfers, unpair, allocation'.split(':')[0], 'liabilities[1]', 'rows[0]', 'rows[2]']);
    expect(r.diagnostics.every((d) => d.code === 'OVERRIDES_INVALID')).toBe(true);
  });
});
