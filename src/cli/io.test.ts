/** Reading input bytes: UTF-8 as is, UTF-16 (both byte orders) decoded by its byte-order mark. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectInputs, decodeText } from './io.js';
import { UsageError } from './errors.js';

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
});

describe('collectInputs', () => {
  it('refuses a device or pipe given as input (reading it would never end)', () => {
    expect(() => collectInputs(['/dev/zero'])).toThrow(UsageError);
    expect(() => collectInputs(['/dev/zero'])).toThrow('/dev/zero is not a regular file');
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
