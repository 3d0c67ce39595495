/**
 * The CSV cell rules, checked against their statement as regular expressions (RFC 4180 quoting,
 * the OWASP formula guard) on hand-picked and generated text: the character-by-character checks
 * of write-csv.ts must quote and defuse exactly the same cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvNumber, csvSourceRef, csvText, lineChunks, num, renderCell, renderCsv } from './write-csv.js';

// The rules as written in the module header, with RegExp: the reference.
const DANGEROUS = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/;
const quote = (t: string): string => (NEEDS_QUOTES.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
const referenceText = (t: string): string => quote(DANGEROUS.test(t) ? `'${t}` : t);

/** Text rich in the characters the rules look at, Unicode white space included. */
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', ',', '\n', '\r', '\t', ' ', '=', '+', '-', '@', 'a', '1', '.', "'", '\v', '\f'),
      fc.constantFrom('\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e'),
      fc.string({ maxLength: 2, unit: 'binary' }),
    ),
    { maxLength: 8 },
  )
  .map((a) => a.join(''));

describe('CSV cells', () => {
  it('quote and defuse by hand', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvText('-5')).toBe("'-5");
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText(' lead')).toBe('" lead"');
    expect(csvText('trail\u00a0')).toBe('"trail\u00a0"');
    expect(csvText('\tx')).toBe("'\tx");
    expect(csvText('')).toBe('');
    expect(csvNumber('-12.50')).toBe('-12.50');
    expect(renderCell(num('-0.10'))).toBe('-0.10');
    expect(renderCell(undefined)).toBe('');
    expect(renderCell(-3)).toBe('-3');
  });

  it('agree with the rules written as regular expressions on any text', () => {
    fc.assert(
      fc.property(tricky, (t) => {
        expect(csvText(t)).toBe(referenceText(t));
        expect(renderCell(t)).toBe(referenceText(t));
        expect(csvNumber(t)).toBe(quote(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('write a source reference as the text file:line would be written', () => {
    expect(csvSourceRef({ file: 'exports/kraken.csv', line: 12 })).toBe('exports/kraken.csv:12');
    expect(csvSourceRef({ file: 'a,b.csv', line: 3 })).toBe('"a,b.csv:3"');
    expect(csvSourceRef({ file: '=cmd"x.csv', line: 40 })).toBe(`"'=cmd""x.csv:40"`);
    expect(csvSourceRef({ file: ' lead.csv', line: 1 })).toBe('" lead.csv:1"');
    fc.assert(
      fc.property(tricky, fc.nat(10_000_000), (file, line) => {
        // twice: the second call takes the file's cached parts
        expect(csvSourceRef({ file, line })).toBe(referenceText(`${file}:${line}`));
        expect(csvSourceRef({ file, line: line + 1 })).toBe(referenceText(`${file}:${line + 1}`));
      }),
      { numRuns: 10_000 },
    );
  });

  it('rows written as strings give the bytes of Cell rows', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`=row ${i}`, num(`-${i}.50`), 'a,b']);
    const lines = rows.map((r) => `${csvText(r[0] as string)},${csvNumber(`-${rows.indexOf(r)}.50`)},${csvText('a,b')}`);
    const chunks = [...lineChunks(['name', 'amount', 'text'], lines)];
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    expect(chunks.join('')).toBe(renderCsv(['name', 'amount', 'text'], rows));
    expect(chunks.join('').split('\n')[2]).toBe(`'=row 1,-1.50,"a,b"`);
  });
});
