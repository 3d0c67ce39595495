/** Reading input bytes: UTF-8 as is, UTF-16 (both byte orders) decoded by its byte-order mark. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectInputs, decodeText } from './io.js';
import { UsageError } from './errors.js';
import { readInputs, readTextFile } from './read-input.js';

describe('decodeText', () => {
  const text = 'Date,Sent Amount\n2024-01-01,1.5\n';
  it('reads UTF-8', () => expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text));
  it('reads UTF-16 LE with its BOM', () => expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text));
  it('reads UTF-16 BE with its BOM', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
  });
  it('reads bytes that are not UTF-8 as Windows-1252 (0x80 is €, 0xe9 is é)', () => {
    expect(decodeText(Buffer.from([0x80, 0x31, 0x2c, 0x63, 0x61, 0x66, 0xe9]))).toBe('€1,café');
  });
});

describe('readInputs of a Windows-1252 file', () => {
  it('streams it with the 0x80–0x9F characters mapped (0x93 “, 0x94 ”, 0x96 –) and warns', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'taxlot-io-')), 'w.csv');
    writeFileSync(file, Buffer.from([0x93, 0x61, 0x94, 0x96, 0x62, 0x0a]));
    for (const chunkBytes of [1, 64]) {
      const [input] = readInputs([file], { chunkBytes });
      expect([...(input?.text as () => Iterable<string>)()].join('')).toBe('“a”–b\n');
      expect(input?.readDiagnostics?.map((d) => d.code)).toEqual(['INPUT_ENCODING']);
    }
  });
});

describe('readTextFile (price tables, overrides, coin maps)', () => {
  it('drops a UTF-8 byte-order mark, so a JSON file saved by Notepad parses', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'taxlot-io-')), 'overrides.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"liabilities":[]}')]));
    expect(JSON.parse(readTextFile(file, 'overrides file'))).toEqual({ liabilities: [] });
  });
  it('names the file it cannot read', () => {
    expect(() => readTextFile('/nonexistent/prices.csv', 'price table')).toThrow('cannot read the price table /nonexistent/prices.csv');
  });
});

describe('collectInputs', () => {
  it('refuses a device or pipe given as input (reading it would never end)', () => {
    expect(() => collectInputs(['/dev/zero'])).toThrow(UsageError);
    expect(() => collectInputs(['/dev/zero'])).toThrow('/dev/zero is not a regular file');
  });
  it('never reads a report being written, or left half-written by a killed run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxlot-collect-'));
    writeFileSync(join(dir, 'a.csv'), 'x');
    mkdirSync(join(dir, '.r.taxlot-tmp-4242-0a1b2c'));
    writeFileSync(join(dir, '.r.taxlot-tmp-4242-0a1b2c', 'form8949.csv'), 'x');
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, '.hidden', 'b.csv'), 'x');
    expect(collectInputs([dir])).toEqual([join(dir, '.hidden', 'b.csv'), join(dir, 'a.csv')]);
  });
  it('reads regular files given, and the CSV files of folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taxlot-collect-'));
    writeFileSync(join(dir, 'b.csv'), 'x');
    writeFileSync(join(dir, 'a.CSV'), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(collectInputs([dir])).toEqual([join(dir, 'a.CSV'), join(dir, 'b.csv')]);
    expect(collectInputs([join(dir, 'notes.txt')])).toEqual([join(dir, 'notes.txt')]);
  });
});
