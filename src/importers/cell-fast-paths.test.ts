/**
 * The importers' per-cell fast paths give what the general readings give: a plain number cell
 * without a result object (parsePlainNumber), the decimal column without decimalWithUnit's
 * intermediate results, a cell context reused from row to row while the file's stays the same,
 * and the column readers the driver uses instead of `parse`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellFailure, decimal, ifPresent, instant, optional, readerOf, text, type Column } from './columns.js';
import { skip } from './importer-spec.js';
import { parseNumber, parsePlainNumber } from './parse-number.js';
import { compileColumns, parseRow, type CellParser } from './parse-row.js';

const cellText = fc.oneof(
  fc.tuple(fc.constantFrom('', '-', '+', ' ', '('), fc.stringMatching(/^[0-9]{0,35}$/), fc.constantFrom('', '.', ','), fc.stringMatching(/^[0-9]{0,45}$/), fc.constantFrom('', ')', ' BTC', 'e5'))
    .map((parts) => parts.join('')),
  fc.string({ maxLength: 12 }),
);

describe('parsePlainNumber', () => {
  it('is parseNumber’s value wherever it answers, with either decimal mark', () => {
    fc.assert(
      fc.property(cellText, fc.constantFrom('.' as const, ',' as const), (cell, sep) => {
        const plain = parsePlainNumber(cell, { decimalSeparator: sep });
        if (plain === undefined) return;
        const general = parseNumber(cell, { decimalSeparator: sep });
        expect(general?.unit).toBeUndefined();
        expect(general?.value.equals(plain)).toBe(true);
        expect(plain.isNegative()).toBe(general?.value.isNegative());
      }),
      { numRuns: 3000 },
    );
  });

  it('answers the plain cells and leaves the others', () => {
    expect(parsePlainNumber('-12.50')?.toFixed()).toBe('-12.5');
    expect(parsePlainNumber('-0.00')?.isNegative()).toBe(false); // no negative zero, as parseNumber
    expect(parsePlainNumber('1,5', { decimalSeparator: ',' })?.toFixed()).toBe('1.5');
    expect(parsePlainNumber('1,234.5')).toBeUndefined();
    expect(parsePlainNumber('1e5')).toBeUndefined();
  });
});

describe('decimal column', () => {
  const column = decimal('Amount');
  const ctx = { header: 'Amount', numberStyle: {}, zone: 'UTC' };
  it('reads what decimalWithUnit reads and refuses a unit, with the same messages', () => {
    const ok = column.parse(' 1,234.50 ', ctx);
    expect(ok.ok && ok.value.toFixed()).toBe('1234.5');
    expect(column.parse('0.5 DOGE', ctx)).toEqual({ ok: false, problem: { code: 'ROW_BAD_NUMBER', message: 'cannot read "0.5 DOGE" as a number in column "Amount"' } });
    expect(column.parse('  ', ctx)).toEqual({ ok: false, problem: { code: 'ROW_MISSING_VALUE', message: 'column "Amount" is empty' } });
    expect(column.parse('abc', ctx)).toEqual({ ok: false, problem: { code: 'ROW_BAD_NUMBER', message: 'cannot read "abc" as a number in column "Amount"' } });
  });
});

describe('parseRow with a context kept from row to row', () => {
  const parsers: CellParser[] = [
    { key: 'amount', index: 0, header: 'Amount', column: decimal('Amount') as CellParser['column'] },
    { key: 'when', index: 1, header: 'Date', column: instant('Date') as CellParser['column'] },
  ];
  const ref = { file: 'f.csv', line: 2, format: 'test' };
  it('follows a change of number style and zone between rows', () => {
    const read = (cells: string[], numberStyle: { decimalSeparator?: '.' | ',' }, zone: string) => {
      const r = parseRow(parsers, cells, { header: '', numberStyle, zone }, ref);
      if (!('values' in r)) throw new Error('row not read');
      return [(r.values['amount'] as { toFixed(): string }).toFixed(), new Date(r.values['when'] as number).toISOString()];
    };
    expect(read(['1.5', '2024-01-02 03:04:05'], {}, 'UTC')).toEqual(['1.5', '2024-01-02T03:04:05.000Z']);
    // a decimal comma and New York (UTC-5 in January) from the next row on
    expect(read(['1,5', '2024-01-02 03:04:05'], { decimalSeparator: ',' }, 'America/New_York')).toEqual(['1.5', '2024-01-02T08:04:05.000Z']);
    expect(read(['2.25', '2024-01-02 03:04:05'], {}, 'UTC')).toEqual(['2.25', '2024-01-02T03:04:05.000Z']);
  });
});

describe('column readers (readerOf): parse without a result object', () => {
  const ctx = { header: 'H', numberStyle: {}, zone: 'UTC' };
  const readValue = (column: Parameters<typeof readerOf>[0], cell: string | undefined) => {
    const read = readerOf(column);
    if (!read) throw new Error('no reader');
    const v = read(cell, ctx);
    return v instanceof CellFailure ? { problem: v.problem } : { value: v };
  };
  it('give the values and problems parse gives', () => {
    expect(readValue(text('H'), '  abc ')).toEqual({ value: 'abc' });
    expect((readValue(decimal('H'), '-0.50').value as { toFixed(): string }).toFixed()).toBe('-0.5');
    expect(readValue(decimal('H'), '')).toEqual({ problem: { code: 'ROW_MISSING_VALUE', message: 'column "H" is empty' } });
    expect(readValue(instant('H'), '2024-01-02 03:04:05')).toEqual({ value: Date.UTC(2024, 0, 2, 3, 4, 5) });
    expect(readValue(instant('H'), '2024-13-02')).toEqual({ problem: { code: 'ROW_BAD_DATE', message: 'cannot read "2024-13-02" as a date/time in column "H"' } });
    expect(readValue(optional(decimal('H')), 'null')).toEqual({ value: undefined });
    expect(readValue(ifPresent(decimal('H')), '--')).toEqual({ value: undefined });
    expect(readValue(ifPresent(decimal('H')), 'x')).toEqual({ problem: { code: 'ROW_BAD_NUMBER', message: 'cannot read "x" as a number in column "H"' } });
    expect(decimal('H').parse('x', ctx)).toEqual({ ok: false, problem: { code: 'ROW_BAD_NUMBER', message: 'cannot read "x" as a number in column "H"' } });
    expect(optional(text('H')).parse(' ', ctx)).toEqual({ ok: true, value: undefined });
  });

  it('are not inherited by a column built by spreading one and giving its own parse', () => {
    const inner = decimal('H');
    const doubled: Column<string> = { ...inner, parse: (cell) => ({ ok: true, value: `${cell}${cell}` }) };
    expect(readerOf(doubled as Column<unknown>)).toBeUndefined();
    const parsers: CellParser[] = compileColumns(
      { id: 't', label: 't', howToExport: 't', wallet: 'w', columns: { a: doubled, b: optional(doubled) }, mapRow: () => skip('t') } as never,
      new Map([
        ['a', { index: 0, header: 'H' }],
        ['b', { index: 1, header: 'H' }],
      ]) as never,
    );
    const r = parseRow(parsers, ['ab', 'c'], { header: '', numberStyle: {}, zone: 'UTC' }, { file: 'f', line: 2, format: 't' });
    expect('values' in r && r.values).toEqual({ a: 'abab', b: 'cc' });
  });
});
