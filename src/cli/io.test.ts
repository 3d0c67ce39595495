/** Reading input bytes: UTF-8 as is, UTF-16 (both byte orders) decoded by its byte-order mark. */
import { describe, expect, it } from 'vitest';
import { decodeText } from './io.js';

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
