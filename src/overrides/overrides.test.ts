/**
 * The overrides file read field by field, and the edge cases of applying it: names by base name
 * and by transaction hash, ambiguous names, unpair, ignoring a rejected row, value on a fiat trade.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toReportOptions } from '../cli/options.js';
import { computeReport } from '../pipeline/compute-report.js';
import { cliArgs, KOINLY_HEADER } from '../../test/support/report-scenario.js';
import { linesOfEntries } from './json-places.js';
import { readOverrides } from './read-overrides.js';

function run(files: Record<string, string>, overrides: unknown) {
  const { options } = toReportOptions(cliArgs());
  const read = readOverrides('o.json', JSON.stringify(overrides));
  const inputs = Object.entries(files).map(([file, rows]) => ({ file, text: `${KOINLY_HEADER}\n${rows}\n` }));
  const data = computeReport(inputs, { ...options, overrides: read.overrides });
  return { data, codes: [...read.diagnostics, ...data.diagnostics].map((d) => d.code), messages: [...read.diagnostics, ...data.diagnostics].map((d) => d.message) };
}

describe('readOverrides', () => {
  it('finds the line of each entry', () => {
    expect([...linesOfEntries('{\n "rows": [\n  {"a": "[{"},\n  {"b": 2}\n ],\n "transfers": [{"x": 1}]\n}')]).toEqual([
      ['rows[0]', 3], ['rows[1]', 4], ['transfers[0]', 6],
    ]);
  });

  it.each([
    [{ rows: [{ file: 'w.csv', line: 2 }] }, 'say what the row is'],
    [{ rows: [{ file: 'w.csv', line: 2.5, ignore: 'x' }] }, '"line" must be a line number'],
    [{ rows: [{ file: 'w.csv', line: 2, as: 'income' }] }, 'needs "kind"'],
    [{ rows: [{ file: 'w.csv', line: 2, as: 'income', kind: 'salary' }] }, '"kind" must be one of'],
    [{ rows: [{ file: 'w.csv', line: 2, as: 'transfer' }] }, 'needs "wallet"'],
    [{ rows: [{ file: 'w.csv', line: 2, as: 'gift-received', basis: '10' }] }, '"basis" and "acquired" go together'],
    [{ rows: [{ file: 'w.csv', line: 2, value: 620 }] }, 'write "620" in quotes'],
    [{ rows: [{ file: 'w.csv', line: 2, value: '-5' }] }, '"value" must be a decimal'],
    [{ rows: [{ file: 'w.csv', line: 2, ignore: 'dup', value: '1' }] }, '"ignore" is the whole statement'],
    [{ rows: [{ file: 'w.csv', line: 2, as: 'spend', direction: 'in', asset: 'BTC', amount: '1', date: '2024-01-01' }] }, 'contradicts'],
    [{ rows: [{ file: 'w.csv', line: 2, as: 'income', kind: 'other', asset: 'BTC', amount: '1', date: '2024-13-01' }] }, '"date" must be'],
    [{ transfers: [{ from: { file: 'a.csv', line: 2 }, to: { file: 'a.csv', line: 2 } }] }, 'the same row'],
    [{ allocation: [{ wallet: 'a', asset: 'BTC', units: '1', basis: '1', acquired: '2025-02-01' }] }, 'after 2024-12-31'],
    [{ liabilities: [{ venue: 'kraken', asset: 'USD', date: '2024-02-30', status: 'owed' }] }, 'real date'],
    [[], 'must hold an object'],
  ])('refuses %j', (value, message) => {
    const r = readOverrides('o.json', JSON.stringify(value));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['OVERRIDES_INVALID']);
    expect(r.diagnostics[0]?.message).toContain(message);
  });

  it('never throws on mangled text, and every problem names a line', () => {
    const good = JSON.stringify({ rows: [{ file: 'w.csv', line: 2, as: 'gift-received', basis: '1', acquired: '2023-01-01' }], transfers: [{ from: { file: 'a.csv', line: 2 }, to: { file: 'b.csv', line: 3 } }] }, null, 1);
    let seed = 7;
    const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let i = 0; i < 400; i++) {
      const chars = [...good];
      for (let k = 0; k < 1 + rand(4); k++) chars.splice(rand(chars.length), rand(3), ...['"', '{', ']', ',', '1', 'x', '-', 'e9', '\u0000'].slice(rand(9), rand(9) + 1));
      const r = readOverrides('o.json', chars.join(''));
      for (const d of r.diagnostics) {
        expect(d.code).toBe('OVERRIDES_INVALID');
        expect(d.source?.line).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('applying overrides', () => {
  const buy = '2024-01-01 10:00,4000,USD,2,ETH,,,,,,,';
  it('names a row by transaction hash, so a re-exported file still matches', () => {
    // line 3: 1 ETH leaves with hash 0xAB…; stated as a gift given: no taxable event, no warning
    const r = run({ 'w.csv': `${buy}\n2024-06-01 10:00,1,ETH,,,,,,,,,0xAB12` }, { rows: [{ tx: '0xab12', as: 'gift-given' }] });
    expect(r.codes).not.toContain('WITHDRAWAL_UNMATCHED');
    expect(r.data.overridesApplied.map((a) => a.to)).toEqual(['gift of 1 ETH']);
  });

  it('a base name two inputs share names two rows: OVERRIDES_INVALID', () => {
    const r = run({ 'x/w.csv': buy, 'y/w.csv': buy }, { rows: [{ file: 'w.csv', line: 2, ignore: 'dup' }] });
    expect(r.codes).toContain('OVERRIDES_INVALID');
    expect(r.messages.find((m) => m.includes('names 2 rows'))).toBeDefined();
    // the path as given is unique
    expect(run({ 'x/w.csv': buy, 'y/w.csv': buy }, { rows: [{ file: 'y/w.csv', line: 2, ignore: 'dup' }] }).data.inputs).toMatchObject({ imported: 1, skipped: 1 });
  });

  it('ignoring one of two exports of the same movement (POSSIBLE_DUPLICATE) counts it once', () => {
    // the same wallet "w" (file stem) in two exports; the sale differs only by its description
    const files = { 'x/w.csv': `${buy}\n2024-06-01 10:00,1,ETH,3000,USD,,,,,,from ledger,`, 'y/w.csv': '2024-06-01 10:00,1,ETH,3000,USD,,,,,,from trades,' };
    const before = run(files, {});
    expect(before.codes).toContain('POSSIBLE_DUPLICATE');
    // both sales: 6,000 − 4,000 = 2,000.00
    expect((before.data.summary as { capitalGains: { net: string } }).capitalGains.net).toBe('2000.00');
    const after = run(files, { rows: [{ file: 'y/w.csv', line: 2, ignore: 'the ledger has it' }] });
    expect(after.codes).not.toContain('POSSIBLE_DUPLICATE');
    // one sale: 3,000 − 2,000 = 1,000.00
    expect((after.data.summary as { capitalGains: { net: string } }).capitalGains.net).toBe('1000.00');
    expect(after.data.inputs).toMatchObject({ rows: 3, imported: 2, skipped: 1, rejected: 0 });
  });

  it('a path names its file however it is spelled: ./x/w.csv, or the end of the path as given', () => {
    for (const file of ['./data/x/w.csv', 'data/x/w.csv', 'x/w.csv', 'w.csv']) {
      expect(run({ 'data/x/w.csv': `${buy}\n2024-06-01 10:00,1,ETH,3000,USD,,,,,,,` }, { rows: [{ file, line: 3, ignore: 'test' }] }).data.inputs).toMatchObject({ imported: 1, skipped: 1 });
    }
    expect(run({ 'data/x/w.csv': buy }, { rows: [{ file: 'y/w.csv', line: 2, ignore: 'test' }] }).codes).toContain('OVERRIDE_UNMATCHED');
  });

  it('unpair: a pair the heuristic made is left as a withdrawal and a deposit', () => {
    const files = { 'a.csv': `${buy}\n2024-06-01 10:00,1,ETH,,,,,,,,,`, 'b.csv': '2024-06-01 11:00,,,1,ETH,,,,,,,' };
    expect(run(files, {}).codes).not.toContain('DEPOSIT_UNMATCHED');
    const r = run(files, { unpair: [{ file: 'b.csv', line: 2 }] });
    expect(r.codes).toEqual(expect.arrayContaining(['DEPOSIT_UNMATCHED', 'WITHDRAWAL_UNMATCHED']));
  });

  it('ignoring a rejected row moves it from rejected to skipped and its error goes', () => {
    const r = run({ 'w.csv': `${buy}\n2024-04-01 10:00,,,2,DOT,,,,,weird,,` }, { rows: [{ file: 'w.csv', line: 3, ignore: 'test row' }] });
    expect(r.data.inputs).toEqual({ files: 1, rows: 2, imported: 1, skipped: 1, rejected: 0 });
    expect(r.codes).not.toContain('ROW_UNKNOWN_TYPE');
  });

  it('a Kraken ledger row of an unknown type, given its meaning, is read again as a movement', () => {
    // line 2: type "teleport", 10 SOL; stated as staking income worth 200.00
    const text = readFileSync(new URL('../../fixtures/broken/unknown-row-type-kraken.csv', import.meta.url), 'utf8');
    const { options } = toReportOptions(cliArgs());
    const read = readOverrides('o.json', JSON.stringify({ rows: [{ file: 'kraken.csv', line: 2, as: 'income', kind: 'staking', value: '200.00' }] }));
    const data = computeReport([{ file: 'kraken.csv', text }], { ...options, overrides: read.overrides });
    expect(data.inputs).toMatchObject({ rows: 2, imported: 2, rejected: 0 });
    expect((data.summary as { income: { byKind: { staking: string } } }).income.byKind.staking).toBe('200.00');
    expect(data.overridesApplied.map((a) => a.to)).toEqual(['staking income of 10 SOL [value 200 USD]']);
  });

  it('a row rejected for a bad number cannot be given a meaning without its facts', () => {
    const r = run({ 'w.csv': `${buy}\n2024-04-01 10:00,,,2x,DOT,,,,,,,` }, { rows: [{ file: 'w.csv', line: 3, as: 'income', kind: 'other' }] });
    expect(r.codes).toEqual(expect.arrayContaining(['OVERRIDES_INVALID', 'ROW_BAD_NUMBER']));
    expect(r.data.inputs.rejected).toBe(1);
  });

  it('value on a trade with a fiat leg is refused: the fiat amount is its value', () => {
    const r = run({ 'w.csv': buy }, { rows: [{ file: 'w.csv', line: 2, value: '1' }] });
    expect(r.codes).toContain('OVERRIDES_INVALID');
  });

  it('a not-taxable deposit arrives at zero basis, known, without a warning', () => {
    // 1 ETH arrives (not taxable), sold for 100: 100 − 0 = 100.00, not missing basis
    const r = run({ 'w.csv': '2024-01-01 10:00,,,1,ETH,,,,,,,\n2024-02-01 10:00,1,ETH,100,USD,,,,,,,' }, { rows: [{ file: 'w.csv', line: 2, as: 'not-taxable' }] });
    expect(r.codes).not.toContain('DEPOSIT_UNMATCHED');
    expect(r.codes).not.toContain('MISSING_BASIS');
    expect((r.data.summary as { missingBasis: { disposals: number } }).missingBasis.disposals).toBe(0);
  });
});
